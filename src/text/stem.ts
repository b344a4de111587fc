/**
 * Arabic light stemmer (Light10 family, Larkey et al.) plus the search analyser: tokens → normalised,
 * variant-folded, stemmed terms. Shared by FTS indexing, query parsing and cross-article clustering.
 */

/** A term with the source range of the token it came from (UTF-16 offsets into the analysed text). */
export interface SearchToken {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Character folds for matching, one table (coupled to CHAR_MAP/DROPPED in normalize.ts, plus ة→ه):
 * alef forms → ا, ى → ي, ة → ه, Arabic-Indic/Persian digits → ASCII. Hamza seats vary between writers,
 * «مسؤول/مسئول», so ؤ and ئ → ء. Persian letters in names: ڤ→ف گ→ك پ→ب چ→ج ژ→ز ی→ي ک→ك.
 */
const CHAR_FOLD: ReadonlyMap<number, string> = new Map([
  ...[...'أإآٱ'].map((ch) => [ch, 'ا']), ['ى', 'ي'], ['ی', 'ي'], ['ې', 'ي'], ['ة', 'ه'], ['ؤ', 'ء'], ['ئ', 'ء'],
  ['ک', 'ك'], ['گ', 'ك'], ['ڤ', 'ف'], ['پ', 'ب'], ['چ', 'ج'], ['ژ', 'ز'],
  ...[...'٠١٢٣٤٥٦٧٨٩'].map((ch, digit) => [ch, String(digit)]),
  ...[...'۰۱۲۳۴۵۶۷۸۹'].map((ch, digit) => [ch, String(digit)]),
].map(([from, to]) => [from!.charCodeAt(0), to!] as [number, string]));

/** Tashkeel and superscript alef, tatweel, zero-width and bidi marks: dropped (as in normalize.ts). */
function isDropped(code: number): boolean {
  return (code >= 0x064b && code <= 0x065f) || code === 0x0670 || code === 0x0640 || (code >= 0x200c && code <= 0x200f) || code === 0x061c;
}

/**
 * Loanword spelling variant: ي before ر before ك is written both ways, «أميركا/أمريكا»,
 * «الأميركية/الأمريكية», so «يرك» after a letter folds to «ريك» at index and query time.
 */
const YRK_VARIANT = /(?<=\p{L})يرك/gu;

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

/** Normalises one word for matching: the character folds, dropped marks, lower-case Latin, the «يرك» variant. */
export function foldWord(word: string): string {
  let folded = '';
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (isDropped(code)) continue;
    const mapped = CHAR_FOLD.get(code);
    if (mapped !== undefined) folded += mapped;
    else if (code >= 0x41 && code <= 0x5a) folded += String.fromCharCode(code + 32);
    else folded += word[i];
  }
  return folded.includes('يرك') ? folded.replace(YRK_VARIANT, 'ريك') : folded;
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

/**
 * Memo of word → term (null for a stop word) for bulk indexing: news vocabulary is Zipfian, so a few
 * tens of thousands of entries catch most tokens. Bounded: cleared when full. Outputs are unchanged.
 */
export interface TermCache {
  readonly terms: Map<string, string | null>;
  readonly maxEntries: number;
}

/** 50,000 words ≈ a few MB; on SaudiNewsNet it more than doubles indexing speed (bench/search.bench.ts). */
export const DEFAULT_TERM_CACHE_ENTRIES = 50_000;

export function createTermCache(maxEntries = DEFAULT_TERM_CACHE_ENTRIES): TermCache {
  return { terms: new Map(), maxEntries };
}

/** The term of one surface word, or null for a stop word (or a word that folds to nothing). */
function termOf(word: string): string | null {
  const folded = foldWord(word);
  if (folded.length === 0 || isStopWord(folded)) return null;
  const term = stemFolded(folded);
  return term.length === 0 ? null : term;
}

function cachedTermOf(word: string, cache: TermCache): string | null {
  const hit = cache.terms.get(word);
  if (hit !== undefined) return hit;
  const term = termOf(word);
  if (cache.terms.size >= cache.maxEntries) cache.terms.clear();
  cache.terms.set(word, term);
  return term;
}

/** Search tokens of `text` with their source spans: stop words dropped, every other token stemmed. */
export function searchTokens(text: string, cache?: TermCache): SearchToken[] {
  const tokens: SearchToken[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const term = cache ? cachedTermOf(match[0], cache) : termOf(match[0]);
    if (term !== null) tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Search terms of `text` in order (normalised, variant-folded, stemmed, stop words dropped). */
export function searchTerms(text: string, cache?: TermCache): string[] {
  const terms: string[] = [];
  for (const match of text.matchAll(TOKEN_RE)) {
    const term = cache ? cachedTermOf(match[0], cache) : termOf(match[0]);
    if (term !== null) terms.push(term);
  }
  return terms;
}
