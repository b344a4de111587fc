/**
 * Context-free label of one line from its features and cue lexicons: paragraph, title, marker,
 * boilerplate (with a reason), meta (date, source, credit, byline, dateline) or caption.
 * segment.ts turns these labels into articles using position and neighbours.
 */
import type { SpanReason } from '../core/article.ts';
import { findAbsoluteDates, type AbsoluteDate } from '../text/absolute-date.ts';
import { compileCues, matchCue, type CueHit } from './cue-match.ts';
import { findGluedBodyStart } from './glued.ts';
import {
  BOILERPLATE_CUES,
  BYLINE_CUES,
  CREDIT_LINE_CUES,
  DISCLAIMER_PHRASES,
  PUBLISHED_CUES,
  READ_ALSO_CUES,
  SOURCE_LINE_CUES,
  UPDATED_CUES,
} from './lexicons/cues.ts';
import type { Line } from './lines.ts';
import {
  findBylinePrefix,
  findSourceName,
  isOutletName,
  readBracketCredits,
  readCopyrightOutlet,
  readDatelineAgency,
  readDateline,
  splitCredits,
  type NamedSpan,
} from './line-meta.ts';
import { lineKey } from './line-key.ts';
import { normalizeText } from '../text/normalize.ts';
import { DIACRITIC, NON_WORD_CHAR } from '../text/char-classes.ts';
import { WEEKDAYS } from '../text/lexicons/months.ts';

export type LineType =
  | 'blank'
  | 'paragraph'
  | 'title'
  | 'short'
  | 'marker'
  | 'boilerplate'
  | 'caption'
  | 'date'
  | 'source'
  | 'credit'
  | 'byline'
  | 'dateline';

export interface LineClass {
  readonly type: LineType;
  readonly reason?: SpanReason;
  /** Paragraph lines: glued link text or a cue before the body (page offsets). */
  readonly gluedPrefixEnd?: number;
  /** Paragraph lines: «شفق نيوز/ …» outlet prefix (first paragraph only; segment.ts decides). */
  readonly bylinePrefix?: { readonly outlet: NamedSpan; readonly bodyStart: number };
  /** Outlet named by a source, byline or dateline line, or glued inside boilerplate («…غزةالمصدر: euronews»). */
  readonly outlet?: NamedSpan;
  /** Footer lines: the owner named in a copyright notice (weakest outlet evidence on the page). */
  readonly copyrightOutlet?: NamedSpan;
  readonly date?: AbsoluteDate & { readonly isUpdate: boolean };
  readonly credits?: readonly NamedSpan[];
  /** Marker lines: the inline link title after «اقرأ أيضاً:», if any (page offsets). */
  readonly inlineStart?: number;
}

/** Shortest prose paragraph that ends in a full stop. Chosen on the seeds and fixtures (captions of 5–7 words stay titles). */
const PARAGRAPH_MIN_WORDS = 8;
/** A line this long is prose even without final punctuation if it has function words. */
const LONG_LINE_WORDS = 20;
/** jusText-style stop-word density below which a long line is a list (tags, links), not prose. */
const MIN_PROSE_STOP_RATIO = 0.08;
/** Lines ending in «؟» shorter than this are headlines («… حقيقة قاعدة البرج؟»), not prose. */
const QUESTION_PARAGRAPH_MIN_WORDS = 16;
/** A cue line with at most this many extra words is furniture («شارك هذا المقال عبر»). */
const CUE_REST_MAX_WORDS = 4;
/** Meta lines (source, byline, credit) are short. */
const META_LINE_MAX_WORDS = 8;
/** Latin-script share above which a line in an Arabic page is an image caption or credit. */
const CAPTION_LATIN_RATIO = 0.8;
const CAPTION_MIN_WORDS = 5;
const SHORT_MAX_WORDS = 2;
/** «بقلم سلمى الخطيب», «كتب محمد علي» without a colon: a personal byline only when this short. */
const BYLINE_MAX_WORDS = 5;
/** A line naming the outlet alone («وكالة الرافد للأنباء») is a name, so a few words. */
const OUTLET_LINE_MAX_WORDS = 5;
/** «جدة - فهد العتيبي»: place, dash, a reporter's name. */
const DATELINE_SHAPE_RE = /^[^\-–—|:.،,\d]{2,30}\s[-–—]\s[^\-–—|:.،,\d]{2,30}$/u;
/** Words a date line may carry besides the date: times, «GMT», «هـ/م», «الموافق», «الساعة», «الساعة». */
const DATE_FILLER: ReadonlySet<string> = new Set([
  'gmt',
  'utc',
  'م',
  'ص',
  'ه',
  'مساء',
  'صباحا',
  'الموافق',
  'الساعة',
  'am',
  'pm',
  'بتوقيت',
  'مكة',
  'القاهرة',
  'غرينتش',
]);
/** Besides the date and filler, an uncued date line has at most this many words (an outlet name, «العدد 84»). */
const DATE_LINE_MAX_OTHER_WORDS = 3;

