/**
 * Page segmentation, header side: finds where the main body starts and labels the lines above it
 * (headline, dek, date/byline/outlet meta, navigation, repeated headlines).
 */
import type { SpanReason } from '../core/article.ts';
import { findAbsoluteDates } from '../text/absolute-date.ts';
import { duplicateKey } from './line-key.ts';
import { startsWithDateline } from './line-meta.ts';
import { isInlineLinkBox, isMainTextLine, linkBoxEnd } from './segment-body.ts';
import { HEADLINE_MAX_WORDS, isHeaderMeta, isProseLine, nextNonBlank, sameText, type State } from './segment-state.ts';

/** A body needs this much prose to anchor an article: one long paragraph or two in a row. Chosen on seeds and fixtures. */
const ANCHOR_MIN_WORDS = 30;
/** A first line this short, above a longer paragraph, is the headline even with a full stop. */
const FIRST_LINE_HEADLINE_MAX_WORDS = 20;
/** A bare outlet-name line under the headline («عين الحدث») has a few words. */
const BARE_NAME_MAX_WORDS = 4;
/** A dek (standfirst) is one paragraph; longer is the lede. */
const DEK_MAX_WORDS = 60;

/** First paragraph that starts a real body: long, or followed by another paragraph. */
export function findBodyAnchor(state: State, from: number): number {
  for (let i = from; i < state.lines.length; i++) {
    if (
      !isProseLine(state, i) ||
      isRepeated(state, i) ||
      state.lines[i]!.hint?.furniture ||
      isHeadingLike(state, i, from)
    )
      continue;
    if (state.inMain && !state.inMain[i]) continue; // HTML with a main content: the body starts inside it.
    if (state.lines[i]!.words >= ANCHOR_MIN_WORDS) return i;
    const next = nextNonBlank(state, i + 1);
    const j = isInlineLinkBox(state, next) ? nextNonBlank(state, linkBoxEnd(state, next)) : next;
    if (
      isProseLine(state, j) ||
      (state.classes[j]?.type === 'caption' && isProseLine(state, nextNonBlank(state, j + 1)))
    )
      return i;
  }
  return firstLoneParagraph(state, from);
}

/** A line printed more than once; inside an HTML main content only copies inside it count (a caption may repeat the lede). */
function isRepeated(state: State, i: number): boolean {
  if (state.lines[i]!.repeats <= 1) return false;
  if (!state.inMain?.[i]) return true;
  for (let j = 0; j < state.lines.length; j++) if (j !== i && state.inMain[j] && sameText(state, i, j)) return true;
  return false;
}

/** A page whose article is a single short paragraph: its first prose line that is not furniture or a heading. */
function firstLoneParagraph(state: State, from: number): number {
  for (let i = from; i < state.lines.length; i++) {
    if (state.inMain && !state.inMain[i]) continue;
    if (
      isProseLine(state, i) &&
      state.lines[i]!.repeats === 1 &&
      !state.lines[i]!.hint?.furniture &&
      !isHeadingLike(state, i, from)
    )
      return i;
  }
  return -1;
}

/**
 * A headline that ends with a full stop still reads as prose; it is a heading when it is an HTML heading, or the
 * first line of a text page and shorter than the paragraph under it («الوزير يلتقي نظيره لبحث الأزمة.»).
 */
function isHeadingLike(state: State, i: number, from: number): boolean {
  const line = state.lines[i]!;
  if (line.hint) return /^h[1-3]$/u.test(line.hint.tag);
  if (nextNonBlank(state, from) !== i || line.words > FIRST_LINE_HEADLINE_MAX_WORDS) return false;
  const next = nextNonBlank(state, i + 1);
  return isProseLine(state, next) && state.lines[next]!.words > line.words;
}

