/**
 * Regex fragments for dates, generated from the month, weekday and ordinal lexicons (text/lexicons/months.ts) so no
 * name is spelled twice: absolute dates (text/absolute-date.ts) and the temporal recognizers (analyze/temporal/)
 * build their patterns from these. All match the display view (text/normalize.ts) and need the `u` flag.
 */
import { WORD_END } from './char-classes.ts';
import {
  ENGLISH_MONTHS,
  GREGORIAN_MONTHS,
  HIJRI_MONTHS,
  ORDINAL_DAYS,
  WEEKDAYS,
  namesLongestFirst,
} from './lexicons/months.ts';

/** Alternation of a lexicon's names, longest first; a space inside a name matches one to three white-space characters. */
function alternation(map: ReadonlyMap<string, number>): string {
  return `(?:${namesLongestFirst(map)
    .map((n) => n.replace(/ /gu, '\\s{1,3}'))
    .join('|')})`;
}

/** Gregorian month names in every naming system («يناير», «كانون الثاني», «جانفي»). */
export const GREGORIAN_MONTH = alternation(GREGORIAN_MONTHS);
/** Hijri month names («رمضان», «ذو الحجة»). */
export const HIJRI_MONTH = alternation(HIJRI_MONTHS);
/** English month names and abbreviations, with an optional abbreviation period. */
export const ENGLISH_MONTH = `${alternation(ENGLISH_MONTHS)}\\.?`;
/** Ordinal day words «الأول» … «الحادي والثلاثين». */
export const ORDINAL_DAY = alternation(ORDINAL_DAYS);
/** Weekday names, with and without the article. */
export const WEEKDAY = alternation(WEEKDAYS);

/**
 * A Gregorian month (group `month`) glossed by its twin in the other naming system (group `pair`):
 * «يناير/كانون الثاني», «تشرين الأول (أكتوبر)», «كانون الأول - ديسمبر».
 */
export const MONTH_PAIR = `(?<month>${GREGORIAN_MONTH})${WORD_END}(?<pair>\\s{0,3}[/\\-–]\\s{0,3}${GREGORIAN_MONTH}${WORD_END}|\\s{0,3}\\(\\s{0,3}${GREGORIAN_MONTH}\\s{0,3}\\))?`;

/** Lexicon key of a matched name: white space collapsed to one space. */
export function lexiconKey(matched: string): string {
  return matched.replace(/\s+/gu, ' ');
}

/** Day number of a matched ordinal day word («السابع» → 7, «الخامس والعشرين» → 25). */
export function ordinalDayOf(matched: string): number | null {
  return ORDINAL_DAYS.get(lexiconKey(matched)) ?? null;
}
