/**
 * Speaker phrases: trims a raw phrase to the speaker («الوزارة في بيان» → «الوزارة») and splits an
 * attribution chain («الوكالة نقلاً عن 3 مصادر», «وكالة رويترز عن البنتاغون») into its sources,
 * innermost (the origin) first. View offsets throughout.
 */
import { CHAIN_SPLIT, NOT_SPEAKER_START, SPEAKER_STOP_WORDS } from './lexicon.ts';

export interface Range {
  readonly start: number;
  readonly end: number;
}

/** At most this many words make a speaker: «المتحدث باسم وزارة الخارجية الأمريكية ماثيو ميلر» is 7. */
const MAX_SPEAKER_WORDS = 9;
const WORD = /[^\s،,:.؛"“”«»()]+/gu;
/** «ساخراً», «متسائلاً», «مبتسماً» (view text, tanween dropped): indefinite, ending in alef. */
const MANNER_WORD = /^(?!ال)[\u0621-\u064A]{3,}ا$/u;

/** Cuts a speaker phrase at its first stop word or punctuation; null when nothing is left. */
export function trimSpeaker(text: string, range: Range): Range | null {
  WORD.lastIndex = range.start;
  let end = range.start;
  let start = -1;
  let count = 0;
  for (let match = WORD.exec(text); match && match.index < range.end; match = WORD.exec(text)) {
    const gap = text.slice(end, match.index);
    if (start >= 0 && /[،,:.؛()]/u.test(gap)) break;
    // «قال للتحرير إن»: a first word with «لل» names the addressee, not the speaker.
    if (start < 0 && (NOT_SPEAKER_START.has(match[0]) || match[0].startsWith('لل'))) return null;
    if (SPEAKER_STOP_WORDS.has(match[0]) || count >= MAX_SPEAKER_WORDS) break;
    if (start < 0) start = match.index;
    end = Math.min(range.end, match.index + match[0].length);
    count++;
  }
  if (start < 0) return null;
  // «وقال ساخراً:»: a lone indefinite accusative is the manner of saying, not the speaker.
  return count === 1 && MANNER_WORD.test(text.slice(start, end)) ? null : { start, end };
}

/** Splits «A نقلا عن B» / «A عن B» into [B, A] (origin first); a single source gives [A]. */
export function splitChain(text: string, range: Range, separator: RegExp = CHAIN_SPLIT): Range[] {
  const phrase = text.slice(range.start, range.end);
  const split = separator.exec(phrase);
  if (!split) return [range];
  const outer = trimSpeaker(text, { start: range.start, end: range.start + split.index });
  const inner = trimSpeaker(text, { start: range.start + split.index + split[0].length, end: range.end });
  return [inner, outer].filter((part): part is Range => part !== null);
}