/** Labels the lines before the body anchor; returns the index where the body starts (after a dek). */
export function readHeader(state: State, from: number, anchor: number, article: number): number {
  const { lines, classes, roles } = state;
  let headline = -1;
  // Inside an HTML page's main content, the article's own text lines right above the first paragraph (a lede
  // without a full stop, a list, a short line) start the body; the header begins at the first other line.
  let bodyStart = anchor;
  let isExtending = state.inMain !== null;
  for (let i = anchor - 1; i >= from && headline < 0; i--) {
    const cls = classes[i]!;
    if (lines[i]!.isBlank) continue;
    if (
      isExtending &&
      isMainTextLine(state, i) &&
      !isStatedHeadline(state, i) &&
      !isDatedHeaderLine(state, i) &&
      lines[i]!.repeats === 1
    ) {
      bodyStart = i;
      continue;
    }
    if (isExtending && state.inMain![i] && cls.type === 'caption') {
      roles[i] = { article, role: 'caption', reason: 'caption' };
      continue;
    }
    isExtending = false;
    if (isHeaderMeta(cls)) roles[i] = { article, role: 'meta', reason: cls.reason ?? 'other' };
    else if (cls.type === 'caption') roles[i] = { article, role: 'caption', reason: 'caption' };
    else if (isHeadlineCandidate(state, i)) headline = firstDuplicate(state, from, i);
    else roles[i] = { article, role: 'boilerplate', reason: cls.reason ?? 'other' };
  }
  if (headline >= 0) headline = preferEarlierHeadline(state, from, headline);
  for (let i = from; i < bodyStart; i++) {
    if (roles[i]!.article >= 0 || lines[i]!.isBlank) continue;
    const isDuplicate = headline >= 0 && i !== headline && sameText(state, i, headline);
    const reason: SpanReason = isDuplicate
      ? 'duplicate-headline'
      : i < headline
        ? 'navigation'
        : (classes[i]!.reason ?? 'other');
    if (i < headline && classes[i]!.type === 'date' && isRightAbove(state, i, headline))
      roles[i] = { article, role: 'meta', reason: 'date' };
    else roles[i] = i === headline ? { article, role: 'headline' } : { article, role: 'boilerplate', reason };
  }
  if (headline >= 0) {
    state.headlineKeys.add(duplicateKey(lines[headline]!.key.key));
    markDek(state, headline, bodyStart, article);
  }
  if (bodyStart < anchor) return bodyStart;
  return isDek(state, headline, anchor) ? ((roles[anchor] = { article, role: 'dek' }), anchor + 1) : anchor;
}

/** A line that is not prose and carries a date («05/10/2018 - Publicado por: …»): header meta, not the article's text. */
function isDatedHeaderLine(state: State, i: number): boolean {
  return state.classes[i]!.type !== 'paragraph' && findAbsoluteDates(state.lines[i]!.text).length > 0;
}

/** The line repeats the headline the page states in its metadata. */
function isStatedHeadline(state: State, i: number): boolean {
  return state.statedHeadlineKey !== null && duplicateKey(state.lines[i]!.key.key) === state.statedHeadlineKey;
}

function isHeadlineCandidate(state: State, i: number): boolean {
  const cls = state.classes[i]!;
  const line = state.lines[i]!;
  if (line.hint && /^h[1-3]$/u.test(line.hint.tag)) return true;
  return (cls.type === 'title' || cls.type === 'paragraph') && line.words <= HEADLINE_MAX_WORDS;
}

/** True when only blank lines separate line `i` from the headline below it (a date printed above the title). */
function isRightAbove(state: State, i: number, headline: number): boolean {
  return nextNonBlank(state, i + 1) === headline;
}

/** The earliest line in the header with the same text (repeated headlines keep the first copy). */
function firstDuplicate(state: State, from: number, i: number): number {
  for (let j = from; j < i; j++) if (sameText(state, j, i)) return j;
  return i;
}

/** An `<h1>` earlier in the header wins over a later heading; so does a shorter title right above a longer one (title + dek). */
function preferEarlierHeadline(state: State, from: number, headline: number): number {
  // The <h1> nearest the body that is not a logo or widget heading («CNN» in a banner).
  for (let j = headline - 1; j >= from; j--) {
    const line = state.lines[j]!;
    if (line.hint?.tag === 'h1' && !line.hint.furniture && line.words >= 2) return j;
  }
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

/** «عين الحدث» alone under the headline: a bare outlet name (a few words, no punctuation or function words). */
function isBareName(state: State, i: number): boolean {
  const line = state.lines[i]!;
  const type = state.classes[i]!.type;
  if ((type !== 'short' && type !== 'title') || line.words < 2 || line.words > BARE_NAME_MAX_WORDS || line.hint)
    return false;
  return line.stopRatio === 0 && line.punctuation === 0 && line.repeats === 1;
}

/** Title-like lines between the headline and the body: a dek when long enough, a bare outlet name, else furniture. */
function markDek(state: State, headline: number, anchor: number, article: number): void {
  for (let i = headline + 1; i < anchor; i++) {
    const cls = state.classes[i]!;
    if (state.roles[i]!.role !== 'boilerplate' || state.roles[i]!.reason === 'duplicate-headline') continue;
    if (isBareName(state, i)) {
      state.roles[i] = { article, role: 'meta', reason: 'outlet', isBareName: true };
      continue;
    }
    if (
      (cls.type === 'title' || cls.type === 'paragraph') &&
      state.lines[i]!.words >= 6 &&
      !state.roles.some((r) => r.article === article && r.role === 'dek')
    ) {
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
