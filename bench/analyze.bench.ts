/**
 * `npm run bench -- analyze`: throughput of `analyzePage` on the 181 real pages of article-extraction-benchmark
 * (`../shared/data/article-extraction-benchmark`, when present: pages per CPU second, one process, one thread, after
 * one untimed warm-up pass so start-up, JIT and lexicon loading are excluded), then on 2,000 generated pages (bench/generate-pages.ts),
 * without annotation (pages/s) and with annotation (pages/s, sentences/s), single-threaded; rates per CPU second (one core)
 * and per wall second, text and HTML pages apart, plus peak RSS.
 */
import { performance } from 'node:perf_hooks';
import { generatePages, type GeneratedPage } from './generate-pages.ts';

/** Corpus size the issue asks for (≥ 2,000 pages). */
const PAGE_COUNT = 2_000;
const ANALYZE_PAGE_MODULE: string = '../src/pipeline/analyze-page.ts';
/** Pages run before timing so JIT warm-up and lazy lexicon/model loading are not counted. */
const WARMUP_PAGES = 100;
/** Target from the issue: analyze (extraction) at ≥ 500 pages/s on one core. */
const TARGET_PAGES_PER_SECOND = 500;
/** A sentence ends at . ! ? ؟ or … followed by space or end, or at a paragraph break (bodies join paragraphs with "\n"). */
const SENTENCE_END = /[.!?؟…]+(?=\s|$)|\n/gu;

interface ArticleLike {
  readonly headline?: string | null;
  readonly body?: string;
}
interface AnalyzedLike {
  readonly articles?: readonly ArticleLike[];
}
type AnalyzePage = (
  page: GeneratedPage['page'],
  options: { annotate: boolean },
) => AnalyzedLike | Promise<AnalyzedLike>;

async function loadAnalyzePage(): Promise<AnalyzePage | null> {
  try {
    // A variable specifier keeps this bench loadable (and typecheckable) while the pipeline module is absent.
    const specifier = ANALYZE_PAGE_MODULE;
    const module = (await import(specifier)) as { analyzePage?: AnalyzePage };
    return module.analyzePage ?? null;
  } catch (error) {
    console.log(
      `analyze bench skipped: src/pipeline/analyze-page.ts cannot be loaded (${(error as Error).message.split('\n')[0]})`,
    );
    return null;
  }
}

function countSentences(body: string): number {
  const ends = body.match(SENTENCE_END)?.length ?? 0;
  return body.trim() === '' ? 0 : Math.max(1, ends);
}

/** Figures of one pass over a group of pages. CPU time is what one core spent: on a shared machine wall time also counts waiting. */
interface RunFigures {
  readonly pages: number;
  readonly wallSeconds: number;
  readonly cpuSeconds: number;
  readonly articles: number;
  readonly sentences: number;
  readonly failed: number;
  readonly countRight: number;
  readonly headlineRight: number;
}

