/**
 * Light stemming (affix stripping by rules, Light10 family, Larkey et al.) with the rules of search and clustering,
 * and the search analyser: word runs → `search`-folded, stemmed terms, stop words dropped. Shared by FTS indexing,
 * query parsing and snippets; clustering (corpus/text/terms.ts) uses `clusterStemRules`.
 */
import { normalizeText } from './normalize.ts';
import { stopWords } from './stop-words.ts';
import { wordRuns } from './tokenize.ts';

/** A term with the source range of the token it came from (UTF-16 offsets into the analysed text). */
export interface SearchToken {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

/** Search folds: the `search` profile of the fold table (text/normalize.ts). */
export function foldWord(word: string): string {
  return normalizeText(word, 'search');
}

/** Function words dropped from search terms (the `search` subset of the stop-word lexicon). */
export const STOP_WORDS: ReadonlySet<string> = stopWords('search');

/**
 * Stems that begin with a root و (not the conjunction): «وزير» minister, «وكالة» agency, «وقت» time.
 * Light10 would strip their و and split «وزير» from «الوزير»; a word starting with one keeps its و.
 */
const ROOT_WAW_PREFIXES: readonly string[] = [
  'وزير',
  'وزار',
  'وزرا',
  'وكال',
  'وكيل',
  'وقت',
  'وضع',
  'وطن',
  'وفد',
  'وفود',
  'وصل',
  'وصول',
  'وقع',
  'وقف',
  'وجه',
  'وجود',
  'وحد',
  'ورد',
  'وفق',
  'وسط',
  'ولد',
  'وعد',
  'وثيق',
  'وثاءق',
  'واشنطن',
  'ولاي',
  'ورق',
  'وسيل',
  'وساءل',
  'وظيف',
  'وفاه',
  'وفيات',
  'ولي',
  'وقود',
  'وباء',
  'وادي',
  'واقع',
  'واجب',
  'واضح',
  'وارد',
  'وريث',
];
const ROOT_WAW_SET: ReadonlySet<string> = new Set(ROOT_WAW_PREFIXES);
const ROOT_WAW_MAX_LENGTH = Math.max(...ROOT_WAW_PREFIXES.map((p) => p.length));

function hasRootWaw(word: string): boolean {
  for (let length = Math.min(ROOT_WAW_MAX_LENGTH, word.length); length >= 3; length--) {
    if (ROOT_WAW_SET.has(word.slice(0, length))) return true;
  }
  return false;
}

/**
 * One step of a light stemmer: strip the first of `affixes` found at that end of the word when at least `minStem`
 * letters remain, unless `keep(word)` says the letters belong to the word.
 */
export interface AffixStep {
  readonly side: 'prefix' | 'suffix';
  readonly affixes: readonly string[];
  readonly minStem: number;
  readonly keep?: (word: string) => boolean;
  /** Only when no earlier step stripped anything (a proclitic tried when no article-bearing prefix was found). */
  readonly onlyIfUnstripped?: boolean;
}

/** A light stemmer: the words it applies to (others are returned as given) and its steps, in order. */
export interface StemRules {
  readonly appliesTo: RegExp;
  readonly steps: readonly AffixStep[];
}

/** Applies `rules` to one folded word. */
export function stemWith(word: string, rules: StemRules): string {
  if (!rules.appliesTo.test(word)) return word;
  let stem = word;
  let stripped = false;
  for (const step of rules.steps) {
    if (step.onlyIfUnstripped && stripped) continue;
    const isPrefix = step.side === 'prefix';
    for (const affix of step.affixes) {
      if (stem.length - affix.length < step.minStem || !(isPrefix ? stem.startsWith(affix) : stem.endsWith(affix)))
        continue;
      if (step.keep?.(stem)) break;
      stem = isPrefix ? stem.slice(affix.length) : stem.slice(0, stem.length - affix.length);
      stripped = true;
      break;
    }
  }
  return stem;
}

const suffixSteps = (suffixes: readonly string[], minStem: number): AffixStep[] =>
  suffixes.map((s) => ({ side: 'suffix', affixes: [s], minStem }));

/**
 * Light10 (Larkey et al.) for search terms: و when ≥ 3 letters remain and the word has no root و, then one
 * article-bearing prefix (longest first; «وال» is و then ال), then each suffix once in this order (ة is already ه).
 */
export const SEARCH_STEM: StemRules = {
  appliesTo: /[\u0621-\u064A]/u,
  steps: [
    { side: 'prefix', affixes: ['و'], minStem: 3, keep: hasRootWaw },
    { side: 'prefix', affixes: ['بال', 'كال', 'فال', 'ال', 'لل'], minStem: 2 },
    ...suffixSteps(['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'], 2),
  ],
};

/**
 * The clustering stemmer (corpus/text/terms.ts): one article-bearing prefix group, or else one proclitic و/ف/ب/ل
 * unless the word is in `keepInitial` (words whose first letter is part of the word, learned from a corpus), then a
 * plural suffix, ه and ي, keeping at least three letters (Arabic roots are mostly three letters).
 */
export function clusterStemRules(keepInitial: ReadonlySet<string>): StemRules {
  return {
    appliesTo: /^[\u0621-\u064A]/u,
    steps: [
      { side: 'prefix', affixes: ['وبال', 'وال', 'بال', 'فال', 'كال', 'ولل', 'لل', 'ال'], minStem: 3 },
      {
        side: 'prefix',
        affixes: ['و', 'ف', 'ب', 'ل'],
        minStem: 3,
        keep: (w) => keepInitial.has(w),
        onlyIfUnstripped: true,
      },
      { side: 'suffix', affixes: ['ات', 'ون', 'ين'], minStem: 3 },
      ...suffixSteps(['ه', 'ي'], 3),
    ],
  };
}

/**
 * Light stem of one word (any spelling) for search: «والأمريكية», «الأميركية», «الامريكي» → «امريك».
 * Words without Arabic letters are only folded (lower-cased Latin, ASCII digits).
 */
export function lightStem(word: string): string {
  return stemWith(foldWord(word), SEARCH_STEM);
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
  const term = stemWith(folded, SEARCH_STEM);
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

/** The search term of one word run (as `searchTokens` analyses it), or null for a stop word. */
export function searchTermOfWord(word: string, cache?: TermCache): string | null {
  return cache ? cachedTermOf(word, cache) : termOf(word);
}

/** Search tokens of `text` with their source spans: stop words dropped, every other token stemmed. */
export function searchTokens(text: string, cache?: TermCache): SearchToken[] {
  const tokens: SearchToken[] = [];
  for (const match of wordRuns(text)) {
    const term = cache ? cachedTermOf(match[0], cache) : termOf(match[0]);
    if (term !== null) tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Search terms of `text` in order (normalised, variant-folded, stemmed, stop words dropped). */
export function searchTerms(text: string, cache?: TermCache): string[] {
  const terms: string[] = [];
  for (const match of wordRuns(text)) {
    const term = cache ? cachedTermOf(match[0], cache) : termOf(match[0]);
    if (term !== null) terms.push(term);
  }
  return terms;
}
