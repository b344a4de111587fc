/** Calendar helpers for clustering: ISO dates ↔ day numbers (days since 1970-01-01, UTC). */

const ISO_DAY_RE = /^(\d{4})-(\d{2})-(\d{2})/u;

/** Day number of a YYYY-MM-DD date (time part ignored); null for coarser or invalid dates. */
export function dayNumber(date: string | null | undefined): number | null {
  if (!date) return null;
  const match = ISO_DAY_RE.exec(date);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : null;
}

/** YYYY-MM-DD of a day number. */
export function dayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
