import { describe, expect, it } from 'vitest';
import type { EntityType } from '../core/annotation.ts';
import { annotateArticle } from './index.ts';
import type { RawMention } from './entities/link.ts';

const BODY = [
  'أعلن وزير الداخلية سعيد خالد المصري يوم الأحد أن الشرطة اعتقلت نحو 40 مشتبهاً بهم في العاصمة عمّان.',
  'وقال المصري في مؤتمر صحفي إن العملية استمرت ثلاثة أيام، مضيفاً أن 12 عنصراً أصيبوا بجروح طفيفة.',
  'وكانت الحكومة قد أقرت خطة أمنية في العام 2021 بكلفة 15 مليون دينار، بحسب ما نقلت صحيفة الرأي عن مصادر رسمية.',
].join('\n');

/** A stand-in tagger: finds the listed names wherever they occur. */
function recognizeListed(names: readonly [EntityType, string][]): (text: string) => RawMention[] {
  return (text) =>
    names
      .flatMap(([type, name]) => {
        const found: RawMention[] = [];
        for (let start = text.indexOf(name); start >= 0; start = text.indexOf(name, start + name.length))
          found.push({ type, start, end: start + name.length, text: name });
        return found;
      })
      .sort((a, b) => a.start - b.start);
}

const recognize = recognizeListed([
  ['PERS', 'سعيد خالد المصري'],
  ['PERS', 'المصري'],
  ['LOC', 'عمّان'],
  ['ORG', 'الرأي'],
]);

describe('annotateArticle', () => {
  const annotations = annotateArticle({ body: BODY, published: '2024-03-05', outlet: 'وكالة الأنباء' }, { recognize });

  it('resolves times against the publication date', () => {
    expect(annotations.times.map((time) => [time.text, time.value])).toEqual([
      ['يوم الأحد', '2024-03-03'],
      ['ثلاثة أيام', 'P3D'],
      ['العام 2021', '2021'],
    ]);
  });

  it('links the later surname to the full name', () => {
    const people = annotations.entities.filter((entity) => entity.type === 'PERS');
    expect(people.map((entity) => entity.text)).toEqual(['سعيد خالد المصري', 'المصري']);
    expect(new Set(people.map((entity) => entity.entityId)).size).toBe(1);
  });

  it('finds quantities but not the year inside a time expression', () => {
    expect(annotations.quantities.map((quantity) => [quantity.text, quantity.value, quantity.qualifier])).toEqual([
      ['نحو 40 مشتبهاً', 40, 'about'],
      ['12 عنصراً', 12, 'exact'],
      ['15 مليون دينار', 15_000_000, 'exact'],
    ]);
  });

  it('links quote speakers to entities and follows the attribution chain', () => {
    const speakers = annotations.quotes.map((quote) => [quote.speaker, quote.speakerEntityId !== null]);
    expect(speakers).toEqual([
      ['وزير الداخلية سعيد خالد المصري', true],
      ['المصري', true],
      ['المصري', true],
      ['مصادر رسمية', false],
    ]);
    const person = annotations.entities.find((entity) => entity.text === 'المصري')!;
    expect(annotations.quotes[1]!.speakerEntityId).toBe(person.entityId);
    expect(annotations.quotes[3]!.via).toEqual(['مصادر رسمية', 'الرأي']);
  });

  it('keeps every span exact and the output deterministic', () => {
    for (const layer of [annotations.entities, annotations.quantities, annotations.quotes, annotations.times]) {
      for (const item of layer) {
        expect(item.start).toBeGreaterThanOrEqual(0);
        expect(item.end).toBeLessThanOrEqual(BODY.length);
        expect(BODY.slice(item.start, item.end)).toBe(item.text);
      }
    }
    expect(annotateArticle({ body: BODY, published: '2024-03-05', outlet: null }, { recognize })).toEqual(annotations);
  });

  it('leaves relative times null without a publication date but still resolves absolute ones', () => {
    const undated = annotateArticle({ body: BODY, published: null, outlet: null }, { recognize });
    expect(undated.times.map((time) => time.value)).toEqual([null, 'P3D', '2021']);
  });

  it('does not read a time word inside the outlet name as a time', () => {
    const body = 'عين اليوم – متابعات\nأعلنت البلدية اليوم إغلاق الطريق الساحلي.';
    const times = annotateArticle({ body, published: '2015-07-24', outlet: 'عين اليوم' }, { recognize }).times;
    expect(times.map((time) => [time.text, time.start])).toEqual([['اليوم', body.lastIndexOf('اليوم')]]);
  });

  it('accepts an extraction PublishedDate and copes with an empty body', () => {
    const dated = annotateArticle(
      { body: BODY, published: { date: '2024-03-05', precision: 'day', text: '5 آذار 2024' }, outlet: null },
      { recognize },
    );
    expect(dated.times[0]!.value).toBe('2024-03-03');
    expect(annotateArticle({ body: '', published: null, outlet: null }, { recognize })).toEqual({
      entities: [],
      quantities: [],
      quotes: [],
      times: [],
    });
  });
});
