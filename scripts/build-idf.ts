/**
 * Builds the committed background table `src/corpus/data/idf.json` from the news corpora in ../shared/data
 * (SaudiNewsNet + egy-news-2013): term → document frequency and the learned keep-initial word list; no text.
 * Run: npx tsx scripts/build-idf.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findSharedDir, REPO_ROOT } from '../eval/shared-dir.ts';
import { clusterTerms, foldedWords } from '../src/corpus/text/terms.ts';
import { readNewsCorpus, type NewsRecord } from './news-corpus.ts';

/** Terms seen in fewer documents are left out: they get the table's default (rare-term) IDF. Keeps the file ~0.5 MB. */
const MIN_DF = 15;
const PROCLITIC_RE = /^[وفبل][\u0621-\u064A]{3,}$/u;

const shared = findSharedDir();
if (!shared) {
  console.log('build-idf: ../shared not found.');
  process.exit(0);
}
const records: NewsRecord[] = [];
for (const name of ['saudinewsnet', 'egy-news-2013'] as const)
  records.push(...(await readNewsCorpus(shared, name)).records);
const textOf = (r: NewsRecord): string => `${r.title ?? ''}\n${r.text ?? ''}`;

// Pass 1: folded word df → words whose first letter belongs to the word (more frequent than the remainder).
const wordDf = countDocuments(records, (r) => foldedWords(textOf(r)));
const keepInitial = [...wordDf]
  .filter(([w, n]) => n >= MIN_DF && PROCLITIC_RE.test(w) && n >= (wordDf.get(w.slice(1)) ?? 0))
  .map(([w]) => w)
  .sort();
const keepSet = new Set(keepInitial);
// Pass 2: stem df with that list.
const df = countDocuments(records, (r) => clusterTerms(textOf(r), keepSet));
const documents = records.filter((r) => clusterTerms(textOf(r), keepSet).length > 0).length;
const kept = [...df].filter(([, n]) => n >= MIN_DF).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const out = {
  about:
    'Background document frequencies of clustering terms (src/corpus/text/terms.ts) over SaudiNewsNet + egy-news-2013, and words whose initial و/ف/ب/ل is no proclitic; built by scripts/build-idf.ts.',
  documents,
  minDf: MIN_DF,
  keepInitial,
  df: Object.fromEntries(kept),
};
writeFileSync(join(REPO_ROOT, 'src/corpus/data/idf.json'), `${JSON.stringify(out)}\n`);
console.log(
  `build-idf: ${documents} documents, ${kept.length} terms with df >= ${MIN_DF}, ${keepInitial.length} keep-initial words`,
);

function countDocuments(items: readonly NewsRecord[], termsOf: (r: NewsRecord) => string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const term of new Set(termsOf(item))) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}
