import { describe, expect, it } from 'vitest';
import { agencyOf, citedAgencies } from './agencies.ts';
import { createLshIndex, lshCandidates, lshInsert } from './lsh.ts';
import { estimateJaccard, minhashSignature, shingleHashes } from './minhash.ts';

const BASE =
  'أعلنت هيئة الأرصاد الجوية أن موجة حارة ستضرب المنطقة الشرقية اعتبارا من يوم غد وتستمر حتى نهاية الأسبوع، وتوقعت أن تتجاوز درجات الحرارة 48 درجة مئوية في الأحساء والدمام، داعية المواطنين والمقيمين إلى تجنب التعرض لأشعة الشمس في ساعات الظهيرة وشرب كميات كافية من الماء.';
const EDITED = `${BASE.replace('يوم غد', 'الغد')}\nشارك الخبر`;
const OTHER =
  'افتتح وزير التعليم معرضا للكتاب في جامعة الملك سعود بمشاركة أكثر من مئتي دار نشر عربية وأجنبية، ويستمر المعرض عشرة أيام ويضم ندوات وأمسيات شعرية وورش عمل للأطفال.';

describe('minhash + LSH near-duplicates', () => {
  it('estimates a high Jaccard for a lightly edited copy with a boilerplate tail, near zero for another story', () => {
    const a = minhashSignature(BASE)!;
    expect(estimateJaccard(a, minhashSignature(EDITED)!)).toBeGreaterThan(0.6);
    expect(estimateJaccard(a, minhashSignature(OTHER)!)).toBeLessThan(0.1);
    expect(minhashSignature('')).toBeNull();
  });

  it('folds tashkeel and alef forms before shingling', () => {
    expect([...shingleHashes('أعلنتْ هيئةُ الأرصادِ الجويةِ أنَّ')]).toEqual([
      ...shingleHashes('اعلنت هيئة الارصاد الجوية ان'),
    ]);
  });

  it('finds the copy as an LSH candidate and not the unrelated article', () => {
    const index = createLshIndex();
    lshInsert(index, 0, minhashSignature(BASE)!);
    lshInsert(index, 1, minhashSignature(OTHER)!);
    expect(lshCandidates(index, minhashSignature(EDITED)!)).toEqual([0]);
  });
});

describe('agencies', () => {
  it('maps cited-source names and body credits to canonical agencies', () => {
    expect(agencyOf('وكالة “رويترز”')).toBe('رويترز');
    expect(agencyOf('وكالة الأنباء السعودية')).toBe('واس');
    expect(agencyOf('صحيفة الوطن')).toBeNull();
    expect(citedAgencies([], 'الرياض - واس\nأعلن مجلس الوزراء …')).toEqual(['واس']);
    expect(citedAgencies(['أ ف ب', 'البنتاغون'], 'نص')).toEqual(['فرانس برس']);
    // «قنا» is also the Egyptian city of Qena: an agency when cited as a source, not when a body names the city.
    expect(citedAgencies(['قنا'], 'نص')).toEqual(['قنا']);
    expect(citedAgencies([], 'قنا - لقي شخصان مصرعهما في حادث سير على طريق مصر أسوان الزراعي')).toEqual([]);
  });
});
