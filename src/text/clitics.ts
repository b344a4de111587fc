/**
 * Arabic proclitic splitting (و ف ب ك ل س ال) into sub-spans of one word, keeping the word intact.
 * Used by tokenize.ts (token sub-spans), the NER token forms and entity trimming (word without its clitics).
 */
import { foldCodeUnit, normalizeText } from './normalize.ts';

export type CliticKind = 'conjunction' | 'preposition' | 'future' | 'article';

/** One proclitic, as offsets relative to the word (half-open). */
export interface CliticPart {
  readonly kind: CliticKind;
  readonly start: number;
  readonly end: number;
}

export interface CliticSplit {
  readonly clitics: readonly CliticPart[];
  /** Offset (relative to the word) where the stem starts; 0 when nothing was split. */
  readonly stemStart: number;
}

export interface CliticOptions {
  /**
   * Says whether a remainder (normalised, e.g. «قال» of «وقال», «بغداد» of «ببغداد») is a known word.
   * Without it only unambiguous prefixes are split: «والعراق», «للحكومة», «وأكد»; with it also
   * «وقال» → و + قال while «وزير» (minister) stays whole because «زير» is not a known word.
   */
  readonly isKnownStem?: (normalizedRemainder: string) => boolean;
}

/** A stem must keep at least this many letters: «الي» is not ال + ي. Two-letter stems are rare nouns. */
const MIN_STEM_LETTERS = 2;
/** A clitic before ال needs a longer stem: «والده» (his father, root و-ل-د) must not become و + ال + ده. */
const MIN_STEM_AFTER_CONJUNCTION_ARTICLE = 3;

const CONJUNCTIONS = new Set(['و', 'ف']);
const PREPOSITIONS = new Set(['ب', 'ك', 'ل']);
const IMPERFECT_PREFIXES = new Set(['ي', 'ت', 'ن', 'ا']);
const HAMZA_ALEFS = new Set(['أ', 'إ', 'آ']);

/** Letters of the word with their offsets, skipping what the display view drops (tashkeel, tatweel, zero-width marks). */
function lettersOf(word: string): { letters: string[]; offsets: number[] } {
  const letters: string[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < word.length; i++) {
    if (foldCodeUnit(word.charCodeAt(i)) === -1) continue;
    letters.push(word[i]!);
    offsets.push(i);
  }
  return { letters, offsets };
}

/** The remainder from letter `from`, in the display view's folds (alef forms, ى → ي, digits). */
function normalizedFrom(letters: readonly string[], from: number): string {
  return normalizeText(letters.slice(from).join(''));
}

/** Length of the definite article at `at` (ال, or the ل of لل after ل), or -1 when none. */
function articleLength(letters: readonly string[], at: number, afterLam: boolean, minStem = MIN_STEM_LETTERS): number {
  if (afterLam) return letters[at] === 'ل' && letters.length - at - 1 >= minStem ? 1 : -1;
  const isAl = (letters[at] === 'ا' || letters[at] === 'ٱ') && letters[at + 1] === 'ل';
  return isAl && letters.length - at - 2 >= minStem ? 2 : -1;
}

/**
 * Splits the proclitics off `word` (no spaces). «والعراق» → و(0,1) ال(1,3), stem at 3;
 * «للولايات» → ل(0,1) ل=article(1,2), stem at 2; «بغداد» stays whole unless `isKnownStem` says «غداد» is a word.
 */
export function splitProclitics(word: string, options: CliticOptions = {}): CliticSplit {
  const { letters, offsets } = lettersOf(word);
  const parts: { kind: CliticKind; at: number; length: number }[] = [];
  let at = 0;
  const remaining = (): number => letters.length - at;
  const known = (from: number): boolean => options.isKnownStem?.(normalizedFrom(letters, from)) ?? false;

  if (CONJUNCTIONS.has(letters[0] ?? '') && remaining() - 1 >= MIN_STEM_LETTERS + 1) {
    const next = letters[1]!;
    // «ووزير» (and minister): no Arabic word starts with وو; «فوائد» (benefits) shows ف+و is not safe.
    const unambiguous =
      HAMZA_ALEFS.has(next) ||
      (letters[0] === 'و' && next === 'و') ||
      articleLength(letters, 1, false, MIN_STEM_AFTER_CONJUNCTION_ARTICLE) > 0 ||
      (PREPOSITIONS.has(next) && articleLength(letters, 2, next === 'ل', MIN_STEM_AFTER_CONJUNCTION_ARTICLE) > 0);
    const future = next === 'س' && IMPERFECT_PREFIXES.has(letters[2] ?? '') && known(2);
    if (unambiguous || future || known(1)) {
      parts.push({ kind: 'conjunction', at: 0, length: 1 });
      at = 1;
    }
  }
  const first = letters[at] ?? '';
  if (PREPOSITIONS.has(first) && remaining() - 1 >= MIN_STEM_LETTERS) {
    // «بالغة» (adult, f.) is not ب + ال + غة: a clitic chain before ال needs a three-letter stem.
    const withArticle = articleLength(letters, at + 1, first === 'ل', MIN_STEM_AFTER_CONJUNCTION_ARTICLE) > 0;
    if (withArticle || known(at + 1)) {
      parts.push({ kind: 'preposition', at, length: 1 });
      at += 1;
    }
  } else if (first === 'س' && at > 0 && IMPERFECT_PREFIXES.has(letters[at + 1] ?? '') && known(at + 1)) {
    parts.push({ kind: 'future', at, length: 1 });
    at += 1;
  }
  const afterLam = parts.length > 0 && parts[parts.length - 1]!.kind === 'preposition' && letters[at - 1] === 'ل';
  const article = articleLength(letters, at, afterLam);
  if (article > 0) {
    parts.push({ kind: 'article', at, length: article });
    at += article;
  }
  if (parts.length === 0) return { clitics: [], stemStart: 0 };
  const clitics = parts.map((p) => ({
    kind: p.kind,
    start: offsets[p.at]!,
    end: offsets[p.at + p.length] ?? word.length,
  }));
  return { clitics, stemStart: offsets[at] ?? word.length };
}
