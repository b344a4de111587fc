/**
 * Page segmentation: turns classified lines into articles. Recipe: find the first run of prose (the
 * main body), walk back for its headline, dek and meta, read the body to its first hard stop, then scan
 * the tail for trailing meta, related-link lists and complete articles appended after «اقرأ أيضاً» markers.
 */
import type { SpanReason } from '../core/article.ts';
import { duplicateKey } from './line-key.ts';
import type { Line } from './lines.ts';
import { isHardStop, type LineClass } from './classify-line.ts';
import { startsWithDateline } from './line-meta.ts';

export type LineRole = 'headline' | 'dek' | 'body' | 'meta' | 'caption' | 'boilerplate' | 'blank';

/** What segmentation decided for one line: its article (−1 for none) and role there. */
export interface LineAssignment {
  readonly article: number;
  readonly role: LineRole;
  readonly reason?: SpanReason;
  /** Body lines: where the body text starts in the page (after glued links or an outlet prefix). */
  readonly bodyStart?: number;
  /** Body/meta lines: the outlet prefix of the first paragraph was used. */
  readonly usesBylinePrefix?: boolean;
  /** Tail lines read as the article's signature («سونا نيوز» under the last paragraph). */
  readonly isSignature?: boolean;
}

/** A body needs this much prose to anchor an article: one long paragraph or two in a row. Chosen on seeds and fixtures. */
const ANCHOR_MIN_WORDS = 30;
/**
 * An article appended after a marker needs two prose paragraphs with this many words, or one paragraph of
 * APPENDED_SINGLE_WORDS; a link list has none, a teaser one short one. Chosen on seeds, examples and fixtures.
 */
const APPENDED_MIN_WORDS = 25;
const APPENDED_SINGLE_WORDS = 50;
/** Headlines are rarely longer; a longer line before the body is a dek or prose. */
const HEADLINE_MAX_WORDS = 35;
/** A dek (standfirst) is one paragraph; longer is the lede. */
const DEK_MAX_WORDS = 60;
/** Between a marker and an appended article's first paragraph: headline plus a few meta/promo lines. */
const APPENDED_HEADER_MAX_LINES = 4;
/** Non-prose lines inside a body are kept only if prose resumes within this many non-blank lines. */
const BODY_LOOKAHEAD = 3;
/** Signature lines under the body are a name of a few words («سونا نيوز»). */
const SIGNATURE_MAX_WORDS = 4;

interface State {
  readonly lines: readonly Line[];
  readonly classes: readonly LineClass[];
  readonly roles: LineAssignment[];
  /** Duplicate keys of the headlines found so far: later copies are furniture. */
  readonly headlineKeys: Set<string>;
}

/** Assigns every line to an article and a role. Pure. */
export function segmentLines(lines: readonly Line[], classes: readonly LineClass[]): LineAssignment[] {
  const roles = lines.map((l): LineAssignment => (l.isBlank ? { article: -1, role: 'blank' } : { article: -1, role: 'boilerplate', reason: 'other' }));
  const state: State = { lines, classes, roles, headlineKeys: new Set() };
  const anchor = findBodyAnchor(state, 0);
  if (anchor < 0) return state.roles;
  const bodyStart = readHeader(state, 0, anchor, 0);
  let cursor = readBody(state, bodyStart, 0);
  for (let article = 0; cursor < lines.length;) {
    const next = readTail(state, cursor, article);
    if (next === null) break;
    article++;
    cursor = readAppended(state, next, article);
  }
  return state.roles;
}

function nextNonBlank(state: State, from: number): number {
  let i = from;
  while (i < state.lines.length && state.lines[i]!.isBlank) i++;
  return i;
}

function isProseLine(state: State, i: number): boolean {
  return state.classes[i]?.type === 'paragraph';
}

/** First paragraph that starts a real body: long, or followed by another paragraph. */
function findBodyAnchor(state: State, from: number): number {
  for (let i = from; i < state.lines.length; i++) {
    if (!isProseLine(state, i) || state.lines[i]!.repeats > 1) continue;
    if (state.lines[i]!.words >= ANCHOR_MIN_WORDS) return i;
    const j = nextNonBlank(state, i + 1);
    if (isProseLine(state, j) || (state.classes[j]?.type === 'caption' && isProseLine(state, nextNonBlank(state, j + 1)))) return i;
  }
  return -1;
}

