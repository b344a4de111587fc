/**
 * Ingest and storage throughput: decoding (UTF-8, windows-1256, UTF-16) + reading from disk, batched SQLite
 * writes with annotation rows, a duplicate re-run, and article reads; on generated pages in a temp dir.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { loadPageAnalyzer } from '../src/app/analyzer.ts';
import { ingestInputs, ingestPageResults } from '../src/app/ingest.ts';
import { analyzeByFirstLine } from '../src/app/testing/first-line-analyzer.ts';
import type { RawPage } from '../src/core/page.ts';
import { readPages } from '../src/ingest/read-pages.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { BENCH_WORDS as WORDS, generatePages } from './generate-pages.ts';
import { seededRandom as prng } from '../src/core/seeded-random.ts';

const PAGE_COUNT = 3000;
/** Pages for the end-to-end run with the real pipeline (annotation included), kept small: it dominates bench time. */
const PIPELINE_PAGES = 500;
function sentence(random: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ') + '.';
}

function writeCorpus(dir: string): number {
  const random = prng(42);
  let bytes = 0;
  for (let i = 0; i < PAGE_COUNT; i++) {
    const lines = [
      `${sentence(random, 8)} (${i})`,
      ...Array.from({ length: 8 }, () => sentence(random, 25)),
      'اقرأ أيضاً: ' + sentence(random, 6),
    ];
    const text = lines.join('\n') + '\n';
    const encoded =
      i % 10 === 0
        ? iconv.encode(text, 'windows-1256')
        : i % 10 === 1
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
          : Buffer.from(text);
    const path = join(dir, `page-${String(i).padStart(5, '0')}.txt`);
    writeFileSync(path, encoded);
    bytes += statSync(path).size;
  }
  return bytes;
}

/** Adds four annotation layers' worth of rows, as the real pipeline does, so writes are realistic. */
function analyzeWithAnnotations(page: RawPage) {
  const analyzed = analyzeByFirstLine(page);
  const articles = analyzed.articles.map((article) => {
    const entities = [...article.body.matchAll(/الحكومة|البنك الدولي|الوزير/gu)].map((m) => ({
      type: 'ORG' as const,
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      entityId: m[0],
      canonical: m[0],
    }));
    return { ...article, entities, quantities: [], quotes: [], times: [] };
  });
  return { ...analyzed, articles };
}

function rate(count: number, ms: number): string {
  return `${((count * 1000) / ms).toFixed(0)}/s`;
}

export async function bench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-ingest-'));
  try {
    const bytes = writeCorpus(dir);
    let started = performance.now();
    let pages = 0;
    for await (const result of readPages([dir], { maxBytes: 5_000_000 })) if (result.ok) pages++;
    let ms = performance.now() - started;
    console.log(
      `read+decode   ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB in ${ms.toFixed(0)} ms: ${rate(pages, ms)} pages, ${(bytes / 1e3 / ms).toFixed(1)} MB/s`,
    );
    const db = join(dir, 'bench.db');
    const store = openSqliteStore(db);
    started = performance.now();
    const summary = await ingestInputs(store, [dir], {
      analyze: analyzeWithAnnotations,
      maxBytes: 5_000_000,
      batchSize: 50,
    });
    ms = performance.now() - started;
    console.log(
      `ingest (stand-in analyser, annotations stored)  ${summary.newPages} new pages in ${ms.toFixed(0)} ms: ${rate(summary.newPages, ms)}`,
    );
    started = performance.now();
    const again = await ingestInputs(store, [dir], {
      analyze: analyzeWithAnnotations,
      maxBytes: 5_000_000,
      batchSize: 50,
    });
    ms = performance.now() - started;
    console.log(
      `re-ingest     ${again.duplicates} duplicates skipped in ${ms.toFixed(0)} ms: ${rate(again.duplicates, ms)}`,
    );
    const ids = (await store.listArticles({ limit: 500 })).map((a) => a.id);
    started = performance.now();
    for (const id of ids) await store.getArticle(id);
    ms = performance.now() - started;
    console.log(
      `getArticle    ${ids.length} reads in ${ms.toFixed(0)} ms: ${rate(ids.length, ms)}; db ${(statSync(db).size / 1e6).toFixed(1)} MB`,
    );
    await store.close();
    await benchPipelineIngest(join(dir, 'pipeline.db'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** End to end with the real analyser (extraction + annotation) on generated pages held in memory. */
async function benchPipelineIngest(db: string): Promise<void> {
  const analyze = await loadPageAnalyzer({ annotate: true });
  const results = generatePages({ count: PIPELINE_PAGES, seed: 7 }).map(({ page }) => ({
    ok: true as const,
    source: page.url,
    page,
  }));
  const store = openSqliteStore(db);
  const started = performance.now();
  const summary = await ingestPageResults(store, results, { analyze, maxBytes: 5_000_000, batchSize: 50 });
  const ms = performance.now() - started;
  console.log(
    `ingest (real pipeline, annotated)  ${summary.newPages} pages, ${summary.articles} articles, ${summary.failed.length} failed in ${ms.toFixed(0)} ms: ${rate(summary.newPages, ms)}`,
  );
  await store.close();
}
