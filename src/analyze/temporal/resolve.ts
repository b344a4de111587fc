/**
 * Resolves what a temporal expression says (a `TimeSpec`) against the article's publication date.
 * Pure calendar arithmetic in UTC; relative specs resolve to null when there is no anchor.
 */
import type { TimePrecision } from '../../core/annotation.ts';
import { formatDateValue } from '../../text/absolute-date.ts';

/** The publication date the article gives; month/day null when the page gives only a coarser date. */
export interface Anchor {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

/** Which way an expression without a year points: «الماضي» past, «المقبل» future, otherwise nearest. */
export type Direction = 'past' | 'future' | 'nearest';

/** What an expression says, before the anchor is applied. */
export type TimeSpec =
  | { readonly kind: 'absolute'; readonly year: number; readonly month: number | null; readonly day: number | null }
  | { readonly kind: 'month-day'; readonly month: number; readonly day: number | null; readonly direction: Direction }
  | { readonly kind: 'day-offset'; readonly days: number }
  | { readonly kind: 'weekday'; readonly weekday: number; readonly direction: Direction }
  | { readonly kind: 'period-offset'; readonly unit: 'month' | 'year'; readonly offset: number }
  | { readonly kind: 'duration'; readonly iso: string };

export interface Resolved {
  readonly value: string | null;
  readonly precision: TimePrecision;
  readonly anchor: 'none' | 'published-at';
}

const DAY_MS = 86_400_000;

/** Parses 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' (anything else: null). */
export function parseAnchor(date: string | null | undefined): Anchor | null {
  const match = /^(?<year>\d{4})(?:-(?<month>\d{2})(?:-(?<day>\d{2}))?)?/u.exec(date ?? '');
  if (!match?.groups) return null;
  const { year, month, day } = match.groups;
  return { year: Number(year), month: month ? Number(month) : null, day: day ? Number(day) : null };
}

/** Applies the anchor to a spec. */
export function resolveSpec(spec: TimeSpec, anchor: Anchor | null): Resolved {
  switch (spec.kind) {
    case 'absolute': {
      const precision = spec.day !== null ? 'day' : spec.month !== null ? 'month' : 'year';
      return { value: formatDateValue(spec.year, spec.month, spec.day), precision, anchor: 'none' };
    }
    case 'duration':
      return { value: spec.iso, precision: 'duration', anchor: 'none' };
    case 'month-day':
      return resolveMonthDay(spec.month, spec.day, spec.direction, anchor);
    case 'day-offset':
      return relative('day', anchor && dayOf(anchor) !== null ? formatDay(dayOf(anchor)! + spec.days * DAY_MS) : null);
    case 'weekday':
      return relative(
        'day',
        anchor && dayOf(anchor) !== null ? formatDay(weekdayFrom(dayOf(anchor)!, spec.weekday, spec.direction)) : null,
      );
    case 'period-offset':
      return resolvePeriod(spec.unit, spec.offset, anchor);
  }
}

function relative(precision: TimePrecision, value: string | null): Resolved {
  return { value, precision, anchor: 'published-at' };
}

function dayOf(anchor: Anchor): number | null {
  return anchor.month === null || anchor.day === null ? null : Date.UTC(anchor.year, anchor.month - 1, anchor.day);
}

function formatDay(ms: number): string {
  const date = new Date(ms);
  return formatDateValue(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** «يوم الأربعاء»: the most recent such weekday on or before the anchor; 'future': the next one after it. */
function weekdayFrom(anchorMs: number, weekday: number, direction: Direction): number {
  const today = new Date(anchorMs).getUTCDay();
  if (direction === 'future') return anchorMs + (((weekday - today + 6) % 7) + 1) * DAY_MS;
  return anchorMs - ((today - weekday + 7) % 7) * DAY_MS;
}

/**
 * A month (and day) without a year: «17 أكتوبر الماضي» is the latest such date before the anchor,
 * «المقبل» the first after it, and a bare one the closest of last, this and next year.
 */
function resolveMonthDay(month: number, day: number | null, direction: Direction, anchor: Anchor | null): Resolved {
  const precision: TimePrecision = day === null ? 'month' : 'day';
  if (!anchor || anchor.month === null || (day !== null && anchor.day === null)) return relative(precision, null);
  const anchorKey = anchor.month * 100 + (day === null ? 0 : anchor.day!);
  const key = month * 100 + (day ?? 0);
  let year: number;
  if (direction === 'past') year = key < anchorKey ? anchor.year : anchor.year - 1;
  else if (direction === 'future') year = key > anchorKey ? anchor.year : anchor.year + 1;
  else year = nearestYear(month, day ?? 1, anchor);
  if (day !== null && new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return relative(precision, null);
  return relative(precision, formatDateValue(year, month, day));
}

/** Of last, this and next year, the one putting month/day closest to the anchor (ties go to the past). */
function nearestYear(month: number, day: number, anchor: Anchor): number {
  const anchorMs = Date.UTC(anchor.year, anchor.month! - 1, anchor.day ?? 15);
  let best = anchor.year;
  let bestDistance = Infinity;
  for (const year of [anchor.year - 1, anchor.year, anchor.year + 1]) {
    const signed = Date.UTC(year, month - 1, day) - anchorMs;
    const distance = Math.abs(signed) + (signed > 0 ? 1 : 0);
    if (distance < bestDistance) {
      best = year;
      bestDistance = distance;
    }
  }
  return best;
}

function resolvePeriod(unit: 'month' | 'year', offset: number, anchor: Anchor | null): Resolved {
  if (unit === 'year') return relative('year', anchor ? formatDateValue(anchor.year + offset, null, null) : null);
  if (!anchor || anchor.month === null) return relative('month', null);
  const index = anchor.year * 12 + (anchor.month - 1) + offset;
  return relative('month', formatDateValue(Math.floor(index / 12), (index % 12) + 1, null));
}
