/**
 * A day and month without a year: «17 أكتوبر الماضي», «السابع من أكتوبر/تشرين الأول», «الـ5 من شهر آذار المقبل».
 * The year comes from the anchor: «الماضي» → latest before it, «المقبل» → first after, otherwise the nearest.
 */
import type { Recognizer } from '../../recognizer.ts';
import { candidateFromMatch, type TimeCandidate } from '../candidate.ts';
import { DIRECTION, directionOf, monthOf } from '../patterns.ts';
import { MONTH_PAIR, ORDINAL_DAY, ordinalDayOf } from '../../../text/date-fragments.ts';
import { WORD_END } from '../../../text/char-classes.ts';

const MAX_DAY = 31;

export const dayMonth: Recognizer<TimeCandidate> = {
  rule: 'temporal/day-month',
  pattern: new RegExp(
    `(?<clitic>[وف](?=ال))?(?:(?:ال\\s?)?(?<day>\\d{1,2})(?!\\d)|(?<ordinal>${ORDINAL_DAY})${WORD_END})` +
      `\\s{0,3}(?:من\\s{1,3})?(?:شهر\\s{1,3})?${MONTH_PAIR}(?:\\s{1,3}(?<direction>${DIRECTION})${WORD_END})?(?![\\s,،]{0,3}\\d)`,
    'uy',
  ),
  extract(match, view) {
    const groups = match.groups!;
    const month = monthOf(groups.month!);
    const day = groups.day !== undefined ? Number(groups.day) : ordinalDayOf(groups.ordinal!);
    if (month === null || day === null || day < 1 || day > MAX_DAY) return null;
    const spec = { kind: 'month-day', month, day, direction: directionOf(groups.direction) } as const;
    return candidateFromMatch(view, match, groups.clitic?.length ?? 0, this.rule, spec);
  },
};
