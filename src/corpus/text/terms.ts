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

/**
 * Term of each folded word under the default rules ('' when the word or its stem is dropped): clustering reads the
 * same words millions of times, and a Map lookup is cheaper than the stop-word checks and the stemmer. Bounded:
 * emptied when it reaches CACHED_WORDS (a pure function's cache; results never depend on it).
 */
const TERM_OF_WORD = new Map<string, string>();
const CACHED_WORDS = 400_000;

function termOf(word: string, rules: StemRules): string {
  if (word.length < 2 || CLUSTER_STOPWORDS.has(word)) return '';
  const stem = stemWith(word, rules);
  return stem.length < 2 || CLUSTER_STOPWORDS.has(stem) ? '' : stem;
}

/**
 * Clustering terms of a text, in text order (with repeats): folded, stemmed, stop words and 1-letter tokens dropped.
 * With `limit`, only the first `limit` terms (the same as slicing the full list, without stemming the rest).
 */
export function clusterTerms(
  text: string,
  keepInitial: ReadonlySet<string> = KEEP_INITIAL,
  limit = Number.POSITIVE_INFINITY,
): string[] {
  const rules = rulesOf(keepInitial);
  const cached = rules === DEFAULT_RULES;
  const out: string[] = [];
  if (limit <= 0) return out;
  for (const word of foldedWordRuns(text)) {
    let term = cached ? TERM_OF_WORD.get(word) : undefined;
    if (term === undefined) {
      term = termOf(word, rules);
      if (cached) {
        if (TERM_OF_WORD.size >= CACHED_WORDS) TERM_OF_WORD.clear();
        TERM_OF_WORD.set(word, term);
      }
    }
    if (term === '') continue;
    out.push(term);
    if (out.length >= limit) break;
  }
  return out;
}

/** Folded words of a text without stemming (for shingles): every word run, stop words kept; the first `limit`. */
export function foldedWords(text: string, limit = Number.POSITIVE_INFINITY): string[] {
  return foldedWordRuns(text).slice(0, limit);
}

/**
 * The folded word runs of the last few texts read: features read one body for its terms and again for its shingles
 * (and a headline in between), so each is folded and split once. Callers must not change the returned array.
 */
const RECENT_TEXTS = 4;
const recentTexts: string[] = [];
const recentWords: string[][] = [];

function foldedWordRuns(text: string): readonly string[] {
  const at = recentTexts.indexOf(text);
  if (at >= 0) return recentWords[at]!;
  const words: string[] = [];
  for (const match of wordRuns(foldText(text))) words.push(match[0]);
  if (recentTexts.length >= RECENT_TEXTS) {
    recentTexts.shift();
    recentWords.shift();
  }
  recentTexts.push(text);
  recentWords.push(words);
  return words;
}
