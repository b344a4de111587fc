/**
 * Attaches the relation word right before a date to its span: «منذ منتصف أكتوبر», «قبل السابع من أكتوبر»,
 * «منذ 17 أكتوبر الماضي». «منذ» (since) also points a yearless date into the past.
 */
import type { TimeCandidate } from '../candidate.ts';

const CUE_BEFORE = /(?<![\p{L}\p{M}\p{N}])(?<cue>[وف]?(?:منذ|قبل|بعد|حتى|حتي|الى|إلى))\s{1,3}$/u;
/** Longest cue plus clitic and spaces: «ومنذ   ». */
const CUE_WINDOW = 10;
const CUE_RULES: ReadonlySet<string> = new Set([
  'temporal/day-month',
  'temporal/month',
  'temporal/weekday',
  'temporal/weekday-date',
  'temporal/absolute',
]);

export function attachRelationCue(found: readonly TimeCandidate[], source: string): TimeCandidate[] {
  return found.map((candidate) => {
    if (!CUE_RULES.has(candidate.rule)) return candidate;
    const before = source.slice(Math.max(0, candidate.start - CUE_WINDOW), candidate.start);
    const cue = CUE_BEFORE.exec(before);
    if (!cue) return candidate;
    const word = cue.groups!.cue!;
    const bare = word.replace(/^[وف](?=منذ|قبل|بعد|حتى|حتي)/u, '');
    const start = candidate.start - before.length + cue.index + (word.length - bare.length);
    const spec =
      bare === 'منذ' && candidate.spec.kind === 'month-day' && candidate.spec.direction === 'nearest'
        ? { ...candidate.spec, direction: 'past' as const }
        : candidate.spec;
    return { ...candidate, start, spec };
  });
}
