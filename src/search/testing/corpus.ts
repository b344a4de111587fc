/**
 * A small hand-written Arabic test corpus for search, API and UI tests (invented outlets and wording),
 * with an in-memory SQLite search index built from the real migration.
 */
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { createSqliteSearchIndex } from '../../store/sqlite/search-index.ts';
import type { SearchIndexPort } from '../../store/search-types.ts';
import { indexArticles, type SearchableArticle } from '../documents.ts';

export const TEST_ARTICLES: readonly SearchableArticle[] = [
  {
    id: 'art-talks',
    headline: 'واشنطن وبغداد تبدآن جولة محادثات حول مستقبل التحالف الدولي',
    body: [
      'بدأ وفد عسكري من وزارة الدفاع الأميركية، الخميس، محادثات في بغداد مع مسؤولين عراقيين.',
      'وتبحث الجولة جدولاً زمنياً لخفض عدد القوات الأميركية المنتشرة في قاعدتين غرب البلاد.',
      'وقال مسؤول عراقي إن الجانبين يتطلعان إلى علاقة أمنية ثنائية بعد انتهاء مهمة التحالف.',
    ].join('\n'),
    outlet: 'صحيفة الرافدين',
    published: '2024-01-25',
  },
  {
    id: 'art-visit',
    headline: 'وزير الدفاع العراقي يزور واشنطن لبحث الشراكة الاستراتيجية',
    body: [
      'وصل وزير الدفاع العراقي إلى العاصمة الأمريكية في زيارة تستمر ثلاثة أيام.',
      'ويلتقي الوزير نظيره الأمريكي لبحث تطوير التعاون العسكري والتدريب وتبادل المعلومات.',
    ].join('\n'),
    outlet: 'وكالة دجلة',
    published: '2023-08',
  },
  {
    id: 'art-ghana',
    headline: 'غانا تفتتح مركزاً إقليمياً للتدريب على مكافحة الإرهاب',
    body: 'افتتحت غانا مركزاً جديداً لتدريب قوات الأمن من دول غرب أفريقيا على مكافحة الإرهاب.',
    outlet: 'صحيفة الرافدين',
    published: '2024-02-03',
  },
];

export interface TestIndex {
  readonly db: Database.Database;
  readonly index: SearchIndexPort;
  readonly articles: ReadonlyMap<string, SearchableArticle>;
}

/** An in-memory database with an `articles` id table, the search migration and TEST_ARTICLES indexed. */
export async function buildTestIndex(articles: readonly SearchableArticle[] = TEST_ARTICLES): Promise<TestIndex> {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE articles (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)');
  db.exec(readFileSync(new URL('../../store/migrations/sqlite/0020_create_search.sql', import.meta.url), 'utf8'));
  const index = createSqliteSearchIndex(db);
  await indexArticles(index, articles);
  return { db, index, articles: new Map(articles.map((a) => [a.id, a])) };
}
