/**
 * Direction words of the temporal recognizers and the month lookup. Month, weekday and ordinal fragments are in
 * text/date-fragments.ts (shared with absolute dates). All match the display view.
 */
import { GREGORIAN_MONTHS } from '../../text/lexicons/months.ts';
import { lexiconKey } from '../../text/date-fragments.ts';
import type { Direction } from './resolve.ts';

/** «الماضي» (past), «المقبل» (next), «الحالي» (current), with feminine forms for «السنة». */
export const DIRECTION_WORDS: ReadonlyMap<string, Direction | 'current'> = new Map([
  ['الماضي', 'past'],
  ['الماضية', 'past'],
  ['المنصرم', 'past'],
  ['المنصرمة', 'past'],
  ['الفائت', 'past'],
  ['الفائتة', 'past'],
  ['المقبل', 'future'],
  ['المقبلة', 'future'],
  ['القادم', 'future'],
  ['القادمة', 'future'],
  ['الحالي', 'current'],
  ['الحالية', 'current'],
  ['الجاري', 'current'],
  ['الجارية', 'current'],
]);
export const DIRECTION = `(?:${[...DIRECTION_WORDS.keys()].sort((a, b) => b.length - a.length).join('|')})`;

/** Month number of a matched (normalised) month name. */
export function monthOf(matched: string): number | null {
  return GREGORIAN_MONTHS.get(lexiconKey(matched)) ?? null;
}

/** Direction of a matched direction word; 'current' and absent map to 'nearest'. */
export function directionOf(word: string | undefined): Direction {
  const direction = word === undefined ? undefined : DIRECTION_WORDS.get(word);
  return direction === 'past' || direction === 'future' ? direction : 'nearest';
}