async function runGroup(
  analyzePage: AnalyzePage,
  pages: readonly GeneratedPage[],
  annotate: boolean,
): Promise<RunFigures> {
  let articles = 0,
    sentences = 0,
    failed = 0,
    countRight = 0,
    headlineRight = 0;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (const { page, expected } of pages) {
    try {
      const found = (await analyzePage(page, { annotate })).articles ?? [];
      articles += found.length;
      for (const article of found) sentences += countSentences(article.body ?? '');
      if (found.length === expected.length) countRight++;
      if (found[0]?.headline === expected[0]?.headline) headlineRight++;
    } catch {
      failed++; // Counted and reported: one bad page must not stop a benchmark either.
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  return {
    pages: pages.length,
    wallSeconds: (performance.now() - wallStart) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    articles,
    sentences,
    failed,
    countRight,
    headlineRight,
  };
}

const sum = (a: RunFigures, b: RunFigures): RunFigures => ({
  pages: a.pages + b.pages,
  wallSeconds: a.wallSeconds + b.wallSeconds,
  cpuSeconds: a.cpuSeconds + b.cpuSeconds,
  articles: a.articles + b.articles,
  sentences: a.sentences + b.sentences,
  failed: a.failed + b.failed,
  countRight: a.countRight + b.countRight,
  headlineRight: a.headlineRight + b.headlineRight,
});

const fixed = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const percent = (part: number, whole: number): string => `${fixed((100 * part) / whole, 1)}%`;

function line(label: string, f: RunFigures): void {
  console.log(
    `${label.padEnd(26)} ${fixed(f.pages / f.cpuSeconds).padStart(6)} pages/s  ${fixed(f.sentences / f.cpuSeconds).padStart(7)} sentences/s (CPU)   ` +
      `wall: ${fixed(f.pages / f.wallSeconds).padStart(5)} pages/s, ${fixed(f.wallSeconds, 2)} s   failed ${f.failed}`,
  );
}

/** One timed pass: text pages then HTML pages (reported apart: they take different extraction paths). */
async function run(
  analyzePage: AnalyzePage,
  pages: readonly GeneratedPage[],
  annotate: boolean,
  label: string,
): Promise<RunFigures> {
  for (const { page } of pages.slice(0, WARMUP_PAGES)) await analyzePage(page, { annotate });
  const text = await runGroup(
    analyzePage,
    pages.filter(({ page }) => page.contentType === 'text/plain'),
    annotate,
  );
  const html = await runGroup(
    analyzePage,
    pages.filter(({ page }) => page.contentType === 'text/html'),
    annotate,
  );
  const all = sum(text, html);
  line(label, all);
  line('  text pages', text);
  line('  HTML pages', html);
  console.log(
    `${''.padEnd(26)} sanity vs generator: article count right ${percent(all.countRight, all.pages)}, first headline right ${percent(all.headlineRight, all.pages)}`,
  );
  return all;
}

/** Target from issue 14: real benchmark pages, extraction only, pages per CPU second in one process. */
const REAL_PAGES_TARGET = 80;

/** Extraction throughput on the real pages of article-extraction-benchmark (skipped when ../shared is absent). */
async function benchRealPages(analyzePage: AnalyzePage): Promise<void> {
  const { findSharedDir } = await import('../eval/shared-dir.ts');
  const { loadBenchmark } = await import('../eval/article-benchmark.ts');
  const shared = findSharedDir();
  const pages = shared ? loadBenchmark(shared) : null;
  if (!pages) {
    console.log('real pages: article-extraction-benchmark not found, skipped');
    return;
  }
  const raw = pages.map((p) => ({
    id: p.key,
    url: `${p.key}.html`,
    fetchedAt: '',
    contentType: 'text/html' as const,
    body: p.html,
  }));
  for (const page of raw) await analyzePage(page as GeneratedPage['page'], { annotate: false });
  let failed = 0;
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  for (const page of raw) {
    try {
      await analyzePage(page as GeneratedPage['page'], { annotate: false });
    } catch {
      failed++;
    }
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = raw.length / cpuSeconds;
  const megabytes = raw.reduce((sum, p) => sum + p.body.length, 0) / 1e6;
  console.log(
    `real pages (article-extraction-benchmark): ${raw.length} pages, ${fixed(megabytes, 1)} M chars, one process, after a warm-up pass`,
  );
  console.log(
    `${'analyze (extract only)'.padEnd(26)} ${fixed(rate, 1).padStart(6)} pages/s (CPU)   wall: ${fixed(raw.length / ((performance.now() - wallStart) / 1000), 1)} pages/s   failed ${failed}`,
  );
  console.log(
    `${''.padEnd(26)} target ≥ ${REAL_PAGES_TARGET} pages per CPU second: ${rate >= REAL_PAGES_TARGET ? 'met' : 'NOT met'}`,
  );
}

export async function bench(): Promise<void> {
  const analyzePage = await loadAnalyzePage();
  if (analyzePage === null) return;
  await benchRealPages(analyzePage);
  const generateStart = performance.now();
  const pages = generatePages({ count: PAGE_COUNT });
  const bytes = pages.reduce((sum, { page }) => sum + page.body.length, 0);
  const html = pages.filter(({ page }) => page.contentType === 'text/html').length;
  console.log(
    `corpus: ${PAGE_COUNT} generated pages (${html} HTML, ${PAGE_COUNT - html} text), ${fixed(bytes / 1e6, 1)} M chars, ` +
      `${fixed(performance.now() - generateStart)} ms to generate; one thread (one core)`,
  );
  const plain = await run(analyzePage, pages, false, 'analyze (extract only)');
  const rate = plain.pages / plain.cpuSeconds;
  console.log(
    `${''.padEnd(26)} target ≥ ${TARGET_PAGES_PER_SECOND} pages/s on one core: ${rate >= TARGET_PAGES_PER_SECOND ? 'met' : 'NOT met'}`,
  );
  await run(analyzePage, pages, true, 'analyze --annotate');
  console.log(`peak RSS: ${fixed(process.resourceUsage().maxRSS / 1024)} MB`);
}