const MARKERS = compileCues([{ reason: 'read-also-marker', cues: READ_ALSO_CUES }]);
const FURNITURE = compileCues(BOILERPLATE_CUES);
const SOURCE = compileCues([{ reason: 'source-line', cues: SOURCE_LINE_CUES }]);
const CREDIT = compileCues([{ reason: 'cited-sources', cues: CREDIT_LINE_CUES }]);
const PUBLISHED = compileCues([{ reason: 'date', cues: PUBLISHED_CUES }]);
const UPDATED = compileCues([{ reason: 'date', cues: UPDATED_CUES }]);
const BYLINE = compileCues([{ reason: 'byline', cues: BYLINE_CUES }]);
const HARD_FURNITURE: ReadonlySet<SpanReason> = new Set([
  'tags',
  'share',
  'comments',
  'author-box',
  'footer',
  'related-links',
  'navigation',
]);

export interface ClassifyContext {
  /** True when most of the page is Arabic: a Latin-only line is then a caption. */
  readonly isArabicPage: boolean;
}

/** Labels one line. Pure; reads only the line and the page-level context. */
export function classifyLine(line: Line, context: ClassifyContext): LineClass {
  if (line.isBlank) return { type: 'blank' };
  const fromHint = classifyByHint(line);
  if (fromHint) return fromHint;
  return classifyMeta(line) ?? classifyCue(line) ?? classifyDisclaimer(line) ?? classifyShape(line, context);
}

const DISCLAIMERS = DISCLAIMER_PHRASES.map((phrase) => normalizeText(phrase));

/** Comment policies and opinion disclaimers are furniture at any length. */
function classifyDisclaimer(line: Line): LineClass | null {
  const key = line.key.key;
  return DISCLAIMERS.some((phrase) => key.includes(phrase)) ? { type: 'boilerplate', reason: 'comments' } : null;
}

/** «الجديد برس:» alone on a short line: an outlet byline. */
function classifyColonByline(line: Line): LineClass | null {
  if (line.words > 4 || !/[:：]$/u.test(line.text) || line.hint) return null;
  return {
    type: 'byline',
    reason: 'outlet',
    outlet: { text: line.text.replace(/\s*[:：]$/u, ''), start: line.start, end: line.end - 1 },
  };
}

/** Returns true for boilerplate reasons that end an article body. */
export function isHardStop(cls: LineClass): boolean {
  if (cls.type === 'marker' || cls.type === 'source' || cls.type === 'credit') return true;
  return cls.type === 'boilerplate' && cls.reason !== undefined && HARD_FURNITURE.has(cls.reason);
}

function classifyByHint(line: Line): LineClass | null {
  const hint = line.hint;
  if (!hint) return null;
  if (hint.tag === 'figcaption') return { type: 'caption', reason: 'caption' };
  if (hint.furniture === 'footer') return withFooterOwner(line, { type: 'boilerplate', reason: 'footer' });
  // «related» boxes may hold a whole appended article (heading, date, prose): only their link lines are furniture.
  const isSoft = hint.furniture === 'related-links' && hint.linkDensity < 0.5;
  if (hint.furniture && !isSoft) return withGluedSource(line, { type: 'boilerplate', reason: hint.furniture });
  // Coupled to LINK_DENSITY in html-blocks.ts: mostly-link blocks are menus and related-link lists.
  // Mostly-link lines outside a <nav>: menus above the headline, related links (inline «اقرأ أيضاً: <a>…</a>») below it.
  if (hint.linkDensity >= 0.5 && !/^h[1-6]$/u.test(hint.tag)) return { type: 'boilerplate', reason: 'related-links' };
  return null;
}

