/**
 * Search robustness to Arabic spelling variation, measured at run time on ../shared: the gold article
 * bodies of the seeds plus 3,000 SaudiNewsNet articles as distractors are indexed; for every seed
 * headline, queries rewrite its words the way other writers spell them (hamza dropped, ة/ه, ي/ى, «يرك/ريك»,
 * a clitic added) and we check the article comes back in the top 10. Compared with an exact-token baseline.
 * Also checks the acceptance query: «الأمريكية» finds every seed article that only spells «الأميركية».
 */
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import Database from 'better-sqlite3';
import { parseQuery, toFtsMatch } from '../src/search/query.ts';
import { createSqliteSearchIndex } from '../src/store/sqlite/search-index.ts';
import type { SearchIndexPort } from '../src/store/search-types.ts';
import { STOP_WORDS, foldWord, searchTerms } from '../src/text/stem.ts';
import { REPO_ROOT } from './shared-dir.ts';

const DISTRACTORS = 3_000;
const TOP_K = 10;
const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;

interface Doc {
  readonly id: string;
  readonly headline: string;
  readonly body: string;
}

/** One plausible other spelling of a word, or null when no rule applies. Rules are spelling facts, not seed strings. */
export function variantOf(word: string): string | null {
  if (/يرك/u.test(word)) return word.replace('يرك', 'ريك');
  if (/ريك/u.test(word)) return word.replace('ريك', 'يرك');
  if (/[أإآ]/u.test(word)) return word.replace(/[أإآ]/gu, 'ا');
  if (word.endsWith('ة')) return `${word.slice(0, -1)}ه`;
  if (word.endsWith('ى')) return `${word.slice(0, -1)}ي`;
  if (word.startsWith('ال')) return `و${word}`;
  // A conjunction on a word that has no clitic yet: «رويترز» → «ورويترز».
  if (word.length >= 4 && !/^[وفبلك]/u.test(word)) return `و${word}`;
  return null;
}

async function loadDistractors(shared: string): Promise<Doc[]> {
  const file = join(shared, 'data', 'saudinewsnet', 'saudinewsnet.jsonl.gz');
  if (!existsSync(file)) return [];
  const docs: Doc[] = [];
  for await (const line of createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  })) {
    const row = JSON.parse(line) as { id: string; title?: string; text?: string };
    if (row.title && row.text) docs.push({ id: row.id, headline: row.title, body: row.text });
    if (docs.length >= DISTRACTORS) break;
  }
  return docs;
}

function loadSeeds(shared: string): Doc[] {
  const dir = join(shared, 'gold', 'seeds');
  return readdirSync(dir)
    .filter((f) => /^\d{3}_.*\.json$/u.test(f))
    .sort()
    .flatMap((file) => {
      const gold = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        articles: { headline: string | null; body: string }[];
      };
      return gold.articles.map((a, i) => ({
        id: `${file.replace(/\.json$/u, '')}#${i}`,
        headline: a.headline ?? '',
        body: a.body,
      }));
    });
}

/** The exact-token baseline: words as written (Latin lower-cased), nothing folded or stemmed. */
const exactTerms = (text: string): string[] => (text.match(WORD_RE) ?? []).map((w) => w.toLowerCase());

async function buildIndex(docs: readonly Doc[], terms: (text: string) => string[]): Promise<SearchIndexPort> {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE articles (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE)');
  db.exec(readFileSync(join(REPO_ROOT, 'src', 'store', 'migrations', 'sqlite', '0020_create_search.sql'), 'utf8'));
  const index = createSqliteSearchIndex(db);
  await index.upsertSearchDocuments(
    docs.map((d) => ({
      articleId: d.id,
      outlet: null,
      published: null,
      headlineTerms: terms(d.headline).join(' '),
      bodyTerms: terms(d.body).join(' '),
      analyzerVersion: 1,
    })),
  );
  return index;
}

/** Variant queries of two content words each from every seed headline. */
function variantQueries(seeds: readonly Doc[]): { id: string; query: string }[] {
  return seeds.flatMap((doc) => {
    const words = (doc.headline.match(WORD_RE) ?? []).filter((w) => w.length >= 4 && !STOP_WORDS.has(foldWord(w)));
    const variants = words.map(variantOf).filter((v): v is string => v !== null);
    const queries: { id: string; query: string }[] = [];
    for (let i = 0; i + 1 < variants.length; i += 2)
      queries.push({ id: doc.id, query: `${variants[i]} ${variants[i + 1]}` });
    return queries;
  });
}

async function recallAtK(
  index: SearchIndexPort,
  queries: readonly { id: string; query: string }[],
  toMatch: (q: string) => string | null,
  label: string,
): Promise<number> {
  let found = 0;
  for (const { id, query } of queries) {
    const match = toMatch(query);
    if (match === null) continue;
    const page = await index.searchDocuments({ match, filters: {}, limit: TOP_K, offset: 0 });
    if (page.hits.some((h) => h.articleId === id)) found++;
    else if (process.env.MARSAD_EVAL_VERBOSE) console.log(`    ${label} missed ${id}: ${query}`);
  }
  return queries.length === 0 ? 0 : found / queries.length;
}

export async function evaluate(sharedDir: string): Promise<{ metrics: Record<string, number> }> {
  const seeds = loadSeeds(sharedDir);
  const docs = [...seeds, ...(await loadDistractors(sharedDir))];
  const analysed = await buildIndex(docs, searchTerms);
  const exact = await buildIndex(docs, exactTerms);
  const queries = variantQueries(seeds);
  const quote = (t: string) => `"${t.replaceAll('"', '""')}"`;
  const variantRecall = await recallAtK(analysed, queries, (q) => toFtsMatch(parseQuery(q)), 'analysed');
  const baselineRecall = await recallAtK(
    exact,
    queries,
    (q) => {
      const terms = exactTerms(q);
      return terms.length === 0 ? null : terms.map(quote).join(' AND ');
    },
    'baseline',
  );
  const onlyVariant = seeds.filter((d) => /الأميركي/u.test(d.body) && !/الأمريكي/u.test(d.body)).map((d) => d.id);
  // Does the query match the article at all (ranking among 3,000 distractors is the recall metric's job)?
  const found = await analysed.searchDocuments({
    match: toFtsMatch(parseQuery('الأمريكية'))!,
    filters: { articleIds: onlyVariant },
    limit: 100,
    offset: 0,
  });
  const acceptance = onlyVariant.length === 0 ? 1 : found.total / onlyVariant.length;
  console.log(
    `indexed ${docs.length} articles (${seeds.length} seed articles + distractors); ${queries.length} variant queries`,
  );
  console.log(
    `  variant recall@${TOP_K}: analysed ${variantRecall.toFixed(3)}   exact-token baseline ${baselineRecall.toFixed(3)}`,
  );
  console.log(
    `  «الأمريكية» finds ${onlyVariant.length} article(s) spelling only «الأميركية»: ${acceptance.toFixed(3)}`,
  );
  return {
    metrics: {
      'variants.recall_at_10': variantRecall,
      'variants.baseline_recall_at_10': baselineRecall,
      'seeds.amrikiya_finds_amerkiya': acceptance,
    },
  };
}
