import { describe, expect, it } from 'vitest';
import type { EntityMention } from '../../core/annotation.ts';
import { findQuotes } from './index.ts';

function entity(text: string, body: string, type: EntityMention['type'], canonical = text): EntityMention {
  const start = body.indexOf(text);
  return { type, text, start, end: start + text.length, entityId: `id:${canonical}`, canonical };
}

describe('findQuotes', () => {
  it('finds reported speech with «إن» and a speaker cut before «في بيان»', () => {
    const body = 'وقالت وزارة الصحة في بيان إن عدد الإصابات تراجع خلال الأسبوع.';
    const [quote] = findQuotes(body);
    expect(quote).toMatchObject({
      kind: 'reported',
      speaker: 'وزارة الصحة',
      text: 'عدد الإصابات تراجع خلال الأسبوع',
      speakerEntityId: null,
    });
    expect(body.slice(quote!.start, quote!.end)).toBe(quote!.text);
  });

  it('does not end reported content at the period of an abbreviation such as «د.»', () => {
    const body = 'وأكد مدير المستشفى أن د. سليم الحداد سيتولى الإشراف على قسم الطوارئ. ثم غادر المكان.';
    expect(findQuotes(body)[0]).toMatchObject({
      kind: 'reported',
      text: 'د. سليم الحداد سيتولى الإشراف على قسم الطوارئ',
    });
  });

  it('accepts a quoted name inside the speaker phrase', () => {
    const body = 'ذكرت وكالة “الأناضول”، أن الوفدين اتفقا على جدول زمني للمحادثات.';
    expect(findQuotes(body)[0]).toMatchObject({
      kind: 'reported',
      speaker: 'وكالة الأناضول',
      text: 'الوفدين اتفقا على جدول زمني للمحادثات',
    });
  });

  it('finds «أشار ... إلى أن» and links a person speaker to its entity', () => {
    const body = 'وأشار وزير الخارجية سامي الأحمد إلى أن المفاوضات بلغت مرحلة حاسمة.';
    const quotes = findQuotes(body, [entity('سامي الأحمد', body, 'PERS')]);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({
      speaker: 'وزير الخارجية سامي الأحمد',
      speakerEntityId: 'id:سامي الأحمد',
      text: 'المفاوضات بلغت مرحلة حاسمة',
    });
  });

  it('finds «أوضحت ... أن» with a feminine speaker', () => {
    const body = 'وأوضحت المديرة العامة للمستشفى أن الأجنحة الجديدة ستفتتح مطلع الشهر المقبل.';
    expect(findQuotes(body)[0]).toMatchObject({
      kind: 'reported',
      speaker: 'المديرة العامة للمستشفى',
      text: 'الأجنحة الجديدة ستفتتح مطلع الشهر المقبل',
    });
  });

  it('keeps a role speaker with no entity unlinked', () => {
    const body = 'وأكد المتحدث باسم الخارجية أن بلاده لن تتدخل في الشؤون الداخلية.';
    const quotes = findQuotes(body, [entity('الخارجية', body, 'ORG')]);
    expect(quotes[0]).toMatchObject({ speaker: 'المتحدث باسم الخارجية', speakerEntityId: null });
  });

  it('finds a direct quote after a colon and gives it the speaker', () => {
    const body = 'وقال رئيس البلدية: «سنعيد فتح الطرق المغلقة خلال يومين».';
    const quotes = findQuotes(body);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({
      kind: 'direct',
      speaker: 'رئيس البلدية',
      text: 'سنعيد فتح الطرق المغلقة خلال يومين',
    });
  });

  it('finds a direct quote with the attribution after it', () => {
    const body = '“لن نسمح بتكرار ما حدث في الصيف الماضي”، قال قائد الشرطة.';
    const [quote] = findQuotes(body);
    expect(quote).toMatchObject({
      kind: 'direct',
      speaker: 'قائد الشرطة',
      text: 'لن نسمح بتكرار ما حدث في الصيف الماضي',
    });
  });

  it('finds straight double quotes', () => {
    const body = 'وقال المدرب: "الفريق قدم مباراة كبيرة رغم الغيابات".';
    expect(findQuotes(body)[0]).toMatchObject({ kind: 'direct', text: 'الفريق قدم مباراة كبيرة رغم الغيابات' });
  });

  it('does not treat a quoted name or a scare quote as a quote', () => {
    const body = 'نشرت صحيفة “الأيام” تقريراً عن الأزمة “الخانقة” في المدينة.';
    expect(findQuotes(body)).toEqual([]);
  });

  it('builds an attribution chain from «نقلاً عن», origin first', () => {
    const body = 'وقالت الصحيفة نقلاً عن مسؤولين اثنين إن الاتفاق سيوقع قريباً.';
    const [quote] = findQuotes(body);
    expect(quote).toMatchObject({
      speaker: 'مسؤولين اثنين',
      via: ['مسؤولين اثنين', 'الصحيفة'],
      text: 'الاتفاق سيوقع قريباً',
    });
  });

  it('reads «بحسب ما نقلت وكالة X عن Y» as a chain over the preceding clause, with entity labels', () => {
    const body = 'ارتفع عدد النازحين إلى 20 ألفاً، بحسب ما نقلت وكالة الأنباء الفرنسية عن الأمم المتحدة.';
    const entities = [entity('الأنباء الفرنسية', body, 'ORG', 'فرانس برس'), entity('الأمم المتحدة', body, 'ORG')];
    const [quote] = findQuotes(body, entities);
    expect(quote).toMatchObject({
      kind: 'reported',
      text: 'ارتفع عدد النازحين إلى 20 ألفاً',
      speaker: 'الأمم المتحدة',
      speakerEntityId: 'id:الأمم المتحدة',
    });
    expect(quote!.via).toEqual(['الأمم المتحدة', 'فرانس برس']);
  });

  it('reads «نقل X عن Y قوله» as Y via X, for reported and direct speech', () => {
    const body =
      'ونقلت الصحيفة عن الوزير قوله إن الميزانية ستقر قريباً. ونقل الموقع عن المتحدث قوله: «لا تغيير في المواعيد المقررة».';
    const quotes = findQuotes(body);
    expect(quotes.map((quote) => [quote.kind, quote.speaker, quote.via])).toEqual([
      ['reported', 'الوزير', ['الوزير', 'الصحيفة']],
      ['direct', 'المتحدث', ['المتحدث', 'الموقع']],
    ]);
  });

  it('reads «وبحسب X فإن ...» with the content after the source', () => {
    const body = 'وبحسب مسؤولين محليين فإن الطريق سيفتح أمام الشاحنات غداً.';
    expect(findQuotes(body)[0]).toMatchObject({ speaker: 'مسؤولين محليين', text: 'الطريق سيفتح أمام الشاحنات غداً' });
  });

  it('reads «وفق» after a clause', () => {
    const body = 'ستستمر الأشغال ثلاثة أشهر أخرى، وفق مصادر في البلدية.';
    expect(findQuotes(body)[0]).toMatchObject({ speaker: 'مصادر', text: 'ستستمر الأشغال ثلاثة أشهر أخرى' });
  });

  it('carries the speaker over «وأضاف أن» and participles', () => {
    const body =
      'وقال المحافظ إن المياه ستعود إلى الأحياء غداً. وأضاف أن فرق الصيانة تعمل منذ الفجر، مؤكداً أن الإمدادات كافية.';
    const quotes = findQuotes(body);
    expect(quotes.map((quote) => quote.speaker)).toEqual(['المحافظ', 'المحافظ', 'المحافظ']);
    expect(quotes[1]!.text).toBe('فرق الصيانة تعمل منذ الفجر، مؤكداً أن الإمدادات كافية');
  });

  it('does not take «مقال» or «المقال» for the verb «قال»', () => {
    const body = 'نشر الكاتب مقالا أن فيه الكثير من المغالطات حول الاقتصاد.';
    expect(findQuotes(body)).toEqual([]);
  });

  it('spans are exact and the output is deterministic', () => {
    const body = 'وأعلنت الشركة أن أرباحها ارتفعت. وقال مديرها: «النتائج فاقت التوقعات هذا العام».';
    const first = findQuotes(body);
    expect(findQuotes(body)).toEqual(first);
    for (const quote of first) expect(body.slice(quote.start, quote.end)).toBe(quote.text);
  });
});