function classifyMeta(line: Line): LineClass | null {
  const dateClass = classifyDate(line);
  if (dateClass) return dateClass;
  if (line.words > META_LINE_MAX_WORDS) return null;
  const bracketCredits = readBracketCredits(line);
  if (bracketCredits) return { type: 'credit', reason: 'cited-sources', credits: bracketCredits };
  const credit = matchCue(CREDIT, line.key);
  if (credit && !credit.isGlued)
    return { type: 'credit', reason: 'cited-sources', credits: splitCredits(line, credit.restStart) };
  const source = matchCue(SOURCE, line.key);
  if (source && !source.isGlued && hasColonAfter(line, source)) {
    const outlet = findSourceName(line, source.restStart);
    if (outlet) return { type: 'source', reason: 'source-line', outlet };
  }
  const byline = matchCue(BYLINE, line.key);
  if (byline && !byline.isGlued && (hasColonAfter(line, byline) || line.words <= BYLINE_MAX_WORDS))
    return { type: 'byline', reason: 'byline' };
  // «القاهرة - أ ش أ»: a place and a cited agency, never the outlet.
  const wire = readDatelineAgency(line);
  if (wire) return { type: 'byline', reason: 'byline', credits: [wire] };
  const dateline = readDateline(line);
  if (dateline) return { type: 'dateline', reason: 'outlet', outlet: dateline };
  if (DATELINE_SHAPE_RE.test(line.text) && line.words <= 5) return { type: 'byline', reason: 'byline' };
  // A social handle or web address («تابعونا على تويتر @almaydan_news») is never the outlet's name.
  if (line.words <= OUTLET_LINE_MAX_WORDS && !/[.،,:؟?!@/]/u.test(line.text) && isOutletName(line.text)) {
    return { type: 'byline', reason: 'outlet', outlet: { text: line.text, start: line.start, end: line.end } };
  }
  return null;
}

/** A colon or dash right after a cue (tashkeel between them allowed). */
const COLON_AFTER_RE = new RegExp(`^${DIACRITIC}*\\s*[:：\\-–|•]`, 'u');

/** True when the cue is followed by a colon or dash («المصدر: …», «بقلم - …»), not by running text. */
function hasColonAfter(line: Line, hit: CueHit): boolean {
  const cueEnd = (line.key.toSource[hit.keyEnd - 1] ?? line.key.base) - line.key.base + 1;
  return COLON_AFTER_RE.test(line.text.slice(cueEnd));
}

function classifyDate(line: Line): LineClass | null {
  if (line.words > LONG_LINE_WORDS) return null;
  const isUpdate = matchCue(UPDATED, line.key) !== null;
  const hasCue = isUpdate || matchCue(PUBLISHED, line.key) !== null;
  if (!hasCue && line.endsSentence && line.words >= PARAGRAPH_MIN_WORDS) return null;
  const dates = findAbsoluteDates(line.text);
  if (dates.length === 0) return null;
  const best = [...dates].sort(
    (a, b) => Number(a.calendar === 'hijri') - Number(b.calendar === 'hijri') || b.text.length - a.text.length,
  )[0]!;
  if (best.precision === 'year' && !hasCue) return null;
  const rest = dateRemainder(line.text, dates);
  const outlet = hasCue ? null : outletBesideDate(line, rest);
  const withoutOutlet = outlet ? rest.slice(0, outlet.start - line.start) + rest.slice(outlet.end - line.start) : rest;
  const otherWords = lineKey(withoutOutlet)
    .key.split(' ')
    .filter((t) => t && !DATE_FILLER.has(t) && !WEEKDAYS.has(t) && !/^\d{1,2}$/u.test(t));
  if (!hasCue && (otherWords.length > DATE_LINE_MAX_OTHER_WORDS || line.endsSentence)) return null;
  const date = { ...best, start: line.start + best.start, end: line.start + best.end, isUpdate };
  return { type: 'date', reason: 'date', date, ...(outlet ? { outlet } : {}) };
}

/** The line with every date blanked out (same length, so offsets still match). */
function dateRemainder(text: string, dates: readonly AbsoluteDate[]): string {
  let rest = text;
  for (const d of dates) rest = rest.slice(0, d.start) + ' '.repeat(d.end - d.start) + rest.slice(d.end);
  return rest;
}

