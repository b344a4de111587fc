/**
 * Search latency on a 100,000-article index: SaudiNewsNet + egy-news-2013 articles from ../shared/data
 * (read at run time), topped up with perturbed copies (paragraphs dropped/rotated, dates shifted), or
 * generated Arabic text when ../shared is absent. Reports p50/p95 of a fixed query set, index-only and
 * end-to-end (load + snippets). The built database is cached in the temp dir and reused.
 */
import { createReadStream, existsSync, renameSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { hashId } from '../src/core/ids.ts';
import type { PageRecord, Store } from '../src/store/store.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { ANALYZER_VERSION } from '../src/search/documents.ts';
import { parseQuery, toFtsMatch } from '../src/search/query.ts';
import { searchStore } from '../src/search/store-search.ts';
import { createTermCache, searchTerms } from '../src/text/stem.ts';
import { findSharedDir } from '../eval/shared-dir.ts';

export const BENCH_ARTICLES = 100_000;
const BATCH = 1_000;

export interface SourceArticle {
  readonly outlet: string;
  readonly published: string | null;
  readonly headline: string;
  readonly body: string;
}

async function* readJsonl(path: string): AsyncGenerator<SourceArticle> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const line of lines) {
    const row = JSON.parse(line) as { source?: string; date?: string; title?: string; text?: string };
    if (!row.text || !row.title) continue;
    yield {
      outlet: row.source ?? 'unknown',
      published: row.date?.slice(0, 10) ?? null,
      headline: row.title,
      body: row.text.replace(/\n{2,}/gu, '\n'),
    };
  }
}

// Generated fallback: Arabic news vocabulary written for this bench, Zipf-like word choice.
const WORDS = (
  'الحكومة الوزير الرئيس مجلس الأمن الاقتصاد النفط أسعار السوق الشركة المشروع المدينة الشرطة المحكمة الانتخابات البرلمان ' +
  'القوات الجيش المفاوضات الاتفاق الزيارة الوفد المؤتمر العاصمة الدولة المنطقة التعاون التنمية الاستثمار الميزانية التعليم الصحة ' +
  'المستشفى الجامعة الطلاب المواطنين المسؤولين البيان المتحدث الأمريكية الأميركية العراقية السعودية المصرية الدولية المحلية ' +
  'أعلن قال أكد أضاف أشار افتتح وقع بحث ناقش ارتفع انخفض بلغ تجاوز'
).split(' ');

function* generated(): Generator<SourceArticle> {
  for (let i = 0; ; i++) {
    const word = (k: number) => WORDS[Math.floor(WORDS.length * (((i * 7919 + k * 104_729) % 9973) / 9973) ** 2)]!;
    const sentence = (s: number) => Array.from({ length: 12 }, (_, k) => word(s * 13 + k)).join(' ') + '.';
    yield {
      outlet: `outlet-${i % 14}`,
      published: `2015-07-${String(1 + (i % 28)).padStart(2, '0')}`,
      headline: sentence(99),
      body: [0, 1, 2, 3, 4].map(sentence).join('\n'),
    };
  }
}

/** Deterministic perturbation for copy `round` of an article: drop one paragraph, rotate the rest, shift the date. */
function perturb(article: SourceArticle, round: number): SourceArticle {
  const paragraphs = article.body.split('\n');
  const kept = paragraphs.length > 2 ? paragraphs.filter((_, i) => i !== round % paragraphs.length) : paragraphs;
  const rotated = [...kept.slice(round % kept.length), ...kept.slice(0, round % kept.length)];
  const published = article.published
    ? new Date(Date.parse(article.published) + round * 86_400_000 * 30).toISOString().slice(0, 10)
    : null;
  return { ...article, body: rotated.join('\n'), published };
}

function recordFor(index: number, article: SourceArticle): PageRecord {
  // The page body is only the headline (the bench measures search, not page storage); spans index it.
  const page = {
    id: hashId(['bench-page', index]),
    url: `bench://${index}`,
    fetchedAt: '2024-01-01T00:00:00.000Z',
    contentType: 'text/plain' as const,
    body: article.headline,
  };
  const published = article.published
    ? { date: article.published, precision: 'day' as const, text: article.published }
    : null;
  return {
    page,
    pageText: article.headline,
    spans: [{ kind: 'headline', start: 0, end: article.headline.length, article: 0 }],
    articles: [
      {
        article: {
          headline: article.headline,
          dek: null,
          body: article.body,
          published,
          outlet: article.outlet,
          citedSources: [],
          spans: [],
          paragraphs: [],
        },
        annotations: null,
      },
    ],
  };
}

