/**
 * Regex fragments shared by the temporal recognizers, built once from the month/weekday lexicons
 * (text/lexicons/months.ts) so no month name is spelled twice. All match the normalised view.
 */
import { GREGORIAN_MONTHS, ORDINAL_DAYS, WEEKDAYS, namesLongestFirst } from '../../text/lexicons/months.ts';
import type { Direction } from './resolve.ts';

const alternation = (names: readonly string[]): string => names.map((n) => n.replace(/ /gu, '\\s{1,3}')).join('|');

export const MONTH_NAME = `(?:${alternation(namesLongestFirst(GREGORIAN_MONTHS))})`;
/** Not a word character: the Unicode-aware boundary of text/char-classes.ts, inlined for brevity. */
export const END = '(?![\\p{L}\\p{M}\\p{N}])';
export const START = '(?<![\\p{L}\\p{M}\\p{N}])';
/** «أكتوبر/تشرين الأول», «تشرين الأول (أكتوبر)»: a month glossed by its twin in the other naming system. */
export const MONTH_PAIR = `(?<month>${MONTH_NAME})${END}(?<pair>\\s{0,3}[/\\-–]\\s{0,3}${MONTH_NAME}${END}|\\s{0,3}\\(\\s{0,3}${MONTH_NAME}\\s{0,3}\\))?`;
export const ORDINAL_DAY = `(?:${alternation(namesLongestFirst(ORDINAL_DAYS))})`;
export const WEEKDAY = `(?:${alternation(namesLongestFirst(WEEKDAYS))})`;

/** «الماضي» (past), «المقبل» (next), «الحالي» (current), with feminine forms for «السنة». */
export const DIRECTION_WORDS: ReadonlyMap<string, Direction | 'current'> = new Map([
  ['الماضي', 'past'], ['الماضية', 'past'], ['المنصرم', 'past'], ['المنصرمة', 'past'], ['الفائت', 'past'], ['الفائتة', 'past'],
  ['المقبل', 'future'], ['المقبلة', 'future'], ['القادم', 'future'], ['القادمة', 'future'],
  ['الحالي', 'current'], ['الحالية', 'current'], ['الجاري', 'current'], ['الجارية', 'current'],
]);
export const DIRECTION = `(?:${[...DIRECTION_WORDS.keys()].sort((a, b) => b.length - a.length).join('|')})`;

/** Normalised key of a matched lexicon name: whitespace collapsed. */
export function lexiconKey(matched: string): string {
  return matched.replace(/\s+/gu, ' ');
}

/** Month number of a matched (normalised) month name. */
export function monthOf(matched: string): number | null {
  return GREGORIAN_MONTHS.get(lexiconKey(matched)) ?? null;
}

/** Direction of a matched direction word; 'current' and absent map to 'nearest'. */
export function directionOf(word: string | undefined): Direction {
  const direction = word === undefined ? undefined : DIRECTION_WORDS.get(word);
  return direction === 'past' || direction === 'future' ? direction : 'nearest';
}
