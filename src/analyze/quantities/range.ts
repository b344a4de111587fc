/**
 * Merges two amounts into a range: «بين 10 و20 قتيلاً», «من 300 إلى 500 مقاتل», «20-30٪».
 * A bare «و» joins a range only after «بين», so «5 و6 جنود» lists stay apart.
 */
import type { TextView } from '../../text/normalize.ts';
import type { AmountCandidate } from './candidate.ts';

export interface RangedCandidate extends AmountCandidate {
  readonly valueMax: number | null;
}

const DASH_GAP = /^\s{0,2}[-–]\s{0,2}$/u;
const TO_GAP = /^\s{1,3}(?:الي|حتي)\s{1,3}$/u;
const AND_GAP = /^\s{1,3}و\s{0,2}$/u;
const BETWEEN_BEFORE = /(?:^|[^\p{L}])(?<word>[وف]?(?:بين|ما\s{1,3}بين|من))\s{1,3}$/u;
const LOOKBACK_CHARS = 12;

/** `found` sorted by start without overlaps; returns new candidates. */
export function mergeRanges(found: readonly AmountCandidate[], view: TextView): RangedCandidate[] {
  const out: RangedCandidate[] = [];
  for (let i = 0; i < found.length; i++) {
    const low = found[i]!;
    const high = found[i + 1];
    const merged = high ? tryMerge(low, high, view) : null;
    if (merged) {
      out.push(merged);
      i++;
    } else {
      out.push({ ...low, valueMax: null });
    }
  }
  return out;
}

function tryMerge(low: AmountCandidate, high: AmountCandidate, view: TextView): RangedCandidate | null {
  if (low.value === null || high.value === null || high.value <= low.value) return null;
  const gap = view.text.slice(low.end, high.start);
  const before = BETWEEN_BEFORE.exec(view.text.slice(Math.max(0, low.start - LOOKBACK_CHARS), low.start));
  const word = before?.groups?.word?.replace(/^[وف]/u, '');
  const isRange =
    DASH_GAP.test(gap) ||
    (TO_GAP.test(gap) && word === 'من') ||
    (AND_GAP.test(gap) && word !== undefined && word !== 'من');
  if (!isRange) return null;
  const start = before ? low.start - before[0].length + before[0].indexOf(before.groups!.word!) : low.start;
  const unit = low.unit ?? high.unit;
  return { ...low, start, end: high.end, value: low.value, valueMax: high.value, unit, qualifier: low.qualifier };
}
