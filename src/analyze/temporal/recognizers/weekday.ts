/**
 * Weekdays: «يوم الأربعاء» is the most recent Wednesday on or before the publication date, unless the
 * tense says otherwise («الأربعاء المقبل», «من المقرر ... الأربعاء»). «اليوم الثلاثاء», «يوم أمس الاثنين»
 * take the relative day. «الاثنين» (also "the two") and «الأحد» need «يوم», a direction or a following date.
 */
import type { Recognizer } from '../../recognizer.ts';
import type { TextView } from '../../../text/normalize.ts';
import { WEEKDAYS } from '../../../text/lexicons/months.ts';
import { candidateFromMatch, type TimeCandidate } from '../candidate.ts';
import { DIRECTION, directionOf } from '../patterns.ts';
import { WEEKDAY, lexiconKey } from '../../../text/date-fragments.ts';
import { WORD_END } from '../../../text/char-classes.ts';
import { RELATIVE_DAY, RELATIVE_DAYS } from './relative-day.ts';

const AMBIGUOUS_WEEKDAYS: ReadonlySet<string> = new Set(['الاثنين', 'الاحد']);
/** Future cues before a weekday in the same sentence: «سوف», «من المقرر», «من المنتظر», «يعتزم». */
const FUTURE_CUE =
  /(?:^|[^\p{L}])(?:سوف|المقرر|المنتظر|المرتقب|المزمع|يعتزم|تعتزم|ستعقد|سيعقد|سيزور|ستزور|سيلتقي|ستبدا|سيبدا)(?:[^\p{L}]|$)/u;
/** How far back (view characters, within the sentence) a future cue may sit. */
const FUTURE_CUE_WINDOW = 60;
const SENTENCE_END = /[.!؟?\n]/u;

export const weekday: Recognizer<TimeCandidate> = {
  rule: 'temporal/weekday',
  pattern: new RegExp(
    `(?<clitic>[وف](?=ال|يوم))?(?<yawm>يوم\\s{1,3})?(?:(?<relative>${RELATIVE_DAY})\\s{1,3})?(?<day>${WEEKDAY})${WORD_END}` +
      `(?:\\s{1,3}(?<direction>${DIRECTION})${WORD_END})?(?=(?<dated>\\s{0,3}[(،,]?\\s{0,3}\\d)|)`,
    'uy',
  ),
  extract(match, view) {
    const groups = match.groups!;
    const name = lexiconKey(groups.day!);
    const weekdayNumber = WEEKDAYS.get(name);
    if (weekdayNumber === undefined) return null;
    const isMarked = groups.yawm !== undefined || groups.relative !== undefined || groups.direction !== undefined;
    if (!name.startsWith('ال') && !isMarked) return null;
    if (AMBIGUOUS_WEEKDAYS.has(name) && !isMarked && groups.dated === undefined) return null;
    const relativeDays =
      groups.relative === undefined ? undefined : RELATIVE_DAYS.get(groups.relative.replace(/\s+/gu, ' '));
    if (relativeDays !== undefined) {
      return candidateFromMatch(view, match, groups.clitic?.length ?? 0, this.rule, {
        kind: 'day-offset',
        days: relativeDays,
      });
    }
    const direction =
      groups.direction !== undefined
        ? directionOf(groups.direction)
        : hasFutureCue(view, match.index)
          ? 'future'
          : 'past';
    const spec = { kind: 'weekday', weekday: weekdayNumber, direction } as const;
    return candidateFromMatch(view, match, groups.clitic?.length ?? 0, this.rule, spec);
  },
};

function hasFutureCue(view: TextView, start: number): boolean {
  let from = start;
  const limit = Math.max(0, start - FUTURE_CUE_WINDOW);
  while (from > limit && !SENTENCE_END.test(view.text[from - 1]!)) from--;
  return FUTURE_CUE.test(view.text.slice(from, start));
}