/** Labels the lines before the body anchor; returns the index where the body starts (after a dek). */
function readHeader(state: State, from: number, anchor: number, article: number): number {
  const { lines, classes, roles } = state;
  let headline = -1;
  for (let i = anchor - 1; i >= from && headline < 0; i--) {
    const cls = classes[i]!;
    if (lines[i]!.isBlank) continue;
    if (isHeaderMeta(cls)) roles[i] = { article, role: 'meta', reason: cls.reason ?? 'other' };
    else if (cls.type === 'caption') roles[i] = { article, role: 'caption', reason: 'caption' };
    else if (isHeadlineCandidate(state, i)) headline = firstDuplicate(state, from, i);
    else roles[i] = { article, role: 'boilerplate', reason: cls.reason ?? 'other' };
  }
  if (headline >= 0) headline = preferEarlierHeadline(state, from, headline);
  for (let i = from; i < anchor; i++) {
    if (roles[i]!.article >= 0 || lines[i]!.isBlank) continue;
    const isDuplicate = headline >= 0 && i !== headline && sameText(state, i, headline);
    const reason: SpanReason = isDuplicate ? 'duplicate-headline' : i < headline ? 'navigation' : classes[i]!.reason ?? 'other';
    roles[i] = i === headline ? { article, role: 'headline' } : { article, role: 'boilerplate', reason };
  }
  if (headline >= 0) {
    state.headlineKeys.add(duplicateKey(lines[headline]!.key.key));
    markDek(state, headline, anchor, article);
  }
  return isDek(state, headline, anchor) ? (roles[anchor] = { article, role: 'dek' }, anchor + 1) : anchor;
}

function isHeaderMeta(cls: LineClass): boolean {
  return cls.type === 'date' || cls.type === 'byline' || cls.type === 'dateline' || cls.type === 'source' || cls.type === 'credit';
}

function isHeadlineCandidate(state: State, i: number): boolean {
  const cls = state.classes[i]!;
  const line = state.lines[i]!;
  if (line.hint && /^h[1-3]$/u.test(line.hint.tag)) return true;
  return (cls.type === 'title' || cls.type === 'paragraph') && line.words <= HEADLINE_MAX_WORDS;
}

/** The earliest line in the header with the same text (repeated headlines keep the first copy). */
function firstDuplicate(state: State, from: number, i: number): number {
  for (let j = from; j < i; j++) if (sameText(state, j, i)) return j;
  return i;
}

/** An `<h1>` earlier in the header wins over a later heading; so does a shorter title right above a longer one (title + dek). */
function preferEarlierHeadline(state: State, from: number, headline: number): number {
  for (let j = from; j < headline; j++) if (state.lines[j]!.hint?.tag === 'h1') return j;
  const prev = previousContent(state, from, headline);
  if (prev < 0 || state.classes[prev]!.type !== 'title') return headline;
  const isLongerBelow = state.lines[headline]!.words >= 10 && state.lines[prev]!.words < state.lines[headline]!.words;
  return isLongerBelow && state.lines[prev]!.repeats === 1 ? prev : headline;
}

/** The previous non-blank line that is not meta, within the header. */
function previousContent(state: State, from: number, i: number): number {
  for (let j = i - 1; j >= from; j--) {
    if (state.lines[j]!.isBlank || isHeaderMeta(state.classes[j]!)) continue;
    return j;
  }
  return -1;
}

/** Title-like lines between the headline and the body: a dek when long enough, else furniture. */
function markDek(state: State, headline: number, anchor: number, article: number): void {
  for (let i = headline + 1; i < anchor; i++) {
    const cls = state.classes[i]!;
    if (state.roles[i]!.role !== 'boilerplate' || state.roles[i]!.reason === 'duplicate-headline') continue;
    if ((cls.type === 'title' || cls.type === 'paragraph') && state.lines[i]!.words >= 6 && !state.roles.some((r) => r.article === article && r.role === 'dek')) {
      state.roles[i] = { article, role: 'dek' };
    }
  }
}

/** The first prose line is a dek when it sits right under the headline and a caption or a datelined lede follows it. */
function isDek(state: State, headline: number, anchor: number): boolean {
  if (headline < 0 || state.lines[anchor]!.words > DEK_MAX_WORDS) return false;
  if (state.roles.some((r, i) => r.role === 'dek' && i < anchor)) return false;
  if (nextNonBlank(state, headline + 1) !== anchor) return false;
  const next = nextNonBlank(state, anchor + 1);
  const after = state.classes[next]?.type === 'caption' ? nextNonBlank(state, next + 1) : next;
  if (!isProseLine(state, after)) return false;
  if (state.lines[anchor]!.hint?.tag === 'h2') return true;
  return state.classes[next]?.type === 'caption' || startsWithDateline(state.lines[after]!.text);
}

function sameText(state: State, a: number, b: number): boolean {
  return duplicateKey(state.lines[a]!.key.key) === duplicateKey(state.lines[b]!.key.key);
}

