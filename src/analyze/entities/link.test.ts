import { describe, expect, it } from 'vitest';
import type { EntityType } from '../../core/annotation.ts';
import { isShortForm, isSpellingVariant, linkEntities, linkKey, type RawMention } from './link.ts';

/** Hand-made mentions located in `body`, each searched after the previous one (items are in text order). */
function mentionsIn(body: string, items: readonly [EntityType, string][]): RawMention[] {
  let cursor = 0;
  return items.map(([type, text]) => {
    const start = body.indexOf(text, cursor);
    if (start < 0) throw new Error(`missing ${text}`);
    cursor = start + text.length;
    return { type, text, start, end: start + text.length };
  });
}

describe('linkEntities', () => {
  it('links a later surname and a first+last short form to the full name', () => {
    const body =
      'استقبل وزير الدفاع كريم حسن الجبوري نظيره. وقال الجبوري إن الزيارة مهمة، وأضاف كريم الجبوري أن التعاون مستمر.';
    const linked = linkEntities(
      mentionsIn(body, [
        ['PERS', 'كريم حسن الجبوري'],
        ['PERS', 'الجبوري'],
        ['PERS', 'كريم الجبوري'],
      ]),
      body,
    );
    expect(new Set(linked.map((e) => e.entityId)).size).toBe(1);
    expect(linked.every((e) => e.canonical === 'كريم حسن الجبوري')).toBe(true);
    for (const e of linked) expect(body.slice(e.start, e.end)).toBe(e.text);
  });

  it('links an earlier, mistyped short form to a later full name', () => {
    const body = 'أكد الحلبوسي في كلمته أن رئيس البرلمان نزار علي الحلبوسي سيزور عمان.';
    const linked = linkEntities(
      mentionsIn(body, [
        ['LOC', 'الحلبوسي'],
        ['PERS', 'نزار علي الحلبوسي'],
      ]),
      body,
    );
    expect(linked[0]).toMatchObject({ type: 'PERS', canonical: 'نزار علي الحلبوسي', entityId: linked[1]!.entityId });
  });

  it('links transposed-letter misspellings of a surname', () => {
    const body = 'التقى الوزير روبرت كارتسن ثم غادر كارستن القاعة.';
    const linked = linkEntities(
      mentionsIn(body, [
        ['PERS', 'روبرت كارتسن'],
        ['PERS', 'كارستن'],
      ]),
      body,
    );
    expect(linked[1]!.entityId).toBe(linked[0]!.entityId);
  });

  it('links spelling variants of an adjective but not a country to its adjective', () => {
    const body = 'رحبت الخارجية الأميركية بالقرار، وأكدت الإدارة الأمريكية دعمها لأمريكا اللاتينية.';
    const linked = linkEntities(
      mentionsIn(body, [
        ['MISC', 'الأميركية'],
        ['MISC', 'الأمريكية'],
        ['LOC', 'أمريكا اللاتينية'],
      ]),
      body,
    );
    expect(linked[0]!.entityId).toBe(linked[1]!.entityId);
    expect(linked[2]!.entityId).not.toBe(linked[0]!.entityId);
  });

  it('links aliases to one canonical organisation', () => {
    const body = 'تبنى تنظيم داعش الهجوم. ويعد تنظيم الدولة الإسلامية مسؤولاً عن هجمات سابقة، وما زال داعش ينشط.';
    const linked = linkEntities(
      mentionsIn(body, [
        ['ORG', 'تنظيم داعش'],
        ['ORG', 'تنظيم الدولة الإسلامية'],
        ['ORG', 'داعش'],
      ]),
      body,
    );
    expect(new Set(linked.map((e) => e.entityId)).size).toBe(1);
    expect(linked[0]!.canonical).toBe('تنظيم الدولة الإسلامية');
  });

  it('strips clitics for the key, keeps the span as tagged', () => {
    const body = 'وقعت مصر والولايات المتحدة اتفاقاً، ورحبت الولايات المتحدة به.';
    const linked = linkEntities(
      mentionsIn(body, [
        ['LOC', 'والولايات المتحدة'],
        ['LOC', 'الولايات المتحدة'],
      ]),
      body,
    );
    expect(linked[0]).toMatchObject({
      text: 'والولايات المتحدة',
      canonical: 'الولايات المتحدة',
      entityId: linked[1]!.entityId,
    });
  });

  it('keeps a word that merely starts like a clitic + article in the canonical name', () => {
    const body = 'ونقلت وكالة الأنباء الوطنية عن مصدر رسمي أن الاجتماع انتهى.';
    const [agency] = linkEntities(mentionsIn(body, [['ORG', 'وكالة الأنباء الوطنية']]), body);
    expect(agency).toMatchObject({ text: 'وكالة الأنباء الوطنية', canonical: 'وكالة الأنباء الوطنية' });
  });

  it('links a place to its name with a generic head', () => {
    const body = 'وصلت المساعدات إلى قطاع غزة صباحاً، وتوزعت في غزة على المخيمات.';
    const linked = linkEntities(
      mentionsIn(body, [
        ['LOC', 'قطاع غزة'],
        ['LOC', 'غزة'],
      ]),
      body,
    );
    expect(linked[1]!.entityId).toBe(linked[0]!.entityId);
  });

  it('reads a capital as its government when it acts, as a place after «في»', () => {
    const body = 'وانتقدت موسكو العقوبات، فيما عقد الاجتماع في موسكو أمس. وقالت روسيا إنها سترد.';
    const linked = linkEntities(
      mentionsIn(body, [
        ['LOC', 'موسكو'],
        ['LOC', 'موسكو'],
        ['LOC', 'روسيا'],
      ]),
      body,
    );
    expect(linked[0]!.entityId).toBe(linked[2]!.entityId);
    expect(linked[1]!.entityId).not.toBe(linked[2]!.entityId);
  });

  it('gives the same id to the same entity in two articles', () => {
    const first = linkEntities([{ type: 'PERS', text: 'ليلى منصور', start: 0, end: 10 }]);
    const second = linkEntities([{ type: 'PERS', text: 'ليلى منصور', start: 40, end: 50 }]);
    expect(first[0]!.entityId).toBe(second[0]!.entityId);
  });

  it('does not merge different people sharing a first name, or short names one letter apart', () => {
    const body = 'التقى أحمد سالم مع أحمد ناصر، وزار عمار عمان.';
    const linked = linkEntities(
      mentionsIn(body, [
        ['PERS', 'أحمد سالم'],
        ['PERS', 'أحمد ناصر'],
        ['PERS', 'عمار'],
        ['LOC', 'عمان'],
      ]),
      body,
    );
    expect(new Set(linked.map((e) => e.entityId)).size).toBe(4);
  });

  it('never merges full names that differ in a name part, whatever the edit distance of the whole name', () => {
    const body = 'وقال محمد مرسي إن محمد عيسى ومحمد قرني حضرا الاجتماع مع مرسي.';
    const linked = linkEntities(
      mentionsIn(body, [
        ['PERS', 'محمد مرسي'],
        ['PERS', 'محمد عيسى'],
        ['PERS', 'محمد قرني'],
        ['PERS', 'مرسي'],
      ]),
      body,
    );
    expect(linked.map((e) => e.canonical)).toEqual(['محمد مرسي', 'محمد عيسى', 'محمد قرني', 'محمد مرسي']);
    expect(new Set(linked.map((e) => e.entityId)).size).toBe(3);
  });

  it('drops page chrome the tagger may mistake for a name', () => {
    const body = 'تاريخ النشر: اليوم';
    expect(linkEntities(mentionsIn(body, [['MISC', 'تاريخ النشر']]), body)).toEqual([]);
  });
});