async function sources(): Promise<AsyncIterable<SourceArticle> | Iterable<SourceArticle>> {
  const shared = findSharedDir();
  const files = shared
    ? [
        join(shared, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz'),
        join(shared, 'data', 'egy-news-2013', 'egy-news-2013-02-01_14.jsonl.gz'),
      ].filter(existsSync)
    : [];
  if (files.length === 0) return generated();
  return (async function* () {
    for (const file of files) yield* readJsonl(file);
  })();
}

async function writeBatch(
  store: Store,
  batch: { index: number; article: SourceArticle }[],
  cache: ReturnType<typeof createTermCache>,
): Promise<void> {
  const written = await store.writePages(batch.map((b) => recordFor(b.index, b.article)));
  await store.upsertSearchDocuments(
    batch.map((b, i) => ({
      articleId: written.newArticleIds[i]!,
      outlet: b.article.outlet,
      published: b.article.published,
      headlineTerms: searchTerms(b.article.headline, cache).join(' '),
      bodyTerms: searchTerms(b.article.body, cache).join(' '),
      analyzerVersion: ANALYZER_VERSION,
    })),
  );
}

/** Builds the database (real store, real migrations) with `count` articles; returns how many were originals. */
async function build(path: string, count: number): Promise<number> {
  const store = openSqliteStore(path);
  const cache = createTermCache();
  const originals: SourceArticle[] = [];
  let batch: { index: number; article: SourceArticle }[] = [];
  let index = 0;
  const flush = async () => {
    await writeBatch(store, batch, cache);
    batch = [];
  };
  for await (const article of await sources()) {
    if (index >= count) break;
    // Keep a bounded sample to perturb: enough variety without holding the corpus in memory.
    if (originals.length < 40_000) originals.push(article);
    batch.push({ index: index++, article });
    if (batch.length >= BATCH) await flush();
  }
  const originalCount = index;
  for (let round = 1; index < count; round++) {
    for (const article of originals) {
      if (index >= count) break;
      batch.push({ index: index++, article: perturb(article, round) });
      if (batch.length >= BATCH) await flush();
    }
  }
  if (batch.length > 0) await flush();
  await store.close();
  return originalCount;
}

/** Where the bench database of `count` articles is cached. */
export function searchBenchPath(count = BENCH_ARTICLES): string {
  return join(tmpdir(), `marsad-search-bench-a${ANALYZER_VERSION}-${count}.db`);
}

/** Opens (building on first use) the cached 100k-article bench database. */
export async function openSearchBenchStore(count = BENCH_ARTICLES): Promise<{ store: Store; path: string }> {
  const path = searchBenchPath(count);
  if (!existsSync(path)) {
    const partial = `${path}.building`;
    rmSync(partial, { force: true });
    const started = performance.now();
    const originals = await build(partial, count);
    renameSync(partial, path);
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(partial + suffix)) renameSync(partial + suffix, path + suffix);
    console.log(
      `built ${count} articles (${originals} originals + perturbed copies) in ${((performance.now() - started) / 1000).toFixed(0)} s → ${path}`,
    );
  }
  return { store: openSqliteStore(path), path };
}

/** Fixed query set: common and rare words, variants, phrases, prefixes, exclusions, filters. */
export const BENCH_QUERIES: readonly { q: string; outlet?: string; from?: string; to?: string }[] = [
  { q: 'السعودية' },
  { q: 'الأمريكية' },
  { q: 'الأميركية' },
  { q: 'وزير الخارجية' },
  { q: '"ولي العهد"' },
  { q: 'أسعار النفط' },
  { q: 'مجلس الأمن الدولي' },
  { q: 'الانتخابات البرلمانية' },
  { q: 'كرة القدم' },
  { q: 'اقتصاد*' },
  { q: 'الرياض -جدة' },
  { q: 'المستشفى' },
  { q: 'الشرطة القبض' },
  { q: 'داعش' },
  { q: '"الأمم المتحدة"' },
  { q: 'الحوثيين اليمن' },
  { q: 'التعليم الطلاب' },
  { q: 'مصر', from: '2013-02-01', to: '2013-02-07' },
  { q: 'الحكومة', outlet: 'aawsat' },
  { q: 'الرئيس المصري' },
  { q: 'الإخوان' },
  { q: 'البورصة' },
  { q: 'حقوق الإنسان' },
  { q: 'تويتر' },
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarize(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1)} ms  p95 ${percentile(sorted, 95).toFixed(1)} ms  max ${sorted.at(-1)!.toFixed(1)} ms  (n=${sorted.length})`;
}

const ROUNDS = 5;

export async function bench(): Promise<void> {
  const { store, path } = await openSearchBenchStore();
  try {
    console.log(`index: ${await store.countSearchDocuments()} documents in ${path}`);
    const indexOnly: number[] = [];
    const endToEnd: number[] = [];
    const endToEndCpu: number[] = [];
    let totalHits = 0;
    for (let round = 0; round <= ROUNDS; round++) {
      for (const query of BENCH_QUERIES) {
        const match = toFtsMatch(parseQuery(query.q))!;
        let started = performance.now();
        await store.searchDocuments({
          match,
          filters: { outlet: query.outlet, from: query.from, to: query.to },
          limit: 20,
          offset: 0,
        });
        const indexMs = performance.now() - started;
        started = performance.now();
        const cpuStart = process.cpuUsage();
        const result = await searchStore(store, {
          query: query.q,
          outlet: query.outlet,
          from: query.from,
          to: query.to,
          pageSize: 20,
        });
        const e2eMs = performance.now() - started;
        const cpu = process.cpuUsage(cpuStart);
        if (round === 0) {
          totalHits += result.total;
          continue;
        } // warm-up round
        indexOnly.push(indexMs);
        endToEnd.push(e2eMs);
        endToEndCpu.push((cpu.user + cpu.system) / 1000);
      }
    }
    console.log(`${BENCH_QUERIES.length} queries × ${ROUNDS} rounds, ${totalHits} matches in all, 20 hits per page`);
    console.log(`  index (FTS5 match + BM25 rank + count): ${summarize(indexOnly)}`);
    console.log(`  end to end (+ load hits, snippets):     ${summarize(endToEnd)}   target p95 < 50 ms`);
    // Wall time suffers when the machine is shared; CPU time of the (synchronous) query is what an idle machine would see.
    console.log(
      `  end to end, CPU time of this process:   ${summarize(endToEndCpu)}   (load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`,
    );
  } finally {
    await store.close();
  }
}
