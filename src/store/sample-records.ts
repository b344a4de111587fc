/**
 * Hand-written sample pages as PageRecords, for the store contract and ingest tests: a plain-text page
 * with a headline, date line, body, a «اقرأ أيضاً» tail, and annotations whose spans are computed, not typed.
 */
import type { ArticleAnnotations } from '../core/annotation.ts';
import type { ExtractedArticle, PageSpan } from '../core/article.ts';
import { hashId } from '../core/ids.ts';
import type { RawPage } from '../core/page.ts';
import type { PageRecord } from './store.ts';

const HEADLINE = 'وزير الزراعة يفتتح موسم قطف الزيتون في إربد';
const DATE_LINE = 'نشر بتاريخ: ١٤ أكتوبر ٢٠٢٤';
const PARAGRAPHS = [
  'افتتح وزير الزراعة صباح الإثنين موسم قطف الزيتون في محافظة إربد بحضور عدد من المزارعين.',
  'وقال الوزير إن «الإنتاج هذا العام يقدَّر بنحو 25 ألف طن من الزيت»، مشيراً إلى تحسن الأمطار.',
];
const READ_ALSO = 'اقرأ أيضاً: ارتفاع أسعار الخضار في السوق المركزي';
const SHARE = 'شارك الخبر على فيسبوك';

/** Offsets of `part` in `text`, searching from `from`; throws when absent (a broken fixture, not data). */
function locate(text: string, part: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`fixture text lacks «${part}»`);
  return { start, end: start + part.length };
}

function sampleAnnotations(body: string): ArticleAnnotations {
  const minister = locate(body, 'وزير الزراعة');
  const irbid = locate(body, 'إربد');
  const amount = locate(body, 'نحو 25 ألف طن');
  const quote = locate(body, 'الإنتاج هذا العام يقدَّر بنحو 25 ألف طن من الزيت');
  const monday = locate(body, 'صباح الإثنين');
  return {
    entities: [
      { type: 'ORG', text: 'وزير الزراعة', ...minister, entityId: 'e-minister-agriculture', canonical: 'وزير الزراعة' },
      { type: 'LOC', text: 'إربد', ...irbid, entityId: 'e-irbid', canonical: 'إربد' },
    ],
    quantities: [{ text: 'نحو 25 ألف طن', ...amount, value: 25_000, unit: 'طن', qualifier: 'about', subject: 'الزيت' }],
    quotes: [
      {
        text: body.slice(quote.start, quote.end),
        ...quote,
        speaker: 'الوزير',
        speakerEntityId: 'e-minister-agriculture',
        kind: 'direct',
      },
    ],
    times: [{ text: 'صباح الإثنين', ...monday, value: '2024-10-14', precision: 'day', anchor: 'published-at' }],
  };
}

/** The annotations with the people of the last paragraph added (located in order, so repeats get their own span). */
function withPeople(
  annotations: ArticleAnnotations,
  body: string,
  people: NonNullable<SampleOptions['people']>,
): ArticleAnnotations {
  let from = body.lastIndexOf('\n') + 1;
  const mentions = people.map((person) => {
    const span = locate(body, person.text, from);
    from = span.end;
    return {
      type: 'PERS' as const,
      text: person.text,
      ...span,
      entityId: samplePersonId(person.canonical),
      canonical: person.canonical,
    };
  });
  return { ...annotations, entities: [...annotations.entities, ...mentions] };
}

export interface SampleOptions {
  /** Varies the text (and so the page id) to make distinct pages. */
  readonly variant?: number;
  readonly annotate?: boolean;
  /** Publication date stored for the article (YYYY-MM-DD); null for an undated article. Default 2024-10-14. */
  readonly date?: string | null;
  /**
   * People the article also names, in a paragraph of their own: each as written (`text`) and linked to `canonical`
   * (the entity id derives from it), e.g. a short form «مبارك» linked in-text to «حسني مبارك».
   */
  readonly people?: readonly { readonly text: string; readonly canonical: string }[];
}

/** The entity id the sample records give a person's canonical name. */
export const samplePersonId = (canonical: string): string => `e-person-${hashId(['person', canonical])}`;

/** A plain-text page record with one article, its labelled spans and (optionally) annotations. */
export function samplePageRecord(options: SampleOptions = {}): PageRecord {
  const variant = options.variant ?? 0;
  const people = options.people ?? [];
  const paragraphs = [
    ...(variant === 0 ? PARAGRAPHS : [...PARAGRAPHS, `وأضاف أن الموسم رقم ${variant} سيستمر حتى نهاية الشهر.`]),
    ...(people.length === 0 ? [] : [`وحضر الافتتاح ${people.map((p) => p.text).join(' ثم ')}.`]),
  ];
  const text = [HEADLINE, DATE_LINE, ...paragraphs, SHARE, READ_ALSO].join('\n') + '\n';
  const page: RawPage = {
    id: hashId(['page', text]),
    url: `file:///news/${variant}.txt`,
    fetchedAt: '2024-10-14T09:30:00.000Z',
    contentType: 'text/plain',
    body: text,
    encoding: 'utf-8',
  };
  const body = paragraphs.join('\n');
  let bodyAt = 0;
  const paragraphMap = paragraphs.map((p) => {
    const pageSpan = locate(text, p);
    const bodySpan = { start: bodyAt, end: bodyAt + p.length };
    bodyAt += p.length + 1;
    return { page: pageSpan, body: bodySpan };
  });
  const spans: PageSpan[] = [
    { kind: 'headline', ...locate(text, HEADLINE), article: 0 },
    { kind: 'meta', reason: 'date', ...locate(text, DATE_LINE), article: 0 },
    ...paragraphMap.map((p) => ({ kind: 'body' as const, ...p.page, article: 0 })),
    { kind: 'boilerplate', reason: 'share', ...locate(text, SHARE), article: 0 },
    { kind: 'boilerplate', reason: 'related-links', ...locate(text, READ_ALSO) },
  ];
  const article: ExtractedArticle = {
    headline: HEADLINE,
    dek: null,
    body,
    published:
      options.date === null
        ? null
        : {
            date: options.date ?? '2024-10-14',
            precision: 'day',
            text: '١٤ أكتوبر ٢٠٢٤',
            span: locate(text, '١٤ أكتوبر ٢٠٢٤'),
            from: 'body',
          },
    outlet: variant % 2 === 0 ? 'وكالة الأنباء الأردنية' : 'صحيفة الشمال',
    citedSources: ['بترا'],
    spans: spans.filter((s) => s.article === 0),
    paragraphs: paragraphMap,
  };
  return {
    page,
    pageText: text,
    spans,
    articles: [
      { article, annotations: options.annotate === false ? null : withPeople(sampleAnnotations(body), body, people) },
    ],
  };
}
