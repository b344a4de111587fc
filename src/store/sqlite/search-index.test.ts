import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSqliteSearchIndex } from './search-index.ts';
import type { SearchDocument, SearchFilters, SearchIndexPort } from '../search-types.ts';

const MIGRATION = readFileSync(new URL('../migrations/sqlite/0020_create_search.sql', import.meta.url), 'utf8');

function doc(
  articleId: string,
  headlineTerms: string,
  bodyTerms: string,
  extra: Partial<SearchDocument> = {},
): SearchDocument {
  return { articleId, outlet: null, published: null, headlineTerms, bodyTerms, analyzerVersion: 1, ...extra };
}

let db: Database.Database;
let index: SearchIndexPort;

beforeEach(async () => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE articles (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)');
  db.exec(MIGRATION);
  index = createSqliteSearchIndex(db);
  await index.upsertSearchDocuments([
    doc('a1', 'محادث انسحاب امريك', 'بغداد واشنطن محادث تحالف دول', { outlet: 'الشرق', published: '2024-01-25' }),
    doc('a2', 'وزير دفاع عراق', 'زيار واشنطن شراك استراتيج امريك', { outlet: 'المدى', published: '2023-08' }),
    doc('a3', 'غانا مركز تدريب', 'مكافح ارهاب غانا', { outlet: 'الشرق', published: '2024' }),
  ]);
});

const page = (match: string, filters: SearchFilters = {}, limit = 10, offset = 0) =>
  index.searchDocuments({ match, filters, limit, offset });
const ids = async (match: string, filters: SearchFilters = {}) =>
  (await page(match, filters)).hits.map((h) => h.articleId);
const total = async (match: string, filters: SearchFilters = {}) => (await page(match, filters)).total;

describe('SqliteSearchIndex', () => {
  it('ranks a headline match above a body-only match', async () => {
    const result = await page('"امريك"');
    expect(result.total).toBe(2);
    expect(result.hits.map((h) => h.articleId)).toEqual(['a1', 'a2']);
    expect(result.hits[0]!.score).toBeGreaterThan(result.hits[1]!.score);
  });

  it('matches phrases only when the terms are adjacent', async () => {
    expect(await ids('"واشنطن محادث"')).toEqual(['a1']);
    expect(await total('"محادث واشنطن"')).toBe(0);
  });

  it('filters by outlet, by overlapping date range and by article ids', async () => {
    expect(await ids('"واشنطن"', { outlet: 'المدى' })).toEqual(['a2']);
    expect(await ids('"واشنطن"', { from: '2023-08-15', to: '2023-12-31' })).toEqual(['a2']);
    expect(await ids('"غانا"', { from: '2024-03-01' })).toEqual(['a3']);
    expect(await total('"غانا"', { to: '2023-12-31' })).toBe(0);
    expect(await ids('"واشنطن"', { articleIds: ['a1', 'zzz'] })).toEqual(['a1']);
  });

  it('paginates with a stable total', async () => {
    const first = await page('"واشنطن"', {}, 1, 0);
    const second = await page('"واشنطن"', {}, 1, 1);
    expect(first.total).toBe(2);
    expect(second.total).toBe(2);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.articleId))).toEqual(new Set(['a1', 'a2']));
  });

  it('replaces a re-indexed document instead of duplicating it, and removes documents', async () => {
    await index.upsertSearchDocuments([doc('a3', 'غانا', 'افتتاح مركز')]);
    expect(await index.countSearchDocuments()).toBe(3);
    expect(await total('"ارهاب"')).toBe(0);
    expect(await ids('"افتتاح"')).toEqual(['a3']);
    await index.removeSearchDocuments(['a3', 'missing']);
    expect(await total('"غانا"')).toBe(0);
    expect(await index.countSearchDocuments()).toBe(2);
  });

  it('lists articles that are not indexed or were indexed by an older analyser', async () => {
    db.exec("INSERT INTO articles (id) VALUES ('a1'), ('a2'), ('a4')");
    expect(await index.listUnindexedArticleIds(1, 10)).toEqual(['a4']);
    expect(await index.listUnindexedArticleIds(2, 10)).toEqual(['a1', 'a2', 'a4']);
  });

  it('reports a malformed MATCH expression as a store error, not a crash', async () => {
    await expect(page('"unterminated')).rejects.toThrow(/Search failed/);
  });
});

describe('SqliteSearchIndex candidate window', () => {
  it('ranks only the most recently indexed matches beyond the window, keeping the count exact', async () => {
    const small = createSqliteSearchIndex(db, { maxRankedCandidates: 2 });
    await small.upsertSearchDocuments([doc('a4', 'واشنطن', 'واشنطن واشنطن واشنطن'), doc('a5', 'لندن', 'واشنطن')]);
    const result = await small.searchDocuments({ match: '"واشنطن"', filters: {}, limit: 2, offset: 0 });
    expect(result.total).toBe(4);
    expect(result.rankedCandidates).toBe(2);
    expect(result.hits.map((h) => h.articleId)).toEqual(['a4', 'a5']);
    const deep = await small.searchDocuments({ match: '"واشنطن"', filters: {}, limit: 2, offset: 2 });
    expect([deep.rankedCandidates, deep.hits.length]).toEqual([4, 2]);
    const filtered = await small.searchDocuments({
      match: '"واشنطن"',
      filters: { outlet: 'المدى' },
      limit: 10,
      offset: 0,
    });
    expect([filtered.total, filtered.hits.map((h) => h.articleId)]).toEqual([1, ['a2']]);
  });
});
