import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTagger, recognizeEntities, tagConll } from './recognize.ts';

const TEXT = [
  'قال الرئيس الفرنسي إيمانويل ماكرون في باريس يوم الاثنين إن بلاده ستدعم جهود الأمم المتحدة.',
  'وأعلنت وزارة الخارجية المصرية أن الوزير سامح شكري سيزور العراق والأردن الأسبوع المقبل.',
  'ونقلت وكالة رويترز عن مسؤولين في واشنطن أن المحادثات ستستأنف في القاهرة.',
].join('\n');

describe('recognizeEntities', () => {
  const entities = recognizeEntities(TEXT);
  const found = (type: string, text: string) => entities.some((e) => e.type === type && e.text === text);

  it('finds people, places and organisations in news sentences', () => {
    expect(found('PERS', 'إيمانويل ماكرون')).toBe(true);
    expect(found('LOC', 'باريس')).toBe(true);
    expect(found('LOC', 'واشنطن')).toBe(true);
    expect(found('LOC', 'القاهرة')).toBe(true);
    expect(found('ORG', 'رويترز')).toBe(true);
  });

  it('gives exact offsets into the original text, sorted by start', () => {
    expect(entities.length).toBeGreaterThan(5);
    for (const e of entities) {
      expect(TEXT.slice(e.start, e.end)).toBe(e.text);
      expect(e.start).toBeLessThan(e.end);
    }
    expect([...entities].sort((a, b) => a.start - b.start)).toEqual(entities);
  });

  it('leaves a leading conjunction out of the span («والأردن» → «الأردن»)', () => {
    const jordan = entities.find((e) => e.text.endsWith('الأردن'));
    expect(jordan?.text).toBe('الأردن');
    expect(jordan?.type).toBe('LOC');
  });

  it('trims ب/ل/و before a name but keeps ك-initial names and «لل» tokens whole', () => {
    const text = 'وصل الوفد ببغداد ثم سافر إلى مدينة كالغاري الكندية، وللولايات المتحدة قاعدة قرب البصرة.';
    const found = recognizeEntities(text);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(found.some((e) => e.text === 'بغداد' && e.type === 'LOC')).toBe(true);
    expect(found.some((e) => e.text === 'كالغاري')).toBe(true);
    expect(found.some((e) => e.text === 'للولايات المتحدة' && e.type === 'LOC')).toBe(true);
  });

  it('keeps a listed name whole even when it starts like a preposition («بابل», not «ابل»)', () => {
    const text = 'وصلت تعزيزات أمنية إلى محافظة بابل جنوب العاصمة، وزار المحافظ مدينة الحلة.';
    const place = recognizeEntities(text).find((e) => e.text.endsWith('ابل'));
    expect(place?.text).toBe('بابل');
    expect(place?.type).toBe('LOC');
  });

  it('returns nothing for empty or entity-free text and is deterministic', () => {
    expect(recognizeEntities('')).toEqual([]);
    expect(recognizeEntities('  \n ')).toEqual([]);
    expect(recognizeEntities(TEXT)).toEqual(entities);
  });

  it('copes with tashkeel, Latin and very long run-on input', () => {
    const text = 'وصلَ الوفدُ إلى بغدادَ قادماً من طهران برفقة NATO.';
    for (const e of recognizeEntities(text)) expect(text.slice(e.start, e.end)).toBe(e.text);
    const long = 'زار الوزير بغداد و'.repeat(2000);
    // Speed on long input is measured by `npm run bench -- annotate`, never timed here.
    const found = recognizeEntities(long);
    expect(found.length).toBeGreaterThan(0);
    for (const e of found) expect(long.slice(e.start, e.end)).toBe(e.text);
  });
});

describe('tagConll', () => {
  it('returns one BIO tag per given token, keeping the tokenisation', () => {
    const sentences = [
      ['التقى', 'وزير', 'الخارجية', 'الأمريكي', 'أنتوني', 'بلينكن', 'في', 'الرياض', '.'],
      [],
      ['والسعودية'],
    ];
    const tags = tagConll(sentences);
    expect(tags.map((t) => t.length)).toEqual([9, 0, 1]);
    expect(tags[0]!.slice(4, 6)).toEqual(['B-PERS', 'I-PERS']);
    expect(tags[0]![7]).toBe('B-LOC');
    for (const tag of tags.flat()) expect(tag).toMatch(/^(O|[BI]-(PERS|ORG|LOC|MISC))$/u);
  });
});

describe('context aggregation (document-context.ts) in the shipped model', () => {
  it('types a name by the contexts of its other occurrences nearby («شركة X» → «أسهم X» is the company)', () => {
    const tagger = loadTagger();
    expect(tagger.resources.documentWindow).toBe(3);
    // Invented company names: «أسهم X» alone gives no company cue; the sentence before («شركة X») does.
    const names = ['ليماكو', 'برانتيكس', 'كوراتيك', 'فيرانو'];
    const secondTag = (name: string, withContext: boolean): string => {
      const sentences = [
        `أعلنت شركة ${name} للاتصالات أرباحها السنوية`,
        `وارتفعت أسهم ${name} بنسبة خمسة في المئة`,
      ].map((s) => s.split(' '));
      return withContext ? tagConll(sentences, tagger)[1]![2]! : tagConll([sentences[1]!], tagger)[0]![2]!;
    };
    // A name ending like an Italian surname («فيرانو») may still read as a person: most, not all, become the company.
    expect(names.filter((name) => secondTag(name, true) === 'B-ORG').length).toBeGreaterThanOrEqual(3);
    expect(names.filter((name) => secondTag(name, false) === 'B-ORG')).toEqual([]);
  });
});

describe('span refiners in recognizeEntities', () => {
  it('keeps «أبو ظبي» a place and the adjective «القائم» untagged', () => {
    const text = 'وصل الوفد إلى أبو ظبي مساء الخميس. وقال المتحدث إن الوضع القائم لن يستمر طويلا.';
    const entities = recognizeEntities(text);
    expect(entities.some((e) => e.text.includes('ظبي') && e.type === 'LOC')).toBe(true);
    expect(entities.some((e) => e.text.includes('ظبي') && e.type === 'PERS')).toBe(false);
    expect(entities.some((e) => e.text.includes('القائم'))).toBe(false);
  });

  it('tags a lone surname after the full name in the same text', () => {
    const text = 'استقبل رئيس البرلمان سليم عارف الدليمي وفدا من البصرة. وأكد الدليمي أن الزيارة مهمة.';
    const entities = recognizeEntities(text);
    expect(entities.filter((e) => e.type === 'PERS').map((e) => e.text)).toContain('الدليمي');
  });
});

describe('loadTagger', () => {
  it('reports a missing or corrupt model file as an EngineError', () => {
    const dir = mkdtempSync(join(tmpdir(), 'marsad-model-'));
    expect(() => loadTagger(join(dir, 'absent.json.gz'))).toThrow(/model/u);
    writeFileSync(join(dir, 'bad.json.gz'), 'not gzip');
    expect(() => loadTagger(join(dir, 'bad.json.gz'))).toThrow(expect.objectContaining({ code: 'model/missing' }));
  });
});
