/**
 * Clustering terms: `cluster`-folded, lightly stemmed word forms of a headline/body, stop words dropped.
 * Folds, stemming rules, word runs and stop words come from text/; what is kept here is the corpus-learned part:
 * the committed background IDF (data/idf.json) is keyed by exactly these terms and holds the keep-initial words.
 */
import idfTable from '../data/idf.json' with { type: 'json' };
import { normalizeText } from '../../text/normalize.ts';
import { clusterStemRules, stemWith, type StemRules } from '../../text/stem.ts';
import { stopWords } from '../../text/stop-words.ts';
import { wordRuns } from '../../text/tokenize.ts';

const CLUSTER_STOPWORDS = stopWords('cluster');
/**
 * Words whose first letter is a proclitic letter but part of the word («وزير», «فصائل», «بابل»): learned by
 * scripts/build-idf.ts as the words more frequent than their proclitic-less remainder in the background corpus.
 */
const KEEP_INITIAL: ReadonlySet<string> = new Set(idfTable.keepInitial);
const DEFAULT_RULES = clusterStemRules(KEEP_INITIAL);
const rulesOf = (keepInitial: ReadonlySet<string>): StemRules =>
  keepInitial === KEEP_INITIAL ? DEFAULT_RULES : clusterStemRules(keepInitial);

/** Folds a text for clustering (the `cluster` profile): no tashkeel, one alef, ى→ي, ة→ه, ASCII digits, lower-case Latin. */
export function foldText(text: string): string {
  return normalizeText(text, 'cluster');
}

/** Light stem of one folded word with the clustering rules (text/stem.ts clusterStemRules). */
export function stemWord(word: string, keepInitial: ReadonlySet<string> = KEEP_INITIAL): string {
  return stemWith(word, rulesOf(keepInitial));
}

/** Clustering terms of a text, in text order (with repeats): folded, stemmed, stop words and 1-letter tokens dropped. */
export function clusterTerms(text: string, keepInitial: ReadonlySet<string> = KEEP_INITIAL): string[] {
  const rules = rulesOf(keepInitial);
  const out: string[] = [];
  for (const match of wordRuns(foldText(text))) {
    const word = match[0];
    if (word.length < 2 || CLUSTER_STOPWORDS.has(word)) continue;
    const stem = stemWith(word, rules);
    if (stem.length < 2 || CLUSTER_STOPWORDS.has(stem)) continue;
    out.push(stem);
  }
  return out;
}

/** Folded words of a text without stemming (for shingles): every word run, stop words kept. */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  for (const match of wordRuns(foldText(text))) out.push(match[0]);
  return out;
}