/** Reads body lines from `start` to the first hard stop; returns the index after the body. */
function readBody(state: State, start: number, article: number): number {
  const { lines, classes, roles } = state;
  let isFirst = true;
  let i = start;
  for (; i < lines.length; i++) {
    const cls = classes[i]!;
    if (lines[i]!.isBlank) continue;
    if (cls.type === 'paragraph') {
      roles[i] = bodyRole(state, i, article, isFirst);
      isFirst = false;
    } else if (cls.type === 'marker' && cls.inlineStart !== undefined && isProseLine(state, nextNonBlank(state, i + 1))) {
      roles[i] = { article, role: 'boilerplate', reason: 'related-links' };
    } else if (isInlineLinkBox(state, i)) {
      i = skipLinkBox(state, i, article);
    } else if (isHardStop(cls) || !proseResumes(state, i)) {
      break;
    } else {
      roles[i] = innerRole(state, i, article);
    }
  }
  return i;
}

function bodyRole(state: State, i: number, article: number, isFirst: boolean): LineAssignment {
  const cls = state.classes[i]!;
  const line = state.lines[i]!;
  if (isFirst && cls.bylinePrefix) return { article, role: 'body', bodyStart: cls.bylinePrefix.bodyStart, usesBylinePrefix: true };
  return { article, role: 'body', bodyStart: cls.gluedPrefixEnd ?? line.start };
}

/** A non-prose line inside the body: captions and furniture are cut, short subheadings stay. */
function innerRole(state: State, i: number, article: number): LineAssignment {
  const cls = state.classes[i]!;
  if (cls.type === 'caption') return { article, role: 'caption', reason: 'caption' };
  if (cls.type === 'title' && state.lines[i]!.repeats === 1) return { article, role: 'body', bodyStart: state.lines[i]!.start };
  return { article, role: 'boilerplate', reason: cls.reason ?? 'other' };
}

/** An HTML related-links box (a run of link lines) in the middle of the body, with prose after it. */
function isInlineLinkBox(state: State, i: number): boolean {
  const cls = state.classes[i]!;
  if (!state.lines[i]!.hint || cls.type !== 'boilerplate' || cls.reason !== 'related-links') return false;
  return isProseLine(state, nextNonBlank(state, linkBoxEnd(state, i)));
}

function linkBoxEnd(state: State, i: number): number {
  let j = i;
  while (j < state.lines.length && (state.lines[j]!.isBlank || (state.classes[j]!.type === 'boilerplate' && state.classes[j]!.reason === 'related-links'))) j++;
  return j;
}

/** Labels the link box as related links; returns its last line (the loop moves past it). */
function skipLinkBox(state: State, i: number, article: number): number {
  const end = linkBoxEnd(state, i);
  for (let j = i; j < end; j++) if (!state.lines[j]!.isBlank) state.roles[j] = { article, role: 'boilerplate', reason: 'related-links' };
  return end - 1;
}

/** True when a paragraph follows within BODY_LOOKAHEAD non-blank lines with no hard stop between. */
function proseResumes(state: State, i: number): boolean {
  let j = i + 1;
  for (let seen = 0; seen < BODY_LOOKAHEAD; seen++) {
    j = nextNonBlank(state, j);
    if (j >= state.lines.length) return false;
    if (isProseLine(state, j)) return true;
    if (isHardStop(state.classes[j]!)) return false;
    j++;
  }
  return false;
}

/**
 * Labels the lines after an article body until an appended article starts. Returns the index of the
 * appended article's headline, or null at the end of the page.
 */
function readTail(state: State, from: number, article: number): number | null {
  const { lines, classes, roles } = state;
  let sawMarker = false;
  let sawComments = false;
  let isFirst = true;
  for (let i = from; i < lines.length; i++) {
    if (lines[i]!.isBlank) continue;
    const cls = classes[i]!;
    sawComments ||= cls.reason === 'comments';
    if (!sawComments && isUnmarkedArticleStart(state, i)) return i;
    if (cls.type === 'marker') {
      const headline = appendedHeadline(state, i);
      if (headline !== null) {
        roles[i] = { article, role: 'boilerplate', reason: 'read-also-marker' };
        return headline;
      }
      sawMarker = true;
    }
    roles[i] = tailRole(state, i, article, { sawMarker, isFirst });
    if (cls.type !== 'credit') isFirst = false;
  }
  return null;
}

