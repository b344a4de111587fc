/**
 * Absolute calendar dates in Arabic/English news text («17 كانون الأول 2024», «26th, January 2024»,
 * «2015/08/06», «آب/أغسطس 2023», «عام 2003»). Shared by extraction (publication dates) and temporal analysis.
 * Matches on the normalised view (digits, alef, tashkeel folded) and reports offsets into the source text.
 */
import { normalizeView, viewToSource, type TextView } from './normalize.ts';
import { ENGLISH_MONTHS, GREGORIAN_MONTHS, HIJRI_MONTHS } from './lexicons/months.ts';
import { WORD_END, WORD_START } from './char-classes.ts';
import {
  ENGLISH_MONTH,
  GREGORIAN_MONTH,
  HIJRI_MONTH,
  MONTH_PAIR,
  ORDINAL_DAY,
  lexiconKey,
  ordinalDayOf,
} from './date-fragments.ts';

export type AbsoluteDatePrecision = 'day' | 'month' | 'year';

/** One absolute date: `text === source.slice(start, end)`; `value` is YYYY-MM-DD, YYYY-MM or YYYY. */
export interface AbsoluteDate {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
  readonly precision: AbsoluteDatePrecision;
  readonly value: string;
  /** Which recognizer matched, e.g. 'date/day-month-year'. */
  readonly rule: string;
  /** 'hijri' when the text gave a Hijri date (converted to Gregorian in year/month/day). */
  readonly calendar: 'gregorian' | 'hijri';
}

/** Years outside this window are page numbers, counts or prices, not news dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const MIN_HIJRI_YEAR = 1300;
const MAX_HIJRI_YEAR = 1500;

/** «2024», «عام 2024», «من العام 2024», «2024م». */
const YEAR = `(?:(?:من\\s{1,3})?(?:ال|ل|لل)?(?:عام|سنة)\\s{1,3})?(?<year>\\d{4})(?:\\s?م${WORD_END})?`;
/** «17», «الـ17» (tatweel is dropped by the view, leaving «ال17»), or an ordinal word «السابع». */
const AR_DAY = `(?:(?:ال\\s?)?(?<day>\\d{1,2})|(?<ordinal>${ORDINAL_DAY}))`;
const NO_DIGIT_BEFORE = '(?<![\\d])';
const NO_DIGIT_AFTER = '(?![\\d])';
const EN_DAY = `(?<day>\\d{1,2})(?:st|nd|rd|th)?`;

/** Every recognizer needs a four-digit year: texts without one are skipped without normalising. */
const YEAR_DIGITS_RE = /[0-9\u0660-\u0669\u06F0-\u06F9]{4}/u;

interface Recognizer {
  readonly rule: string;
  readonly pattern: RegExp;
  readonly calendar: 'gregorian' | 'hijri';
  /** Cheap test on the view: the pattern cannot match a text that fails it. */
  readonly requires?: RegExp;
}

const HAS_LATIN = /[a-z]/u;
const HAS_NUMERIC_DATE = /\d[/\-.]\d/u;
const HAS_HIJRI_MARK = /ه/u;
/** Literal alternations with no lookbehind: the engine scans them fast, so they gate the heavier patterns. */
const HAS_ARABIC_MONTH = new RegExp(GREGORIAN_MONTH, 'u');
const HAS_YEAR_WORD = /عام|سنة/u;

