/**
 * Which member of a near-duplicate group is the original. An agency's own page is the original of its re-runs:
 * a member whose outlet is a wire agency («واس» for spa.gov.sa, «وكالة أنباء الشرق الأوسط») wins, the earliest of
 * them first. Otherwise the earliest full text: the earliest day, then the longest body that day (a re-post adds
 * a tail but rarely the agency's whole text), then the smallest id. Pure.
 */
import { agencyOf } from './agencies.ts';

export interface OriginalCandidate {
  readonly id: string;
  readonly outlet: string | null;
  readonly day: number | null;
  readonly bodyLength: number;
}

/** The wire agency an outlet is («واس», «وكالة أنباء الشرق الأوسط» → «أ ش أ»), or null for any other outlet. */
export function outletAgency(outlet: string | null): string | null {
  return outlet === null ? null : agencyOf(outlet);
}

/** The original of a group (≥ 1 member). */
export function pickOriginal<T extends OriginalCandidate>(members: readonly T[]): T {
  const agencyPages = members.filter((m) => outletAgency(m.outlet) !== null);
  return earliestFullText(agencyPages.length > 0 ? agencyPages : members);
}

function earliestFullText<T extends OriginalCandidate>(members: readonly T[]): T {
  const day = (m: T): number => m.day ?? Number.MAX_SAFE_INTEGER;
  return [...members].sort(
    (a, b) => day(a) - day(b) || b.bodyLength - a.bodyLength || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0]!;
}
