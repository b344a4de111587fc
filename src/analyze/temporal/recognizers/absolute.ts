/**
 * Absolute dates («17 كانون الأول 2024», «آب/أغسطس 2023», «عام 2011») come from text/absolute-date.ts,
 * shared with extraction; this adapter turns them into temporal candidates.
 */
import { findAbsoluteDates } from '../../../text/absolute-date.ts';
import type { TimeCandidate } from '../candidate.ts';

export function absoluteDates(body: string): TimeCandidate[] {
  return findAbsoluteDates(body).map((date) => ({
    start: date.start,
    end: date.end,
    rule: 'temporal/absolute',
    spec: { kind: 'absolute', year: date.year, month: date.month, day: date.day },
  }));
}
