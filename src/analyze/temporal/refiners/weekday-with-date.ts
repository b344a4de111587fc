/**
 * Merges a weekday or relative day with the explicit date right after it into one expression:
 * «اليوم الثلاثاء (17 كانون الأول 2024)», «يوم الأربعاء، 11 ديسمبر 2024». The explicit date gives the value.
 */
import type { TimeCandidate } from '../candidate.ts';

/** What may sit between the weekday and the date: spaces, a comma, an opening parenthesis. */
const GAP = /^[\s\u200f\u200e]{0,3}[(،,]?[\s\u200f\u200e]{0,3}$/u;
const CLOSING = /^[\s\u200f\u200e]{0,2}\)/u;
const MERGEABLE_RULES: ReadonlySet<string> = new Set(['temporal/weekday', 'temporal/relative-day']);

/** `found` must be sorted by start and free of overlaps. */
export function mergeWeekdayWithDate(found: readonly TimeCandidate[], source: string): TimeCandidate[] {
  const merged: TimeCandidate[] = [];
  for (let i = 0; i < found.length; i++) {
    const current = found[i]!;
    const next = found[i + 1];
    const isDated = next !== undefined && next.spec.kind === 'absolute' && next.spec.day !== null;
    if (!isDated || !MERGEABLE_RULES.has(current.rule) || !GAP.test(source.slice(current.end, next.start))) {
      merged.push(current);
      continue;
    }
    const opensParen = source.slice(current.end, next.start).includes('(');
    const closing = opensParen ? CLOSING.exec(source.slice(next.end, next.end + 3)) : null;
    if (opensParen && !closing) {
      merged.push(current);
      continue;
    }
    const end = next.end + (closing ? closing[0].length : 0);
    merged.push({ start: current.start, end, rule: 'temporal/weekday-date', spec: next.spec });
    i++;
  }
  return merged;
}