function tailRole(state: State, i: number, article: number, context: { sawMarker: boolean; isFirst: boolean }): LineAssignment {
  const cls = state.classes[i]!;
  const line = state.lines[i]!;
  if (cls.type === 'source' || cls.type === 'credit' || (cls.type === 'date' && !context.sawMarker)) return { article, role: 'meta', reason: cls.reason ?? 'other' };
  if (isDuplicateOfHeadline(state, i)) return { article, role: 'boilerplate', reason: 'duplicate-headline' };
  // HTML headings and widgets under the body are never signatures; a plain line or a <p> can be.
  if (line.hint && line.hint.tag !== 'p' && line.hint.tag !== 'div') {
    return { article, role: 'boilerplate', reason: cls.type === 'boilerplate' ? cls.reason ?? 'other' : context.sawMarker ? 'related-links' : 'other' };
  }
  const isOutletLine = cls.type === 'byline' && cls.outlet !== undefined;
  const isNamey = isOutletLine || ((cls.type === 'short' || cls.type === 'title') && line.words <= SIGNATURE_MAX_WORDS && line.repeats === 1 && !/[:.؟?!]$/u.test(line.text));
  if (context.isFirst && !context.sawMarker && isNamey) return { article, role: 'meta', reason: 'outlet', isSignature: true };
  if (cls.type === 'boilerplate' || cls.type === 'marker' || cls.type === 'caption') return { article, role: 'boilerplate', reason: cls.reason ?? 'other' };
  return { article, role: 'boilerplate', reason: context.sawMarker ? 'related-links' : 'other' };
}

function isDuplicateOfHeadline(state: State, i: number): boolean {
  return state.lines[i]!.repeats >= 2 && state.headlineKeys.has(duplicateKey(state.lines[i]!.key.key));
}

/**
 * An article appended with no marker: a title, then a date or dateline line, then a body. Not looked for
 * inside comment sections, where a name line followed by prose is a reader's comment.
 */
function isUnmarkedArticleStart(state: State, i: number): boolean {
  const line = state.lines[i]!;
  if (state.classes[i]!.type !== 'title' || line.repeats > 1 || line.words > HEADLINE_MAX_WORDS || line.hint?.furniture) return false;
  const first = firstAppendedParagraph(state, i);
  if (first === null || !hasArticleBody(state, first)) return false;
  for (let j = i + 1; j < first; j++) {
    const type = state.classes[j]!.type;
    if (type === 'date' || type === 'dateline') return true;
  }
  return false;
}

/** After a marker: the headline of a complete appended article, or null when only links follow. */
function appendedHeadline(state: State, marker: number): number | null {
  const headline = nextNonBlank(state, marker + 1);
  if (headline >= state.lines.length || state.classes[marker]!.inlineStart !== undefined) return null;
  const cls = state.classes[headline]!;
  if (!(cls.type === 'title' || cls.type === 'paragraph') || state.lines[headline]!.words > HEADLINE_MAX_WORDS) return null;
  if (state.lines[headline]!.repeats > 1) return null;
  const first = firstAppendedParagraph(state, headline);
  return first !== null && hasArticleBody(state, first) ? headline : null;
}

/** The first paragraph after an appended headline, skipping a few meta and promo lines. */
function firstAppendedParagraph(state: State, headline: number): number | null {
  let i = headline + 1;
  for (let seen = 0; seen <= APPENDED_HEADER_MAX_LINES; seen++) {
    i = nextNonBlank(state, i);
    if (i >= state.lines.length) return null;
    const cls = state.classes[i]!;
    if (cls.type === 'paragraph') return i;
    if (cls.type === 'marker' || (isHardStop(cls) && cls.type !== 'source')) return null;
    i++;
  }
  return null;
}

function hasArticleBody(state: State, first: number): boolean {
  let paragraphs = 0;
  let words = 0;
  let longest = 0;
  for (let i = first; i < state.lines.length; i++) {
    const cls = state.classes[i]!;
    if (state.lines[i]!.isBlank) continue;
    if (cls.type !== 'paragraph') {
      if (isHardStop(cls) || !proseResumes(state, i)) break;
      continue;
    }
    paragraphs++;
    words += state.lines[i]!.words;
    longest = Math.max(longest, state.lines[i]!.words);
  }
  return (paragraphs >= 2 && words >= APPENDED_MIN_WORDS) || longest >= APPENDED_SINGLE_WORDS;
}

/** Labels an appended article from its headline; returns the index after its body. */
function readAppended(state: State, headline: number, article: number): number {
  const first = firstAppendedParagraph(state, headline)!;
  state.roles[headline] = { article, role: 'headline' };
  state.headlineKeys.add(duplicateKey(state.lines[headline]!.key.key));
  for (let i = headline + 1; i < first; i++) {
    if (state.lines[i]!.isBlank) continue;
    const cls = state.classes[i]!;
    state.roles[i] = isHeaderMeta(cls) ? { article, role: 'meta', reason: cls.reason ?? 'other' } : { article, role: 'boilerplate', reason: cls.reason ?? 'other' };
  }
  return readBody(state, first, article);
}
