/**
 * The phrase an amount is about. «القوات الفرنسية التي يقدر عددها بنحو 1800 جندي»: a count cue («عددها»)
 * points back to the nearest preceding definite noun phrase; «بنسبة 64٪» likewise; otherwise the counted
 * noun plus its adjectives («2500 جندي أمريكي»).
 */
import type { TextView } from '../../text/normalize.ts';

/** Words between a noun phrase and its amount that say "its number is": «عددها», «قوامها», «بنسبة». */
const COUNT_CUE = /(?:^|[^\p{L}])(?:[وب]?عدد(?:ها|هم|ه)?|قوام(?:ها|ه)|بنسبة|نسبة|بمعدل)(?:[^\p{L}]|$)/u;
/** Function words skipped when walking back to a noun phrase. */
const SKIP = new Set(['التي', 'الذي', 'الذين', 'اللذين', 'اللتين', 'اللاتي', 'اللواتي', 'الان', 'الي', 'الا']);
const NISBA = /^(?:ال)?[\u0621-\u064A]{3,}(?:ي|ية|يين|يون|يه)$/u;
const SENTENCE_BREAK = /[.!؟?\n:؛،,]/u;
/** How far back the subject may be (view characters). */
const LOOKBACK_CHARS = 80;
const MAX_ADJECTIVES = 2;
/** A count cue must sit among the last few words before the amount: «التي يقدر عددها بنحو». */
const CUE_WORDS = 4;

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Subject phrase in view offsets, or null. */
export function findSubject(
  view: TextView,
  amountStart: number,
  unit: { start: number; end: number } | null,
  measured: boolean,
): { start: number; end: number } | null {
  const before = wordsBefore(view, amountStart);
  const hasCue = before.some((word, index) => index >= before.length - CUE_WORDS && COUNT_CUE.test(` ${word.text} `));
  if (unit && !hasCue && !measured) return withAdjectives(view, unit);
  // Without a counted noun or a cue, a vague «عشرات الآلاف» is not about the preceding phrase;
  // percentages and measures («1200 طن», «5 ملايين دولار») are about what precedes them.
  return hasCue || measured ? definiteBefore(before) : null;
}

function wordsBefore(view: TextView, end: number): Word[] {
  let from = Math.max(0, end - LOOKBACK_CHARS);
  for (let i = end - 1; i >= from; i--) {
    if (SENTENCE_BREAK.test(view.text[i]!)) {
      from = i + 1;
      break;
    }
  }
  const words: Word[] = [];
  const pattern = /[\p{L}\p{M}]+/gu;
  const slice = view.text.slice(from, end);
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice)) {
    words.push({ text: match[0], start: from + match.index, end: from + match.index + match[0].length });
  }
  return words;
}

/** Nearest preceding run of definite words («القوات الأمريكية»), clitics allowed on the first. */
function definiteBefore(words: readonly Word[]): { start: number; end: number } | null {
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    if (SKIP.has(word.text) || !/^(?:[وفبلك]?ال|لل)/u.test(word.text) || word.text.length < 4) continue;
    let first = i;
    while (first > 0 && isDefinite(words[first - 1]!.text) && i - first < MAX_ADJECTIVES) first--;
    let last = i;
    while (last + 1 < words.length && isDefinite(words[last + 1]!.text) && NISBA.test(words[last + 1]!.text)) last++;
    const start = words[first]!.start + cliticLength(words[first]!.text);
    return { start, end: words[last]!.end };
  }
  return null;
}

function isDefinite(text: string): boolean {
  return !SKIP.has(text) && /^(?:[وفبلك]?ال|لل)/u.test(text) && text.length >= 4;
}

/** «والقوات» → skip «و»; «للقوات» → keep as written (the article is fused). */
function cliticLength(text: string): number {
  const match = /^(?<clitic>[وفبك]|[وف][بك])ال/u.exec(text);
  return match?.groups?.clitic?.length ?? 0;
}

function withAdjectives(view: TextView, unit: { start: number; end: number }): { start: number; end: number } {
  let end = unit.end;
  for (let count = 0; count < MAX_ADJECTIVES; count++) {
    const next = /^\s{1,2}(?<word>[\u0621-\u064A]{3,})/u.exec(view.text.slice(end, end + 25));
    if (!next || !NISBA.test(next.groups!.word!) || SKIP.has(next.groups!.word!)) break;
    end += next[0].length;
  }
  return { start: unit.start, end };
}
