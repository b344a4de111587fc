/**
 * Arabic light stemmer (Light10 family, Larkey et al.) plus the search analyser: tokens → normalised,
 * variant-folded, stemmed terms. Shared by FTS indexing, query parsing and cross-article clustering.
 */
import { normalizeText } from './normalize.ts';

/** A term with the source range of the token it came from (UTF-16 offsets into the analysed text). */
export interface SearchToken {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Orthographic variants of loanwords, folded the same way at index and query time.
 * «أميركا/أمريكا», «الأميركية/الأمريكية»: ي before ر before ك is written both ways, so «يرك» → «ريك».
 * Hamza seats vary between writers: «مسؤول/مسئول» → both «مسءول». Persian letters in names: ڤ گ پ چ ژ.
 */
const VARIANT_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/(?<=\p{L})يرك/gu, 'ريك'],
  [/[ؤئ]/gu, 'ء'],
  [/ڤ/gu, 'ف'],
  [/[گ]/gu, 'ك'],
  [/پ/gu, 'ب'],
  [/چ/gu, 'ج'],
  [/ژ/gu, 'ز'],
];

/** Definite-article prefixes, longest first (Light10 list; «وال» is covered by stripping و first). */
const ARTICLE_PREFIXES: readonly string[] = ['بال', 'كال', 'فال', 'ال', 'لل'];
/** Suffixes tried once each, in this order (Light10); ة is already folded to ه. */
const SUFFIXES: readonly string[] = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];
/** Light10 guards: strip و only when ≥ 3 letters remain, articles and suffixes only when ≥ 2 remain. */
const MIN_AFTER_WAW = 3;
const MIN_AFTER_AFFIX = 2;

/**
 * Stems that begin with a root و (not the conjunction): «وزير» minister, «وكالة» agency, «وقت» time.
 * Light10 would strip their و and split «وزير» from «الوزير»; a word starting with one keeps its و.
 */
const ROOT_WAW_PREFIXES: readonly string[] = [
  'وزير', 'وزار', 'وزرا', 'وكال', 'وكيل', 'وقت', 'وضع', 'وطن', 'وفد', 'وفود', 'وصل', 'وصول', 'وقع', 'وقف',
  'وجه', 'وجود', 'وحد', 'ورد', 'وفق', 'وسط', 'ولد', 'وعد', 'وثيق', 'وثاءق', 'واشنطن', 'ولاي', 'ورق', 'وسيل',
  'وساءل', 'وظيف', 'وفاه', 'وفيات', 'ولي', 'وقود', 'وباء', 'وادي', 'واقع', 'واجب', 'واضح', 'وارد', 'وريث',
];
const ROOT_WAW_SET: ReadonlySet<string> = new Set(ROOT_WAW_PREFIXES);
const ROOT_WAW_MAX_LENGTH = Math.max(...ROOT_WAW_PREFIXES.map((p) => p.length));

/** Function words dropped from search terms (normalised, ة→ه, hamza seats folded). */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'في', 'من', 'علي', 'الي', 'عن', 'ان', 'لان', 'بان', 'كان', 'كانت', 'يكون', 'تكون', 'التي', 'الذي', 'الذين',
  'اللذين', 'اللتين', 'اللواتي', 'هذا', 'هذه', 'ذلك', 'تلك', 'هناك', 'هنا', 'مع', 'ما', 'ماذا', 'لا', 'لم',
  'لن', 'قد', 'لقد', 'او', 'ام', 'ثم', 'حتي', 'بين', 'كل', 'بعد', 'قبل', 'عند', 'عندما', 'هو', 'هي', 'هم',
  'هما', 'نحن', 'انا', 'انه', 'انها', 'كما', 'لكن', 'لكنه', 'بل', 'اذا', 'اذ', 'ايضا', 'منذ', 'خلال', 'حول',
  'لدي', 'لدى', 'ضد', 'دون', 'غير', 'اي', 'ايه', 'الا', 'اما', 'فقط', 'مثل', 'حيث', 'وفق', 'نحو', 'فيه', 'فيها',
  'منه', 'منها', 'عليه', 'عليها', 'له', 'لها', 'لهم', 'به', 'بها', 'الان', 'و', 'ف', 'ب', 'ل', 'ك',
  'the', 'of', 'and', 'a', 'an', 'in', 'on', 'to', 'for', 'is', 'are', 'was', 'by', 'with', 'at', 'from',
]);

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+/gu;
const ARABIC_RE = /[\u0621-\u064A]/u;

/** Normalises one word for matching: normalize.ts folds, ة→ه, then the orthographic variant folds. */
export function foldWord(word: string): string {
  let folded = normalizeText(word, { foldTaMarbuta: true });
  for (const [pattern, replacement] of VARIANT_FOLDS) folded = folded.replace(pattern, replacement);
  return folded;
}

function hasRootWaw(word: string): boolean {
  for (let length = Math.min(ROOT_WAW_MAX_LENGTH, word.length); length >= 3; length--) {
    if (ROOT_WAW_SET.has(word.slice(0, length))) return true;
  }
  return false;
}

function stripPrefixes(word: string): string {
  let stem = word;
  if (stem.startsWith('و') && stem.length - 1 >= MIN_AFTER_WAW && !hasRootWaw(stem)) stem = stem.slice(1);
  for (const prefix of ARTICLE_PREFIXES) {
    if (stem.startsWith(prefix) && stem.length - prefix.length >= MIN_AFTER_AFFIX) return stem.slice(prefix.length);
  }
  return stem;
}

function stripSuffixes(word: string): string {
  let stem = word;
  for (const suffix of SUFFIXES) {
    if (stem.endsWith(suffix) && stem.length - suffix.length >= MIN_AFTER_AFFIX) stem = stem.slice(0, -suffix.length);
  }
  return stem;
}

/**
 * Light stem of one word (any spelling): «والأمريكية», «الأميركية», «الامريكي» → «امريك».
 * Words without Arabic letters are only folded (lower-cased Latin, ASCII digits).
 */
export function lightStem(word: string): string {
  return stemFolded(foldWord(word));
}

function stemFolded(folded: string): string {
  if (!ARABIC_RE.test(folded)) return folded;
  return stripSuffixes(stripPrefixes(folded));
}

/** True when the folded word (or the word after a conjunction و/ف) is a function word. */
function isStopWord(folded: string): boolean {
  if (STOP_WORDS.has(folded)) return true;
  const first = folded[0];
  return (first === 'و' || first === 'ف') && STOP_WORDS.has(folded.slice(1));
}

/** Search tokens of `text` with their source spans: stop words dropped, every other token stemmed. */
export function searchTokens(text: string): SearchToken[] {
  const tokens: SearchToken[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const folded = foldWord(match[0]);
    if (folded.length === 0 || isStopWord(folded)) continue;
    const term = stemFolded(folded);
    if (term.length === 0) continue;
    tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Search terms of `text` in order (normalised, variant-folded, stemmed, stop words dropped). */
export function searchTerms(text: string): string[] {
  return searchTokens(text).map((token) => token.term);
}
