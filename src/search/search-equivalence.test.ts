/**
 * The SQLite search answers the same pages as the straightforward three-pass SQL it replaced (count, window cutoff,
 * rank, each joined to the filter columns): same totals, ids, order and scores, for a mix of queries, filters, pages
 * and candidate windows, on a corpus generated from hand-written Arabic news sentences.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createSqliteSearchIndex, filterSql } from '../store/sqlite/search-index.ts';
import type { SearchFilters, SearchPage } from '../store/search-types.ts';
import { indexArticles, type SearchableArticle } from './documents.ts';
import { parseQuery, toFtsMatch } from './query.ts';

const SENTENCES = [
  'أعلنت وزارة الخارجية السعودية أن الوزير سيزور واشنطن الأسبوع المقبل لبحث العلاقات الثنائية.',
  'قال مسؤول أميركي إن الإدارة الأمريكية تتابع المفاوضات في مجلس الأمن الدولي باهتمام.',
  'ارتفعت أسعار النفط في تعاملات الثلاثاء بعد قرار أوبك خفض الإنتاج للشهر الثاني.',
  'أكد ولي العهد خلال لقائه وفداً من رجال الأعمال أن الاقتصاد الوطني يشهد نمواً متسارعاً.',
  'ألقت الشرطة القبض على ثلاثة متهمين في قضية احتيال مالي بمدينة جدة.',
  'دعت الأمم المتحدة إلى هدنة إنسانية في اليمن وإيصال المساعدات إلى المدنيين.',
  'شن الحوثيون هجوماً على مواقع في محافظة مأرب، وفق بيان للتحالف.',
  'افتتح وزير التعليم مدرسة جديدة في الرياض تستوعب ألف طالب وطالبة.',
  'تراجع مؤشر البورصة المصرية في ختام تعاملات اليوم متأثراً بعمليات بيع.',
  'أعلن الرئيس المصري عن حزمة إجراءات لدعم الأسر الأكثر احتياجاً.',
  'نظمت جماعة الإخوان وقفة احتجاجية أمام مقر الحكومة في القاهرة.',
  'طالبت منظمات حقوق الإنسان بالإفراج عن الناشطين المعتقلين.',
  'انتشر وسم على تويتر يطالب بتحسين خدمات المستشفى الحكومي.',
  'فاز المنتخب الوطني لكرة القدم على نظيره بهدفين دون رد.',
  'قالت الحكومة إن الانتخابات البرلمانية ستجري في موعدها المحدد.',
  'أشاد وزير الخارجية الأميركي بدور المملكة العربية السعودية في استقرار المنطقة.',
];
const OUTLETS = ['aawsat', 'ahram', 'okaz', 'masrawy'];
const DATES = ['2013-02-01', '2013-02-03', '2013-02-05', '2013-02-09', '2013-02', '2013', null];

/** A deterministic corpus: each article takes a headline and 2–6 body sentences from the pool (seeded LCG). */
function corpus(size: number): SearchableArticle[] {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  return Array.from({ length: size }, (_, i) => ({
    id: `art-${String(i).padStart(4, '0')}`,
    headline: SENTENCES[next(SENTENCES.length)]!.split(' ').slice(0, 6).join(' '),
    body: Array.from({ length: 2 + next(5) }, () => SENTENCES[next(SENTENCES.length)]).join(' '),
    outlet: OUTLETS[next(OUTLETS.length)]!,
    published: DATES[next(DATES.length)]!,
  }));
}

const RANK = '-bm25(search_fts, 3.0, 1.0)';

/** The previous implementation: every pass joined to search_docs when filtered. */
function referenceSearch(
  db: Database.Database,
  match: string,
  filters: SearchFilters,
  limit: number,
  offset: number,
  maxRanked: number,
): SearchPage {
  const { where, params } = filterSql(filters); // the filter clauses are shared; the passes are what is compared
  const from = `FROM search_fts JOIN search_docs d ON d.doc = search_fts.rowid WHERE search_fts MATCH ?${where}`;
  const total = db
    .prepare(`SELECT count(*) ${from}`)
    .pluck()
    .get(match, ...params) as number;
  const window = Math.max(maxRanked, offset + limit);
  const cutoff =
    total > window
      ? (db
          .prepare(`SELECT search_fts.rowid ${from} ORDER BY search_fts.rowid DESC LIMIT 1 OFFSET ?`)
          .pluck()
          .get(match, ...params, window - 1) as number)
      : 0;
  const hits = db
    .prepare(
      `SELECT d.article_id AS articleId, ${RANK} AS score ${from} AND search_fts.rowid >= ? ORDER BY score DESC, d.doc LIMIT ? OFFSET ?`,
    )
    .all(match, ...params, cutoff, limit, offset) as SearchPage['hits'];
  return { total, hits: total === 0 ? [] : hits, rankedCandidates: total === 0 ? 0 : Math.min(total, window) };
}

const QUERIES = [
  'السعودية',
  'الأمريكية',
  'وزير الخارجية',
  '"ولي العهد"',
  'أسعار النفط',
  'مجلس الأمن الدولي',
  'اقتصاد*',
  'الرياض -جدة',
  'المستشفى',
  'الشرطة القبض',
  '"الأمم المتحدة" اليمن',
  'الحكومة',
  'الرئيس المصري',
  'غواصة',
];
const FILTERS: SearchFilters[] = [
  {},
  { outlet: 'aawsat' },
  { from: '2013-02-02', to: '2013-02-06' },
  { from: '2013-02-04' },
  { outlet: 'okaz', to: '2013-02-03' },
  { articleIds: ['art-0003', 'art-0010', 'art-0042', 'art-0100', 'art-0150', 'missing'] },
];

describe('SQLite search equals the three-pass reference', () => {
  it('for a query mix × filters × pages × candidate windows', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE articles (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)');
    db.exec(readFileSync(new URL('../store/migrations/sqlite/0020_create_search.sql', import.meta.url), 'utf8'));
    await indexArticles(createSqliteSearchIndex(db), corpus(240));
    let compared = 0;
    let windowed = 0;
    for (const maxRanked of [4_000, 25]) {
      const index = createSqliteSearchIndex(db, { maxRankedCandidates: maxRanked });
      for (const query of QUERIES) {
        const match = toFtsMatch(parseQuery(query))!;
        for (const filters of FILTERS) {
          for (const [limit, offset] of [
            [20, 0],
            [20, 20],
            [7, 35],
          ] as const) {
            const page = await index.searchDocuments({ match, filters, limit, offset });
            const reference = referenceSearch(db, match, filters, limit, offset, maxRanked);
            expect(page, `${query} ${JSON.stringify(filters)} ${limit}/${offset} window ${maxRanked}`).toEqual(
              reference,
            );
            compared++;
            if (reference.total > reference.rankedCandidates) windowed++;
          }
        }
      }
    }
    // The mix exercises both paths and the window: most pages have hits, and some rank only part of the matches.
    expect(compared).toBe(2 * QUERIES.length * FILTERS.length * 3);
    expect(windowed).toBeGreaterThan(20);
  });
});
