/**
 * Earliest possible publication month of an undated article, read from the dates it reports in the past:
 * a report that mentions «آب/أغسطس 2023» and later «في أبريل/نيسان» cannot predate April 2024.
 * Used only to keep undated articles out of event clusters that end before that month.
 */
import { GREGORIAN_MONTHS, namesLongestFirst } from '../../text/lexicons/months.ts';
import { normalizeText } from '../../text/normalize.ts';

/** Month names that are also common words («آب» father, «ماي» my): used only next to a year or a slash. */
const AMBIGUOUS_MONTHS = new Set(['اب', 'ماي', 'مايس']);
const MONTH_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:[وبل]|في\\s)?(${namesLongestFirst(GREGORIAN_MONTHS).join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
/** After a month: «/أغسطس 2023», « (أكتوبر) 2023», « من عام 2023», « 2023». */
const YEAR_AFTER_RE =
  /^[\s/()\-–،,]*(?:\p{L}+[\s/()]*){0,1}?(?:(?:من\s+)?(?:عام|العام|سنه|سنة)\s+)?((?:19|20)\d{2})(?![\p{N}])/u;
const SLASH_AFTER_RE = /^\s*\/|^\s*\(/u;
const BARE_YEAR_RE = /(?<![\p{L}\p{N}/.-])((?:19|20)\d{2})(?![\p{N}/.])/gu;
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

interface MonthMention {
  readonly month: number;
  readonly year: number | null;
}

function monthMentions(text: string): MonthMention[] {
  const out: MonthMention[] = [];
  for (const match of text.matchAll(MONTH_RE)) {
    const name = match[1]!;
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 30);
    const year = YEAR_AFTER_RE.exec(after)?.[1];
    if (AMBIGUOUS_MONTHS.has(name) && !year && !SLASH_AFTER_RE.test(after)) continue;
    out.push({ month: GREGORIAN_MONTHS.get(name)!, year: year ? Number(year) : null });
  }
  return out;
}

/**
 * Month index (year × 12 + month − 1) before which the article cannot have been written, or null when it names
 * no dated past. Year-less months are placed at their first occurrence on or after the latest explicit date.
 */
export function notBeforeMonth(body: string): number | null {
  const text = normalizeText(body);
  const mentions = monthMentions(text);
  let latest: number | null = null;
  for (const m of mentions)
    if (m.year !== null && m.year >= MIN_YEAR && m.year <= MAX_YEAR)
      latest = Math.max(latest ?? -1, m.year * 12 + m.month - 1);
  for (const match of text.matchAll(BARE_YEAR_RE)) {
    const year = Number(match[1]);
    if (year >= MIN_YEAR && year <= MAX_YEAR) latest = Math.max(latest ?? -1, year * 12);
  }
  if (latest === null) return null;
  let bound = latest;
  const anchorYear = Math.floor(latest / 12);
  const anchorMonth = latest % 12;
  for (const m of mentions) {
    if (m.year !== null) continue;
    const placed = m.month - 1 >= anchorMonth ? anchorYear * 12 + m.month - 1 : (anchorYear + 1) * 12 + m.month - 1;
    bound = Math.max(bound, placed);
  }
  return bound;
}

/** Day number (days since 1970-01-01) of the first day of a month index. */
export function monthIndexToDay(monthIndex: number): number {
  return Math.floor(Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1) / 86_400_000);
}
