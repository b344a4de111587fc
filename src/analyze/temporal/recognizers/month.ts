/**
 * A month without a year: «أكتوبر الماضي», «منتصف أكتوبر/تشرين الأول», «في شهر رمضان» is not one (Hijri months
 * need a year). Ambiguous names («مارس» also means "practised", «آب» "father") need «شهر», a direction or a gloss.
 */
import type { Recognizer } from '../../recognizer.ts';
import { candidateFromMatch, type TimeCandidate } from '../candidate.ts';
import { DIRECTION, directionOf, monthOf } from '../patterns.ts';
import { MONTH_PAIR } from '../../../text/date-fragments.ts';
import { WORD_END } from '../../../text/char-classes.ts';

/** Month names that are also common words or brands in news text. */
const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['اب', 'مارس', 'ماي', 'نيسان']);

/** «منتصف», «أواخر», «مطلع»...: part-of-month words that keep month precision. */
const PART = '(?:منتصف|اواسط|اواخر|اوائل|مطلع|بداية|بدايات|نهاية|اخر|اول)';
/** Prepositions that make a bare month name a date: «في أكتوبر», «منذ أكتوبر», «حتى مايو». */
const CUE = '(?:في|منذ|خلال|حتى|قبل|بعد|مع|من)';

export const month: Recognizer<TimeCandidate> = {
  rule: 'temporal/month',
  pattern: new RegExp(
    `(?<cue>[وف]?${CUE}\\s{1,3})?(?<part>[وف]?${PART}\\s{1,3})?(?<shahr>(?:[وفبل]|لل)?(?:شهر|اشهر|شهور)\\s{1,3})?${MONTH_PAIR}` +
      `(?:\\s{1,3}(?<direction>${DIRECTION})${WORD_END})?(?![\\s,،]{0,3}(?:من\\s{1,3})?(?:ال|ل|لل)?(?:عام|سنة)?\\s{0,3}\\d)`,
    'uy',
  ),
  extract(match, view) {
    const groups = match.groups!;
    const monthNumber = monthOf(groups.month!);
    if (monthNumber === null) return null;
    const isMarked = groups.shahr !== undefined || groups.direction !== undefined || groups.pair !== undefined;
    if (!isMarked && groups.cue === undefined && groups.part === undefined) return null;
    if (!isMarked && AMBIGUOUS_MONTHS.has(groups.month!)) return null;
    const spec = {
      kind: 'month-day',
      month: monthNumber,
      day: null,
      direction: directionOf(groups.direction),
    } as const;
    // The preposition is a cue, not part of the expression; «منذ»/«قبل» are re-attached by the relation refiner.
    const skip = groups.cue?.length ?? 0;
    return candidateFromMatch(view, match, skip, this.rule, spec);
  },
};
