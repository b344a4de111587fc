/**
 * Finds cue phrases (extract/lexicons/cues.ts) at the start of a line key, indexed by first word so a
 * line is checked against a handful of phrases, not the whole lexicon.
 */
import type { SpanReason } from '../core/article.ts';
import { normalizeText } from '../text/normalize.ts';
import type { LineKey } from './line-key.ts';

export interface CueHit {
  readonly cue: string;
  readonly reason: SpanReason;
  /** End of the cue in the key. */
  readonly keyEnd: number;
  /** Source offset (relative to the line) where the text after the cue starts. */
  readonly restStart: number;
  /** The cue runs straight into a letter with no space («صلةوقال»): glued link text. */
  readonly isGlued: boolean;
}

/** A compiled cue table: first word → phrases, longest first. */
export interface CueTable {
  readonly byFirstWord: ReadonlyMap<string, readonly { readonly phrase: string; readonly reason: SpanReason }[]>;
}

/** Compiles phrase groups once at module load; phrases are normalised the same way as line keys. */
export function compileCues(
  groups: readonly { readonly reason: SpanReason; readonly cues: readonly string[] }[],
): CueTable {
  const byFirstWord = new Map<string, { phrase: string; reason: SpanReason }[]>();
  for (const group of groups) {
    for (const cue of group.cues) {
      const phrase = normalizeText(cue)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim();
      const first = phrase.split(' ')[0]!;
      const list = byFirstWord.get(first) ?? [];
      if (!list.some((e) => e.phrase === phrase)) list.push({ phrase, reason: group.reason });
      byFirstWord.set(first, list);
    }
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.phrase.length - a.phrase.length);
  return { byFirstWord };
}

const WORD_CHAR_RE = /[\p{L}\p{N}]/u;

/** The longest cue the key starts with, whole-word or glued to the next word; null when none. */
export function matchCue(table: CueTable, key: LineKey): CueHit | null {
  const text = key.key;
  const spaceAt = text.indexOf(' ');
  const firstWord = spaceAt < 0 ? text : text.slice(0, spaceAt);
  const candidates = table.byFirstWord.get(firstWord) ?? gluedCandidates(table, firstWord);
  for (const { phrase, reason } of candidates) {
    if (!text.startsWith(phrase)) continue;
    const next = text[phrase.length];
    const isGlued = next !== undefined && WORD_CHAR_RE.test(next);
    if (isGlued && phrase.length < MIN_GLUED_CUE_CHARS) continue;
    const restKey = next === ' ' ? phrase.length + 1 : phrase.length;
    return { cue: phrase, reason, keyEnd: phrase.length, restStart: key.toSource[restKey]! - key.base, isGlued };
  }
  return null;
}

/**
 * A single-word cue glued to the next word («شاركهذا») only counts when the cue is long enough not to
 * be the start of an ordinary word: «تابع» must not match «تابعت» (she followed). Chosen on the fixtures.
 */
const MIN_GLUED_CUE_CHARS = 7;

/** Cues whose first word is a prefix of the key's first word (the cue glued to the next word). */
function gluedCandidates(table: CueTable, firstWord: string): readonly { phrase: string; reason: SpanReason }[] {
  for (let cut = firstWord.length - 1; cut >= 3; cut--) {
    const list = table.byFirstWord.get(firstWord.slice(0, cut));
    if (list) return list.filter((e) => !e.phrase.includes(' '));
  }
  return [];
}
