/**
 * Day words relative to the publication date: «أمس» (−1), «أول أمس» (−2), «اليوم» (0), «غداً» (+1),
 * «بعد غد» (+2), optionally with «يوم» and a part of day («مساء أمس»). Also the offsets used by weekday.ts.
 */
import type { Recognizer } from '../../recognizer.ts';
import { candidateFromMatch, type TimeCandidate } from '../candidate.ts';
import { WORD_END } from '../../../text/char-classes.ts';

/** Normalised relative-day word → offset in days from the anchor. */
export const RELATIVE_DAYS: ReadonlyMap<string, number> = new Map([
  ['امس', -1],
  ['الامس', -1],
  ['البارحة', -1],
  ['الغد', 1],
  ['اول امس', -2],
  ['امس الاول', -2],
  ['اليوم', 0],
  ['غدا', 1],
  ['بعد غد', 2],
]);
export const RELATIVE_DAY = '(?:اول\\s{1,3}امس|امس\\s{1,3}الاول|امس|البارحة|اليوم|غدا|بعد\\s{1,3}غد)';
/** «الأمس»; «الغد» only after a time cue («صباح الغد», «حتى الغد»): «صحيفة الغد», «عدن الغد» are names. */
const DEFINITE_DAY = '(?:الامس|(?<=(?:في|حتي|حتى|الي|من|منذ|صباح|مساء|ظهر|يوم|ليلة)\\s{1,3})الغد)';
const PART_OF_DAY = '(?:صباح|مساء|ظهر|فجر|ليلة|ليل|عصر|ظهيرة)';
/** «اليوم الأول» (the first day), «اليوم الوطني» (national day): «اليوم» as a noun, not "today". */
const NOT_TODAY =
  '(?!\\s{1,3}(?:الاول|الثاني|الثالث|الرابع|الخامس|الاخير|التالي|السابق|نفسه|ذاته|الوطني|العالمي|الدولي|المفتوح|الدراسي|الواحد)' +
  WORD_END +
  ')';

export const relativeDay: Recognizer<TimeCandidate> = {
  rule: 'temporal/relative-day',
  pattern: new RegExp(
    `(?<clitic>[وف])?(?:${PART_OF_DAY}\\s{1,3})?(?:يوم\\s{1,3})?(?<word>${RELATIVE_DAY}|${DEFINITE_DAY})${WORD_END}${NOT_TODAY}`,
    'uy',
  ),
  extract(match, view) {
    const groups = match.groups!;
    const days = RELATIVE_DAYS.get(groups.word!.replace(/\s+/gu, ' '));
    if (days === undefined) return null;
    return candidateFromMatch(view, match, groups.clitic?.length ?? 0, this.rule, { kind: 'day-offset', days });
  },
};
