/**
 * Reads names out of meta lines: the outlet after «المصدر:», a «شفق نيوز/ » byline prefix, an
 * «X - City» dateline, and the wire credits of «المصادر الإضافية • أ ب». Offsets index the page text.
 */
import { normalizeText } from '../text/normalize.ts';
import type { Line } from './lines.ts';
import { DATELINE_PLACES } from './lexicons/places.ts';
import { stopWords } from '../text/stop-words.ts';
import { OUTLET_HEADS, OUTLET_TAILS } from './lexicons/outlet-words.ts';
import { agencyForms } from '../text/agencies.ts';

/** Function words of running prose (the `prose` subset of the stop-word lexicon). */
const ARABIC_STOP_WORDS = stopWords('prose');
/** Wire agencies' credit forms, normalised; forms that are also everyday words («قنا» Qena) are left out. */
const NEWS_AGENCIES: ReadonlySet<string> = new Set(
  agencyForms('display', { fullNames: false, alsoAWord: false }).keys(),
);

/** A name read from the page, with where it sits in the page text. */
export interface NamedSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Outlet names are short («الجديد برس», «euronews»); longer text after «المصدر:» is a sentence. */
const MAX_NAME_WORDS = 5;
const SOURCE_ANYWHERE_RE = /(?:المصدر|مصدر الخبر|Source)\s*[:：]\s*(?<name>[^\n:]{1,80}?)\s*[.،,]?\s*$/u;
/** «شفق نيوز/ ذكر…»: the slash is followed by a space, unlike the month pair «أكتوبر/تشرين». */
const BYLINE_PREFIX_RE = /^(?<name>[^\s/:،,.\d]+(?:\s+[^\s/:،,.\d]+){0,3})\s*\/\s+/u;
const SOURCE_SPLIT_RE = /\s*(?:[+،,|؛;•]|\s-\s|\sو(?:كالات|\s))/u;
/** «صوت الخليج - أطلقت الحكومة…»: a name of 1–3 words, a spaced dash, then the lede. */
const DASHED_PREFIX_RE = /^(?<name>[^\s\-–—(،,.:\d]+(?:\s[^\s\-–—(،,.:\d]+){0,2})\s[-–—]\s(?=\p{L})/u;
const BRACKETED_PREFIX_RE = /^\((?<name>[^()\d]{2,30})\)\s*[-–—:]\s*/u;
const DATELINE_RE = /^(?<left>[^\-–—|:.،,\d/]{2,40}?)\s*(?:\s[-–—]|\/)\s+(?<right>[^\-–—|:.،,\d/]{2,30})$/u;
const CREDIT_SEPARATOR_RE = /\s*(?:[•·،,|;؛/]|\s-\s|\sو(?=\S))\s*/u;
const TRAILING_PUNCT_RE = /[\s.،,:;؛!؟?"'“”«»()]+$/u;
const LEADING_PUNCT_RE = /^[\s.،,:;؛!؟?"'“”«»()\-–—•]+/u;

/** The name after a source cue: from `restStart` (line-relative) when given, else the last «المصدر: X» in the line. */
export function findSourceName(line: Line, restStart: number | null): NamedSpan | null {
  if (restStart !== null) {
    // «المصدر: الساحل اليوم + وكالات»: the outlet is the first of several credits.
    const cut = SOURCE_SPLIT_RE.exec(line.text.slice(restStart));
    return trimmedName(line, restStart, cut ? restStart + cut.index : line.text.length);
  }
  const match = SOURCE_ANYWHERE_RE.exec(line.text);
  if (!match?.groups?.name) return null;
  const nameStart = match.index + match[0].lastIndexOf(match.groups.name);
  return trimmedName(line, nameStart, nameStart + match.groups.name.length);
}

/**
 * «شفق نيوز/ ذكر تقرير…» or «(شبكة دجلة) - عاد…» → the outlet and where the body starts. A city
 * («بغداد/ ») or a wire agency in brackets («(أ ف ب) -») is not the outlet.
 */
export function findBylinePrefix(line: Line): { outlet: NamedSpan; bodyStart: number } | null {
  const bracketed = BRACKETED_PREFIX_RE.exec(line.text);
  if (bracketed?.groups?.name && !isAgency(bracketed.groups.name) && !hasStopWord(bracketed.groups.name)) {
    const outlet = trimmedName(line, 1, 1 + bracketed.groups.name.length);
    return outlet ? { outlet, bodyStart: line.start + bracketed[0].length } : null;
  }
  const dashed = DASHED_PREFIX_RE.exec(line.text);
  const dashedName = dashed?.groups?.name;
  if (
    dashed &&
    dashedName &&
    !isPlace(dashedName) &&
    !hasStopWord(dashedName) &&
    (isOutletName(dashedName) || dashedName.trim().split(/\s+/u).length >= 2)
  ) {
    const outlet = trimmedName(line, 0, dashedName.length);
    return outlet ? { outlet, bodyStart: line.start + dashed[0].length } : null;
  }
  const match = BYLINE_PREFIX_RE.exec(line.text);
  if (!match?.groups?.name) return null;
  if (isPlace(match.groups.name) || hasStopWord(match.groups.name)) return null;
  const outlet = trimmedName(line, 0, match.groups.name.length);
  return outlet ? { outlet, bodyStart: line.start + match[0].length } : null;
}

/** «بغداد اليوم - بغداد» → outlet «بغداد اليوم»; «القاهرة - الأهرام» → «الأهرام» (the side that is not a place). */
export function readDateline(line: Line): NamedSpan | null {
  const match = DATELINE_RE.exec(line.text);
  const left = match?.groups?.left;
  const right = match?.groups?.right;
  if (!left || !right) return null;
  const leftWords = left.trim().split(/\s+/u).length;
  const rightWords = right.trim().split(/\s+/u).length;
  if (leftWords > 4 || rightWords > 2) return null;
  const rightStart = line.text.length - right.length;
  // «القاهرة - أ ش أ»: a place and a cited wire agency, never the outlet.
  if (isAgency(left) || isAgency(right)) return null;
  // «عمّان - نافذة الأردن», «بغداد/ الرافدين اليوم»: place first, then the outlet (or a reporter: weak evidence, ranked low).
  if (isPlace(left) && !isPlace(right)) return trimmedName(line, rightStart, line.text.length);
  if (!isPlace(right) && !isPlace(left)) return null;
  return trimmedName(line, 0, left.length);
}

const PLACE_AGENCY_RE =
  /^(?<place>[^\-–—ـ|:\d/()]{2,30}?)\s*[-–—ـ]+\s*\(?\s*(?<agency>[^()\-–—ـ|:\d/]{1,30}?)\s*\)?\s*[.،]?$/u;

/**
 * «القاهرة - أ ش أ», «طنطا - (أ ش أ)», «عمان - أ. ش. أ»: a dateline of a place and a wire agency. The agency is a
 * cited source (never the outlet); null for any other line.
 */
export function readDatelineAgency(line: Line): NamedSpan | null {
  const match = PLACE_AGENCY_RE.exec(line.text);
  const place = match?.groups?.place;
  const agency = match?.groups?.agency;
  // The place may be any town («طنطا»): a short name before a wire agency is a dateline.
  if (!match || !place || !agency || place.trim().split(/\s+/u).length > 3 || !isAgency(agency)) return null;
  const at = line.text.lastIndexOf(agency);
  return trimmedName(line, at, at + agency.length);
}

/** Names after a credit cue, split on bullets, commas and «و»: «أ ب • رويترز» → [«أ ب», «رويترز»]. */
export function splitCredits(line: Line, restStart: number): NamedSpan[] {
  const names: NamedSpan[] = [];
  const rest = line.text.slice(restStart);
  let offset = restStart;
  for (const part of rest.split(CREDIT_SEPARATOR_RE)) {
    const at = line.text.indexOf(part, offset);
    if (part && at >= 0) {
      const name = trimmedName(line, at, at + part.length);
      if (name) names.push(name);
      offset = at + part.length;
    }
  }
  return names;
}

function trimmedName(line: Line, start: number, end: number): NamedSpan | null {
  const raw = line.text.slice(start, end);
  const lead = LEADING_PUNCT_RE.exec(raw)?.[0].length ?? 0;
  const text = raw.slice(lead).replace(TRAILING_PUNCT_RE, '');
  if (!text || !/\p{L}/u.test(text) || text.split(/\s+/u).length > MAX_NAME_WORDS) return null;
  const pageStart = line.start + start + lead;
  return { text, start: pageStart, end: pageStart + text.length };
}

/** «واشنطن – استأنفت…», «القاهرة (رويترز) - …»: a paragraph opening with a city dateline (a lede, not a dek). */
export function startsWithDateline(text: string): boolean {
  const match = DATELINE_OPENING_RE.exec(text);
  return match?.groups?.place !== undefined && isPlace(match.groups.place);
}

const DATELINE_OPENING_RE = /^(?<place>[^\s\-–—(،,]+(?:\s[^\s\-–—(،,]+)?)\s*(?:\([^)]{1,30}\)\s*)?[\-–—:]\s/u;

/** «جميع الحقوق محفوظة لـ», «حقوق النسخ محفوظة», «©», years: everything in a copyright line except the owner. */
const COPYRIGHT_RE =
  /(?:(?:جميع|كل)\s+)?(?:ال)?حقوق(?:\s+(?:ال)?(?:نشر|نسخ|طبع|ملكية|الملكية))?(?:\s+محفوظة)?(?:\s*ل(?:ـ|\s)?(?=\p{L}))?|©|\(c\)|copyright|all\s+rights\s+reserved|(?<!\d)(?:19|20)\d{2}(?!\d)/giu;

const COPYRIGHT_CUE_RE = /حقوق|©|\(c\)|copyright|all\s+rights/iu;

/** «جميع الحقوق محفوظة © 2024 بوابة النيل الجديد» → «بوابة النيل الجديد»; «… لوكالة الرافد» → «وكالة الرافد». */
export function readCopyrightOutlet(line: Line): NamedSpan | null {
  // A footer line with no copyright notice («وسوم: …», «اتصل بنا») names no owner.
  if (!COPYRIGHT_CUE_RE.test(line.text)) return null;
  COPYRIGHT_RE.lastIndex = 0;
  const parts = line.text
    .split(COPYRIGHT_RE)
    .map((p) => p.trim())
    .filter((p) => /\p{L}/u.test(p));
  if (parts.length !== 1) return null;
  const name = parts[0]!.replace(LEADING_PUNCT_RE, '');
  // «© REUTERS / SHOKRY HUSSIEN», «© AFP»: a photo credit (agency / photographer), not the site.
  if (name.includes('/') || isAgency(name) || isAgency(name.split(/\s*\/\s*/u)[0]!)) return null;
  const at = line.text.indexOf(name);
  return at < 0 ? null : trimmedName(line, at, at + name.length);
}

/** Lines made only of bracketed credits: «(وكالات)», «(أ.ف.ب) - (الضياء)». */
export function readBracketCredits(line: Line): NamedSpan[] | null {
  if (!BRACKET_LINE_RE.test(line.text)) return null;
  const names: NamedSpan[] = [];
  for (const match of line.text.matchAll(/\((?<name>[^()]{1,30})\)/gu)) {
    const name = trimmedName(line, match.index + 1, match.index + 1 + match.groups!.name!.length);
    if (name) names.push(name);
  }
  return names.length > 0 ? names : null;
}

const BRACKET_LINE_RE = /^(?:\([^()]{1,30}\)[\s\-–—،,/•|]*)+$/u;

/** True when a short name reads as an outlet: «وكالة الرافد للأنباء», «المدى نيوز», «الساحل اليوم». */
export function isOutletName(name: string): boolean {
  const words = normalizeText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ');
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return false;
  const first = words[0]!.replace(/^ل/u, '');
  const last = words[words.length - 1]!;
  return (
    (words.length >= 2 && (OUTLET_HEADS.has(first) || OUTLET_HEADS.has(words[0]!))) ||
    (words.length >= 2 && OUTLET_TAILS.has(last)) ||
    OUTLET_TAILS.has(words.slice(-2).join(' '))
  );
}

/** True for a wire agency name or credit («أ.ف.ب», «رويترز», «وكالات»). */
export function isAgency(name: string): boolean {
  const key = normalizeText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return NEWS_AGENCIES.has(key) || key === 'وكالات' || NEWS_AGENCIES.has(key.replace(/ /gu, ''));
}

function hasStopWord(name: string): boolean {
  return normalizeText(name)
    .split(/\s+/u)
    .some((token) => ARABIC_STOP_WORDS.has(token));
}

export function isPlace(name: string): boolean {
  return DATELINE_PLACES.has(normalizeText(name).trim().replace(/\s+/gu, ' '));
}
