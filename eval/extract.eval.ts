/**
 * Scores `analyzePage` extraction against gold: the five seed pages (`../shared/gold/seeds`), the demo
 * corpus (`examples/gold.json`) and the held-out-style pages (`test/pages/gold.json`) when present.
 * Metrics: article count per page, body token P/R/F1 per article, headline/date/outlet accuracy.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExtractedArticle } from '../src/core/article.ts';
import type { RawPage } from '../src/core/page.ts';
import { extractPage } from '../src/extract/index.ts';
import { readPages } from '../src/ingest/read-pages.ts';
import { REPO_ROOT } from './shared-dir.ts';
import { loadBenchmark, PUBLISHED_F1, setMetrics, shingleMatch, type ShingleCounts } from './article-benchmark.ts';

interface GoldArticle {
  headline: string | null;
  published: string | null;
  outlet: string | null;
  body: string;
  cited_sources?: string[];
}
interface GoldPage {
  file: string;
  articles: GoldArticle[];
}
interface SetScore {
  pages: number;
  countRight: number;
  articles: number;
  f1s: number[];
  headline: number;
  date: number;
  outlet: number;
  failures: string[];
}

const MAX_BYTES = 5_000_000;
const TASHKEEL_RE = /[\u064B-\u065F\u0670\u0640]/gu;
const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** Body tokens: Unicode letter/digit runs, tashkeel removed. */
export function bodyTokens(text: string): string[] {
  return text.replace(TASHKEEL_RE, '').match(TOKEN_RE) ?? [];
}

/** Multiset token P/R/F1 of `predicted` against `gold`. */
export function tokenF1(predicted: string, gold: string): { precision: number; recall: number; f1: number } {
  const counts = new Map<string, number>();
  const goldTokens = bodyTokens(gold);
  for (const t of goldTokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  const predictedTokens = bodyTokens(predicted);
  let overlap = 0;
  for (const t of predictedTokens) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      overlap++;
      counts.set(t, left - 1);
    }
  }
  const precision = predictedTokens.length === 0 ? 0 : overlap / predictedTokens.length;
  const recall = goldTokens.length === 0 ? 0 : overlap / goldTokens.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

async function loadPages(paths: readonly string[]): Promise<Map<string, RawPage>> {
  const pages = new Map<string, RawPage>();
  for await (const result of readPages(paths, { maxBytes: MAX_BYTES })) {
    if (result.ok) pages.set(result.source, result.page);
  }
  return pages;
}

function scorePage(gold: GoldPage, page: RawPage | undefined, score: SetScore): void {
  score.pages++;
  const predicted = page ? extractPage(page).articles : [];
  if (predicted.length === gold.articles.length) score.countRight++;
  else score.failures.push(`${gold.file}: ${predicted.length} articles, gold ${gold.articles.length}`);
  const used = new Set<number>();
  for (const goldArticle of gold.articles) {
    score.articles++;
    const match = bestMatch(goldArticle, predicted, used);
    const f1 = match ? tokenF1(match.body, goldArticle.body).f1 : 0;
    score.f1s.push(f1);
    if (f1 < 0.95)
      score.failures.push(`${gold.file}: body F1 ${f1.toFixed(3)} «${goldArticle.headline?.slice(0, 40)}»`);
    compareField(score, 'headline', match?.headline ?? null, goldArticle.headline, gold.file);
    compareField(score, 'date', match?.published?.date ?? null, goldArticle.published, gold.file);
    compareField(score, 'outlet', match?.outlet ?? null, goldArticle.outlet, gold.file);
  }
}

function compareField(
  score: SetScore,
  field: 'headline' | 'date' | 'outlet',
  got: string | null,
  want: string | null,
  file: string,
): void {
  const norm = (s: string | null): string | null =>
    s === null ? null : s.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (norm(got) === norm(want)) score[field]++;
  else score.failures.push(`${file}: ${field} «${got}» ≠ gold «${want}»`);
}

function bestMatch(
  gold: GoldArticle,
  predicted: readonly ExtractedArticle[],
  used: Set<number>,
): ExtractedArticle | null {
  let best = -1;
  let bestF1 = -1;
  predicted.forEach((article, i) => {
    if (used.has(i)) return;
    const f1 = tokenF1(article.body, gold.body).f1;
    if (f1 > bestF1) [best, bestF1] = [i, f1];
  });
  if (best < 0) return null;
  used.add(best);
  return predicted[best]!;
}

