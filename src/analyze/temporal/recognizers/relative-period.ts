/**
 * Months and years relative to the publication date: «الشهر الماضي» (month − 1), «العام المقبل» (year + 1),
 * «السنة الحالية», «هذا العام» (the anchor's own year), with clitics («للعام الماضي», «بالشهر الجاري»).
 */
import type { Recognizer } from '../../recognizer.ts';
import { candidateFromMatch, type TimeCandidate } from '../candidate.ts';
import { DIRECTION, DIRECTION_WORDS } from '../patterns.ts';
import { WORD_END } from '../../../text/char-classes.ts';

const UNITS: ReadonlyMap<string, 'month' | 'year'> = new Map([
  ['شهر', 'month'],
  ['عام', 'year'],
  ['سنة', 'year'],
]);
const OFFSETS: ReadonlyMap<string, number> = new Map([
  ['past', -1],
  ['future', 1],
  ['current', 0],
]);

export const relativePeriod: Recognizer<TimeCandidate> = {
  rule: 'temporal/relative-period',
  pattern: new RegExp(
    `(?:(?<clitic>[وف]?(?:بال|لل|كال|ال))(?<unit>شهر|عام|سنة)\\s{1,3}(?<direction>${DIRECTION})` +
      `|(?<thisClitic>[وف]?(?:ب|ل|في\\s{1,3})?)(?:هذا|هذه)\\s{1,3}(?:ال)(?<thisUnit>شهر|عام|سنة))${WORD_END}`,
    'uy',
  ),
  extract(match, view) {
    const groups = match.groups!;
    const unit = UNITS.get(groups.unit ?? groups.thisUnit!);
    if (!unit) return null;
    const direction = groups.direction === undefined ? 'current' : DIRECTION_WORDS.get(groups.direction);
    const offset = direction === undefined ? undefined : OFFSETS.get(direction);
    if (offset === undefined) return null;
    // Keep «ال» of «العام» in the span but drop a leading conjunction/preposition clitic.
    const clitic = groups.clitic ?? '';
    const skip = groups.unit !== undefined ? clitic.length - 2 : (groups.thisClitic?.length ?? 0);
    return candidateFromMatch(view, match, Math.max(0, skip), this.rule, { kind: 'period-offset', unit, offset });
  },
};
