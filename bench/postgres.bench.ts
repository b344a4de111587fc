/**
 * SQLite vs PostgreSQL through the same Store port: batched page writes with annotation rows, a duplicate
 * re-run, article reads, and search over 20,000 indexed documents. PostgreSQL runs in a throwaway cluster
 * (or TEST_DATABASE_URL); skipped when neither is available.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { articleIdFor } from '../src/core/ids.ts';
import { samplePageRecord } from '../src/store/sample-records.ts';
import type { SearchDocument, SearchRequest } from '../src/store/search-types.ts';
import type { Store } from '../src/store/store.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { postgresTestTarget, startTestDatabase } from '../src/store/postgres/testing/test-database.ts';

const PAGE_COUNT = 2_000;
/** The ingest default (src/config/schema.ts DEFAULT_BATCH_SIZE). */
const BATCH_SIZE = 50;
const READS = 500;
const SEARCH_DOCS = 20_000;
const SEARCH_ROUNDS = 5;

// Analysed (normalised, stemmed) terms written for this bench; drawn Zipf-like so some are common, most rare.
const TERMS = (
  'حكوم وزير رئيس مجلس امن اقتصاد نفط سعر سوق شرك مشروع مدين شرط محكم انتخاب برلمان قو جيش مفاوض اتفاق زيار وفد ' +
  'مؤتمر عاصم دول منطق تعاون تنمي استثمار ميزاني تعليم صح مستشفي جامع طلاب مواطن مسؤول بيان متحدث امريك عراق سعود مصر ' +
  'اعلن قال اكد اضاف اشار افتتح وقع بحث ناقش ارتفع انخفض بلغ تجاوز زراع قمح مياه سد كهرباء غاز طاق مطار ميناء'
).split(' ');

function term(i: number, k: number): string {
  return TERMS[Math.floor(TERMS.length * (((i * 7919 + k * 104_729) % 9973) / 9973) ** 2)]!;
}

function searchDocument(i: number): SearchDocument {
  const terms = (from: number, count: number) => Array.from({ length: count }, (_, k) => term(i, from + k)).join(' ');
  return {
    articleId: `doc-${String(i).padStart(6, '0')}`,
    outlet: `outlet-${i % 12}`,
    published: `2024-${String(1 + (i % 12)).padStart(2, '0')}-15`,
    headlineTerms: terms(0, 8),
    bodyTerms: terms(100, 120),
    analyzerVersion: 1,
  };
}

/** Store-level match expressions of the shapes src/search/query.ts emits, plus filters. */
const QUERIES: readonly Pick<SearchRequest, 'match' | 'filters'>[] = [
  { match: '"حكوم"', filters: {} },
  { match: '"وزير" AND "نفط"', filters: {} },
  { match: '"مجلس امن"', filters: {} },
  { match: '"امري"*', filters: {} },
  { match: '("سد") NOT ("كهرباء" OR "غاز")', filters: {} },
  { match: '"ميناء"', filters: {} },
  { match: '"اتفاق"', filters: { outlet: 'outlet-3' } },
  { match: '"قمح"', filters: { from: '2024-03-01', to: '2024-04-30' } },
  { match: '"مطار" AND "زيار"', filters: {} },
  { match: '"طلاب جامع"', filters: {} },
];

function percentiles(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(2);
  return `p50 ${at(0.5)} ms  p95 ${at(0.95)} ms`;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

async function measure(label: string, store: Store): Promise<void> {
  const records = Array.from({ length: PAGE_COUNT }, (_, i) => samplePageRecord({ variant: i + 1 }));
  const batches = Array.from({ length: PAGE_COUNT / BATCH_SIZE }, (_, b) =>
    records.slice(b * BATCH_SIZE, (b + 1) * BATCH_SIZE),
  );
  const [, writeMs] = await timed(async () => {
    for (const batch of batches) await store.writePages(batch);
  });
  const [, rerunMs] = await timed(async () => {
    for (const batch of batches) await store.writePages(batch);
  });
  const readSamples: number[] = [];
  for (let i = 0; i < READS; i++) {
    const id = articleIdFor(records[(i * 37) % PAGE_COUNT]!.page.id, 0);
    readSamples.push((await timed(() => store.getArticle(id)))[1]);
  }
  const documents = Array.from({ length: SEARCH_DOCS }, (_, i) => searchDocument(i));
  const [, indexMs] = await timed(async () => {
    for (let i = 0; i < SEARCH_DOCS; i += 1_000) await store.upsertSearchDocuments(documents.slice(i, i + 1_000));
  });
  const searchSamples: number[] = [];
  let matches = 0;
  for (let round = 0; round <= SEARCH_ROUNDS; round++) {
    for (const query of QUERIES) {
      const [page, ms] = await timed(() => store.searchDocuments({ ...query, limit: 20, offset: 0 }));
      if (round === 0)
        matches += page.total; // warm-up round
      else searchSamples.push(ms);
    }
  }
  const rate = (count: number, ms: number) => `${Math.round(count / (ms / 1000))}/s`;
  console.log(
    `${label.padEnd(9)} write ${rate(PAGE_COUNT, writeMs)} pages (batches of ${BATCH_SIZE}, with annotation rows)  ` +
      `re-run ${rate(PAGE_COUNT, rerunMs)}  getArticle ${percentiles(readSamples)}`,
  );
  console.log(
    `${''.padEnd(9)} index ${rate(SEARCH_DOCS, indexMs)} docs  search ${percentiles(searchSamples)}  (${QUERIES.length} queries, ${matches} matches, 20 hits/page)`,
  );
}

export async function bench(): Promise<void> {
  const target = postgresTestTarget(process.env);
  if (!target) {
    console.log('skipped: no TEST_DATABASE_URL and no PostgreSQL binaries under /usr/lib/postgresql');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'marsad-dialect-bench-'));
  const started = performance.now();
  const database = await startTestDatabase(target);
  console.log(
    `PostgreSQL (${target.kind === 'url' ? 'TEST_DATABASE_URL' : 'throwaway cluster, fsync off'}) ready in ${Math.round(performance.now() - started)} ms`,
  );
  try {
    const sqlite = openSqliteStore(join(dir, 'bench.db'));
    await measure('sqlite', sqlite);
    await sqlite.close();
    const postgres = await database.openEmptyStore();
    await measure('postgres', postgres);
    await postgres.close();
  } finally {
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