async function scoreSet(golds: readonly GoldPage[], pathOf: (file: string) => string): Promise<SetScore> {
  const files = [...new Set(golds.map((g) => pathOf(g.file).replace(/#\d+$/u, '')))];
  const pages = await loadPages(files);
  const score: SetScore = {
    pages: 0,
    countRight: 0,
    articles: 0,
    f1s: [],
    headline: 0,
    date: 0,
    outlet: 0,
    failures: [],
  };
  for (const gold of golds) scorePage(gold, pages.get(pathOf(gold.file)), score);
  return score;
}

function seedGolds(sharedDir: string): GoldPage[] {
  const dir = join(sharedDir, 'gold', 'seeds');
  return readdirSync(dir)
    .filter((f) => /^\d+_.*\.json$/u.test(f))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldPage);
}

function metrics(prefix: string, s: SetScore): Record<string, number> {
  const mean = s.f1s.length === 0 ? 0 : s.f1s.reduce((a, b) => a + b, 0) / s.f1s.length;
  const ratio = (n: number): number => (s.articles === 0 ? 0 : n / s.articles);
  return {
    [`${prefix}.pages`]: s.pages,
    [`${prefix}.article_count_accuracy`]: s.pages === 0 ? 0 : s.countRight / s.pages,
    [`${prefix}.body_f1_mean`]: mean,
    [`${prefix}.body_f1_min`]: s.f1s.length === 0 ? 0 : Math.min(...s.f1s),
    [`${prefix}.headline_accuracy`]: ratio(s.headline),
    [`${prefix}.date_accuracy`]: ratio(s.date),
    [`${prefix}.outlet_accuracy`]: ratio(s.outlet),
  };
}

function printTable(name: string, s: SetScore): void {
  const m = metrics(name, s);
  console.log(`\n${name}: ${s.pages} pages, ${s.articles} gold articles`);
  for (const [key, value] of Object.entries(m))
    console.log(`  ${key.slice(name.length + 1).padEnd(24)} ${Number.isInteger(value) ? value : value.toFixed(3)}`);
  for (const failure of s.failures) console.log(`  ✗ ${failure}`);
}

/** Real news HTML with a reference body (`data/arabic-html-pages`, full-body golds only): mean body token F1. */
function scoreReferenceHtml(sharedDir: string): Record<string, number> {
  const dir = join(sharedDir, 'data', 'arabic-html-pages');
  if (!existsSync(join(dir, 'index.jsonl'))) return {};
  const rows = readFileSync(join(dir, 'index.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { file: string; gold_text_file: string; gold_kind: string })
    .filter((row) => row.gold_kind.startsWith('full article body'));
  const f1s = rows.map((row) => {
    const body = readFileSync(join(dir, row.file), 'utf8');
    const [article] = extractPage({
      id: row.file,
      url: row.file,
      fetchedAt: '',
      contentType: 'text/html',
      body,
    }).articles;
    const f1 = tokenF1(article?.body ?? '', readFileSync(join(dir, row.gold_text_file), 'utf8')).f1;
    console.log(`  ${row.file.padEnd(40)} body F1 ${f1.toFixed(3)}`);
    return f1;
  });
  return f1s.length === 0 ? {} : { 'html_reference.body_f1_mean': f1s.reduce((a, b) => a + b, 0) / f1s.length };
}

export async function evaluate(sharedDir: string): Promise<{ metrics: Record<string, number> }> {
  const all: Record<string, number> = {};
  const seeds = await scoreSet(seedGolds(sharedDir), (file) => join(sharedDir, 'seeds', file));
  printTable('seeds', seeds);
  Object.assign(all, metrics('seeds', seeds));
  for (const [name, goldPath] of [
    ['examples', join(REPO_ROOT, 'examples', 'gold.json')],
    ['heldout', join(REPO_ROOT, 'test', 'pages', 'gold.json')],
  ] as const) {
    if (!existsSync(goldPath)) continue;
    const golds = (JSON.parse(readFileSync(goldPath, 'utf8')) as { pages: GoldPage[] }).pages;
    const score = await scoreSet(golds, (file) => join(dirname(goldPath), file));
    printTable(name, score);
    Object.assign(all, metrics(name, score));
  }
  console.log('\nhtml_reference (real news HTML, reference body text):');
  Object.assign(all, scoreReferenceHtml(sharedDir));
  Object.assign(all, scoreArticleBenchmark(sharedDir));
  return { metrics: all };
}

/**
 * article-extraction-benchmark (181 real pages, `data/article-extraction-benchmark`): the first article's body of
 * each page against the ground truth, with the benchmark's own metric (see article-benchmark.ts), over all pages and
 * over the development part and the held-out block apart; the published figures of other extractors beside ours.
 */
function scoreArticleBenchmark(sharedDir: string): Record<string, number> {
  const pages = loadBenchmark(sharedDir);
  if (!pages) return {};
  const counts: { heldOut: boolean; c: ShingleCounts }[] = [];
  let empty = 0;
  let errors = 0;
  for (const page of pages) {
    let body = '';
    try {
      body =
        extractPage({ id: page.key, url: `${page.key}.html`, fetchedAt: '', contentType: 'text/html', body: page.html })
          .articles[0]?.body ?? '';
    } catch {
      errors++;
    }
    if (body === '' && page.truth !== '') empty++;
    counts.push({ heldOut: page.heldOut, c: shingleMatch(page.truth, body) });
  }
  const sets = { all: counts, dev: counts.filter((x) => !x.heldOut), heldout: counts.filter((x) => x.heldOut) };
  const out: Record<string, number> = {
    'benchmark.pages': pages.length,
    'benchmark.empty_predictions': empty,
    'benchmark.errors': errors,
  };
  console.log(
    `\narticle-extraction-benchmark: ${pages.length} pages (shingle F1 as evaluate.py; held-out = 1 page in 5 by name hash)`,
  );
  for (const [name, list] of Object.entries(sets)) {
    const m = setMetrics(list.map((x) => x.c));
    console.log(
      `  marsad ${name.padEnd(8)} ${String(list.length).padStart(3)} pages  F1 ${m.f1.toFixed(3)}  precision ${m.precision.toFixed(3)}  recall ${m.recall.toFixed(3)}`,
    );
    Object.assign(out, {
      [`benchmark.${name}.f1`]: m.f1,
      [`benchmark.${name}.precision`]: m.precision,
      [`benchmark.${name}.recall`]: m.recall,
    });
  }
  console.log(`  empty predictions ${empty}, errors ${errors}`);
  console.log(
    `  published on the same set and metric: ${PUBLISHED_F1.map(([name, f1]) => `${name} ${f1.toFixed(3)}`).join(', ')}`,
  );
  out['benchmark.no_empty'] = empty === 0 ? 1 : 0;
  out['benchmark.errors_absent'] = errors === 0 ? 1 : 0;
  return out;
}