describe('linking helpers', () => {
  it('normalises keys', () => {
    expect(linkKey('للولايات المتحدة')).toBe('الولايات المتحده');
    expect(linkKey('الأميركية')).toBe('الامريكيه');
    expect(linkKey('الرئيس جو بايدن')).toBe('جو بايدن');
    expect(linkKey('وبالعراق')).toBe('العراق');
    // Names that only look like a clitic + article keep their letters (the clitic splitter's minimum stem).
    expect(linkKey('مايكل بالاك')).toBe('مايكل بالاك');
    expect(linkKey('فرانك فالتر')).toBe('فرانك فالتر');
  });

  it('spelling variants need enough letters', () => {
    expect(isSpellingVariant('اوتسن', 'اوستن')).toBe(true);
    expect(isSpellingVariant('عمار', 'عمان')).toBe(false);
    expect(isSpellingVariant('الاميركيه', 'الامريكيه')).toBe(true);
  });

  it('short forms end with the same name', () => {
    expect(isShortForm(['العباسي'], ['ثابت', 'محمد', 'العباسي'])).toBe(true);
    expect(isShortForm(['ثابت'], ['ثابت', 'محمد', 'العباسي'])).toBe(false);
    expect(isShortForm(['السودان'], ['محمد', 'شياع', 'السوداني'])).toBe(false);
  });

  it('a name that starts at a forebear in a lineage name is the forebear, not a short form', () => {
    const son = ['محمد', 'بن', 'سلمان', 'بن', 'عبدالعزيز'];
    expect(isShortForm(['سلمان', 'بن', 'عبدالعزيز'], son)).toBe(false);
    expect(isShortForm(['عبدالعزيز'], ['سلمان', 'بن', 'عبدالعزيز'])).toBe(false);
    expect(isShortForm(['محمد', 'بن', 'سلمان'], [...son, 'ال', 'سعود'])).toBe(false);
    expect(isShortForm(['محمد', 'عبدالعزيز'], son)).toBe(true);
    expect(isShortForm(['بن', 'لادن'], ['اسامه', 'بن', 'لادن'])).toBe(true);
  });

  it('keeps a father and his son apart in one article', () => {
    const body = 'استقبل الأمير محمد بن نايف بن عبدالعزيز الوفد، وكان الأمير نايف بن عبدالعزيز قد أسس الجهاز.';
    const linked = linkEntities(
      mentionsIn(body, [
        ['PERS', 'محمد بن نايف بن عبدالعزيز'],
        ['PERS', 'نايف بن عبدالعزيز'],
      ]),
      body,
    );
    expect(linked[1]!.entityId).not.toBe(linked[0]!.entityId);
    expect(linked[1]!.canonical).toBe('نايف بن عبدالعزيز');
  });
});