// Order matters only for ties: overlapping matches keep the longest span, then the earliest rule here.
const RECOGNIZERS: readonly Recognizer[] = [
  {
    rule: 'date/day-month-year',
    calendar: 'gregorian',
    requires: HAS_ARABIC_MONTH,
    pattern: new RegExp(
      `${WORD_START}${NO_DIGIT_BEFORE}${AR_DAY}\\s{0,3}(?:من\\s{1,3})?(?:شهر\\s{1,3})?${MONTH_PAIR}\\s{0,3}[,،]?\\s{0,3}${YEAR}${NO_DIGIT_AFTER}`,
      'dgu',
    ),
  },
  {
    rule: 'date/month-day-year',
    calendar: 'gregorian',
    requires: HAS_ARABIC_MONTH,
    pattern: new RegExp(
      `${WORD_START}(?<month>${GREGORIAN_MONTH})${WORD_END}\\s{1,3}(?<day>\\d{1,2})\\s{0,3}[,،]\\s{0,3}(?<year>\\d{4})${NO_DIGIT_AFTER}`,
      'dgu',
    ),
  },
  {
    rule: 'date/english-day-month-year',
    calendar: 'gregorian',
    requires: HAS_LATIN,
    pattern: new RegExp(
      `${NO_DIGIT_BEFORE}${EN_DAY}\\s{0,3},?\\s{0,3}(?:of\\s+)?(?<month>${ENGLISH_MONTH})${WORD_END}\\s{0,3},?\\s{0,3}(?<year>\\d{4})${NO_DIGIT_AFTER}`,
      'dgu',
    ),
  },
  {
    rule: 'date/english-month-day-year',
    calendar: 'gregorian',
    requires: HAS_LATIN,
    pattern: new RegExp(
      `${WORD_START}(?<month>${ENGLISH_MONTH})\\s{1,3}${EN_DAY}\\s{0,3},?\\s{0,3}(?<year>\\d{4})${NO_DIGIT_AFTER}`,
      'dgu',
    ),
  },
  {
    rule: 'date/year-month-day',
    calendar: 'gregorian',
    requires: HAS_NUMERIC_DATE,
    pattern: new RegExp(
      `${NO_DIGIT_BEFORE}(?<year>\\d{4})(?<sep>[/\\-.])(?<month>\\d{1,2})\\k<sep>(?<day>\\d{1,2})${NO_DIGIT_AFTER}`,
      'dgu',
    ),
  },
  {
    rule: 'date/day-month-year-numeric',
    calendar: 'gregorian',
    requires: HAS_NUMERIC_DATE,
    pattern: new RegExp(
      `${NO_DIGIT_BEFORE}(?<day>\\d{1,2})(?<sep>[/\\-.])(?<month>\\d{1,2})\\k<sep>(?<year>\\d{4})${NO_DIGIT_AFTER}`,
      'dgu',
    ),
  },
  {
    rule: 'date/hijri-day-month-year',
    calendar: 'hijri',
    requires: HAS_HIJRI_MARK,
    pattern: new RegExp(
      `${WORD_START}${NO_DIGIT_BEFORE}${AR_DAY}\\s{0,3}(?:من\\s{1,3})?(?<month>${HIJRI_MONTH})\\s{0,3}[,،]?\\s{0,3}(?<year>\\d{4})\\s{0,3}(?:ه|هـ|هجري|للهجرة)${WORD_END}`,
      'dgu',
    ),
  },
  {
    rule: 'date/month-year',
    calendar: 'gregorian',
    requires: HAS_ARABIC_MONTH,
    pattern: new RegExp(
      `${WORD_START}(?:شهر\\s{1,3})?${MONTH_PAIR}\\s{0,3}[,،]?\\s{0,3}${YEAR}${NO_DIGIT_AFTER}`,
      'dgu',
    ),
  },
  {
    rule: 'date/english-month-year',
    calendar: 'gregorian',
    requires: HAS_LATIN,
    pattern: new RegExp(
      `${WORD_START}(?<month>${ENGLISH_MONTH})${WORD_END}\\s{0,3},?\\s{0,3}(?<year>\\d{4})${NO_DIGIT_AFTER}`,
      'dgu',
    ),
  },
  {
    rule: 'date/year',
    calendar: 'gregorian',
    requires: HAS_YEAR_WORD,
    pattern: new RegExp(
      `${WORD_START}(?:[وف])?(?:لل|ب|ل|ال)?(?:عام|سنة)\\s{1,3}(?<year>\\d{4})(?:\\s?م${WORD_END})?${NO_DIGIT_AFTER}`,
      'dgu',
    ),
  },
];

/** Finds every absolute date in `text`, sorted by start, without overlaps (the longest match wins). */
export function findAbsoluteDates(text: string): AbsoluteDate[] {
  if (!YEAR_DIGITS_RE.test(text)) return [];
  const view = normalizeView(text);
  const found: AbsoluteDate[] = [];
  for (const recognizer of RECOGNIZERS) {
    if (recognizer.requires && !recognizer.requires.test(view.text)) continue;
    recognizer.pattern.lastIndex = 0;
    for (let match = recognizer.pattern.exec(view.text); match; match = recognizer.pattern.exec(view.text)) {
      const date = toAbsoluteDate(match, recognizer, view);
      if (date) found.push(date);
    }
  }
  return keepLongest(found);
}

function toAbsoluteDate(match: RegExpExecArray, recognizer: Recognizer, view: TextView): AbsoluteDate | null {
  const groups = match.groups ?? {};
  const parts = readParts(groups, recognizer);
  if (!parts || isFatherNotAugust(match, view)) return null;
  const { start, end } = viewToSource(view, match.index, match.index + match[0].length);
  const precision: AbsoluteDatePrecision = parts.day !== null ? 'day' : parts.month !== null ? 'month' : 'year';
  return {
    start,
    end,
    text: view.source.slice(start, end),
    ...parts,
    precision,
    value: formatDateValue(parts.year, parts.month, parts.day),
    rule: recognizer.rule,
    calendar: recognizer.calendar,
  };
}

