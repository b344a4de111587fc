/**
 * Clustering terms: folded, lightly stemmed word forms of a headline/body, stop words dropped.
 * Kept local to corpus/ because the committed background IDF (data/idf.json) is keyed by exactly these forms.
 */
import idfTable from '../data/idf.json' with { type: 'json' };
import { CLUSTER_STOPWORDS } from './stopwords.ts';

// Tashkeel, tatweel, bidi/zero-width marks: dropped. Coupled to DROPPED in text/normalize.ts.
const DROPPED_RE = /[\u064B-\u065F\u0670\u0640\u200B-\u200F\u061C]/gu;
const FOLD_RE = /[أإآٱىیکة٠-٩۰-۹]/gu;
const FOLD: Readonly<Record<string, string>> = Object.freeze({
  أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ی: 'ي', ک: 'ك', ة: 'ه',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
  '۰': '0', '۱': '1', '۲': '2', '۳': '3', '۴': '4', '۵': '5', '۶': '6', '۷': '7', '۸': '8', '۹': '9',
});
const WORD_RE = /[\p{L}\p{N}]+/gu;
const ARABIC_START_RE = /^[\u0621-\u064A]/u;
/** Article + conjunction/preposition prefixes, longest first: «والعراق» → «عراق», «للقوات» → «قوات». */
const PREFIXES = ['وبال', 'وال', 'بال', 'فال', 'كال', 'ولل', 'لل', 'ال'] as const;
/** One-letter proclitics (and, so, with, for): «وواشنطن» → «واشنطن». */
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل']);
/**
 * Words whose first letter is one of PROCLITICS but part of the word («وزير», «فصائل», «بابل»): learned by
 * scripts/build-idf.ts as the words more frequent than their proclitic-less remainder in the background corpus.
 */
const KEEP_INITIAL: ReadonlySet<string> = new Set(idfTable.keepInitial);
/** Shortest stem we allow after stripping (Arabic roots are mostly three letters). */
const MIN_STEM = 3;

/** Folds a text for matching: no tashkeel, one alef, ى→ي, ة→ه, ASCII digits, lower-case Latin. */
export function foldText(text: string): string {
  return text.replace(DROPPED_RE, '').replace(FOLD_RE, (ch) => FOLD[ch] ?? ch).toLowerCase();
}

/** Light stem of one folded word: strips one prefix group (article-bearing, or a learned one-letter proclitic) and one plural/feminine/nisba suffix. */
export function stemWord(word: string, keepInitial: ReadonlySet<string> = KEEP_INITIAL): string {
  if (!ARABIC_START_RE.test(word)) return word;
  let w = word;
  let stripped = false;
  for (const prefix of PREFIXES) {
    if (w.startsWith(prefix) && w.length - prefix.length >= MIN_STEM) {
      w = w.slice(prefix.length);
      stripped = true;
      break;
    }
  }
  if (!stripped && PROCLITICS.has(w[0]!) && w.length - 1 >= MIN_STEM && !keepInitial.has(w)) w = w.slice(1);
  if (w.length - 2 >= MIN_STEM && (w.endsWith('ات') || w.endsWith('ون') || w.endsWith('ين'))) w = w.slice(0, -2);
  if (w.length - 1 >= MIN_STEM && w.endsWith('ه')) w = w.slice(0, -1);
  if (w.length - 1 >= MIN_STEM && w.endsWith('ي')) w = w.slice(0, -1);
  return w;
}

/** Clustering terms of a text, in text order (with repeats): folded, stemmed, stop words and 1-letter tokens dropped. */
export function clusterTerms(text: string, keepInitial: ReadonlySet<string> = KEEP_INITIAL): string[] {
  const out: string[] = [];
  for (const match of foldText(text).matchAll(WORD_RE)) {
    const word = match[0];
    if (word.length < 2 || CLUSTER_STOPWORDS.has(word)) continue;
    const stem = stemWord(word, keepInitial);
    if (stem.length < 2 || CLUSTER_STOPWORDS.has(stem)) continue;
    out.push(stem);
  }
  return out;
}

/** Folded words of a text without stemming (for shingles): every token, stop words kept. */
export function foldedWords(text: string): string[] {
  const out: string[] = [];
  for (const match of foldText(text).matchAll(WORD_RE)) out.push(match[0]);
  return out;
}