/** «نبض الشارع | 05-11-2024», «مجلة العلوم المبسطة - العدد 84 - حزيران 2023»: an outlet segment beside the date. */
function outletBesideDate(line: Line, rest: string): NamedSpan | null {
  const SEGMENT_RE = /[^|\-–—•]+/gu;
  for (const match of rest.matchAll(SEGMENT_RE)) {
    const text = match[0].trim();
    if (!/\p{L}/u.test(text) || text.split(/\s+/u).length > 4) continue;
    const nextChar = rest.slice(match.index + match[0].length).trim()[0];
    if (isOutletName(text) || (match.index === 0 && nextChar === '|' && !WEEKDAYS.has(lineKey(text).key))) {
      const start = line.start + match.index + match[0].indexOf(text);
      return { text, start, end: start + text.length };
    }
  }
  return null;
}

function classifyCue(line: Line): LineClass | null {
  const marker = matchCue(MARKERS, line.key);
  if (marker) return markerOrGlued(line, marker);
  const furniture = matchCue(FURNITURE, line.key);
  if (!furniture) return null;
  const restWords = line.words - furniture.cue.split(' ').length;
  if (furniture.isGlued && line.endsSentence && isProse(line, restWords))
    return { type: 'paragraph', gluedPrefixEnd: line.start + furniture.restStart };
  if (furniture.reason === 'caption') return line.words <= 15 ? { type: 'caption', reason: 'caption' } : null;
  if (furniture.reason === 'footer') return withFooterOwner(line, { type: 'boilerplate', reason: 'footer' });
  const isPhrase = furniture.cue.includes(' ');
  if (
    restWords <= CUE_REST_MAX_WORDS ||
    furniture.isGlued ||
    ((isPhrase || furniture.reason === 'tags') && !isProse(line, restWords))
  ) {
    return withGluedSource(line, { type: 'boilerplate', reason: furniture.reason });
  }
  return null;
}

function markerOrGlued(line: Line, marker: CueHit): LineClass {
  const restWords = line.words - marker.cue.split(' ').length;
  if (restWords === 0) return { type: 'marker', reason: 'read-also-marker' };
  if (isProse(line, restWords) && line.endsSentence && (marker.isGlued || restWords > LONG_LINE_WORDS)) {
    return { type: 'paragraph', gluedPrefixEnd: line.start + marker.restStart };
  }
  return { type: 'marker', reason: 'read-also-marker', inlineStart: line.start + marker.restStart };
}

/** The line ends in «؟» or «…», then only marks and spaces (no letter or digit: «هل هذا صحيح؟ قال …» does not). */
const ENDS_IN_QUESTION_RE = new RegExp(`[?؟]${NON_WORD_CHAR}*$`, 'u');
const ENDS_IN_ELLIPSIS_RE = new RegExp(`…${NON_WORD_CHAR}*$`, 'u');

function isProse(line: Line, words: number): boolean {
  const isQuestion = ENDS_IN_QUESTION_RE.test(line.text);
  if (
    words >= PARAGRAPH_MIN_WORDS &&
    line.endsSentence &&
    (!isQuestion || words >= QUESTION_PARAGRAPH_MIN_WORDS) &&
    !ENDS_IN_ELLIPSIS_RE.test(line.text)
  )
    return true;
  return words >= LONG_LINE_WORDS && line.stopRatio >= MIN_PROSE_STOP_RATIO;
}

function classifyShape(line: Line, context: ClassifyContext): LineClass {
  if (context.isArabicPage && line.latinRatio >= CAPTION_LATIN_RATIO && line.words >= CAPTION_MIN_WORDS)
    return { type: 'caption', reason: 'caption' };
  const colonByline = classifyColonByline(line);
  if (colonByline) return colonByline;
  if (isProse(line, line.words)) {
    const glued = findGluedBodyStart(line.text);
    const byline = findBylinePrefix(line);
    return {
      type: 'paragraph',
      ...(glued > 0 ? { gluedPrefixEnd: line.start + glued } : {}),
      ...(byline ? { bylinePrefix: byline } : {}),
    };
  }
  return line.words <= SHORT_MAX_WORDS ? { type: 'short' } : { type: 'title' };
}

function withFooterOwner(line: Line, cls: LineClass): LineClass {
  const owner = readCopyrightOutlet(line);
  return owner ? { ...cls, copyrightOutlet: owner } : cls;
}

/** Boilerplate lines sometimes end with a glued source credit («…غزةالمصدر: euronews»): keep it as the outlet. */
function withGluedSource(line: Line, cls: LineClass): LineClass {
  const outlet = findSourceName(line, null);
  return outlet ? { ...cls, outlet } : cls;
}