/** «أب» (father, hamza on alef) folds to the same key as «آب» (August): only the source spelling tells them apart. */
function isFatherNotAugust(match: RegExpExecArray, view: TextView): boolean {
  const range = match.indices?.groups?.month;
  if (!range || match.groups?.month !== 'اب') return false;
  return view.source[view.toSource[range[0]]!] === 'أ';
}

interface DateParts {
  readonly year: number;
  readonly month: number | null;
  readonly day: number | null;
}

function readParts(groups: Record<string, string | undefined>, recognizer: Recognizer): DateParts | null {
  const year = Number(groups.year);
  const month = groups.month === undefined ? null : monthNumber(groups.month, recognizer.calendar);
  const day =
    groups.day !== undefined ? Number(groups.day) : groups.ordinal !== undefined ? ordinalDayOf(groups.ordinal) : null;
  if (groups.month !== undefined && month === null) return null;
  if (recognizer.calendar === 'hijri') {
    if (year < MIN_HIJRI_YEAR || year > MAX_HIJRI_YEAR || month === null || day === null) return null;
    return hijriToGregorian(year, month, day);
  }
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  if (recognizer.rule === 'date/day-month-year-numeric' && month !== null && day !== null && month > 12 && day <= 12) {
    return isValidDate(year, day, month) ? { year, month: day, day: month } : null; // US order 12/25/2024
  }
  if (month !== null && day !== null && !isValidDate(year, month, day)) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  return { year, month, day };
}

function monthNumber(name: string, calendar: 'gregorian' | 'hijri'): number | null {
  if (/^\d+$/u.test(name)) return Number(name);
  const key = lexiconKey(name).replace(/\.$/u, '');
  if (calendar === 'hijri') return HIJRI_MONTHS.get(key) ?? null;
  return GREGORIAN_MONTHS.get(key) ?? ENGLISH_MONTHS.get(key) ?? null;
}

function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' for the given parts. */
export function formatDateValue(year: number, month: number | null, day: number | null): string {
  const yyyy = String(year).padStart(4, '0');
  if (month === null) return yyyy;
  const mm = String(month).padStart(2, '0');
  return day === null ? `${yyyy}-${mm}` : `${yyyy}-${mm}-${String(day).padStart(2, '0')}`;
}

/** The Umm al-Qura calendar formatter, built on the first Hijri date (building it costs ~10 ms of start-up). */
let hijriFormat: Intl.DateTimeFormat | undefined;
function hijriFormatter(): Intl.DateTimeFormat {
  hijriFormat ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  return hijriFormat;
}
const DAY_MS = 86_400_000;
/** Mean Hijri year in days and the Julian-day-style epoch offset of 1 Muharram 1 AH (16 July 622). */
const HIJRI_YEAR_DAYS = 354.367;
const HIJRI_EPOCH_MS = Date.UTC(622, 6, 16);
/** The mean-length estimate drifts from Umm al-Qura by at most a few days over 1300–1500 AH. */
const HIJRI_SEARCH_DAYS = 6;

/** Converts an Umm al-Qura Hijri date by estimating, then stepping until Intl agrees. */
function hijriToGregorian(year: number, month: number, day: number): DateParts | null {
  const estimate =
    HIJRI_EPOCH_MS + Math.round(((year - 1) * HIJRI_YEAR_DAYS + (month - 1) * 29.53 + (day - 1)) * DAY_MS);
  for (let offset = -HIJRI_SEARCH_DAYS; offset <= HIJRI_SEARCH_DAYS; offset++) {
    const candidate = new Date(estimate + offset * DAY_MS);
    const parts = hijriFormatter().formatToParts(candidate);
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value.replace(/\D/gu, ''));
    if (get('year') === year && get('month') === month && get('day') === day) {
      return { year: candidate.getUTCFullYear(), month: candidate.getUTCMonth() + 1, day: candidate.getUTCDate() };
    }
  }
  return null;
}

/** Drops matches overlapping a longer one: one sort by (start, -end), one sweep. */
function keepLongest(found: AbsoluteDate[]): AbsoluteDate[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: AbsoluteDate[] = [];
  for (const candidate of sorted) {
    const last = kept[kept.length - 1];
    if (!last || candidate.start >= last.end) kept.push(candidate);
    else if (candidate.end - candidate.start > last.end - last.start) kept[kept.length - 1] = candidate;
  }
  return kept;
}
