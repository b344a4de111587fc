/**
 * Page segmentation, tail side: labels what follows an article body (source and credit lines, signature,
 * related-link lists, furniture) and finds complete articles appended after a marker, or with no marker.
 */
import { isHardStop } from './classify-line.ts';
import { duplicateKey } from './line-key.ts';
import { proseResumes, readBody } from './segment-body.ts';
import { HEADLINE_MAX_WORDS, isHeaderMeta, nextNonBlank, type LineAssignment, type State } from './segment-state.ts';

/**
 * An article appended after a marker needs two prose paragraphs with this many words, or one paragraph of
 * APPENDED_SINGLE_WORDS; a link list has none, a teaser one short one. Chosen on seeds, examples and fixtures.
 */
const APPENDED_MIN_WORDS = 25;
const APPENDED_SINGLE_WORDS = 50;
/** Between a marker and an appended article's first paragraph: headline plus a few meta/promo lines. */
const APPENDED_HEADER_MAX_LINES = 4;
/** Signature lines under the body are a name of a few words («سونا نيوز»). */
const SIGNATURE_MAX_WORDS = 4;

/**
 * Labels the lines after an article body until an appended article starts. Returns the index of the
 * appended article's headline, or null at the end of the page.
 */
export function readTail(state: State, from: number, article: number): number | null {
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

function tailRole(
  state: State,
  i: number,
  article: number,
  context: { sawMarker: boolean; isFirst: boolean },
): LineAssignment {
  const cls = state.classes[i]!;
  const line = state.lines[i]!;
  if (cls.type === 'source' || cls.type === 'credit' || (cls.type === 'date' && !context.sawMarker))
    return { article, role: 'meta', reason: cls.reason ?? 'other' };
  if (isDuplicateOfHeadline(state, i)) return { article, role: 'boilerplate', reason: 'duplicate-headline' };
  // HTML headings and widgets under the body are never signatures; a plain line or a <p> can be.
  if (line.hint && line.hint.tag !== 'p' && line.hint.tag !== 'div') {
    return {
      article,
      role: 'boilerplate',
      reason: cls.type === 'boilerplate' ? (cls.reason ?? 'other') : context.sawMarker ? 'related-links' : 'other',
    };
  }
  const isOutletLine = cls.type === 'byline' && cls.outlet !== undefined;
  const isNamey =
    isOutletLine ||
    ((cls.type === 'short' || cls.type === 'title') &&
      line.words <= SIGNATURE_MAX_WORDS &&
      line.repeats === 1 &&
      !/[:.؟?!]$/u.test(line.text));
  if (context.isFirst && !context.sawMarker && isNamey)
    return { article, role: 'meta', reason: 'outlet', isBareName: true };
  if (cls.type === 'boilerplate' || cls.type === 'marker' || cls.type === 'caption')
    return { article, role: 'boilerplate', reason: cls.reason ?? 'other' };
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
  if (state.classes[i]!.type !== 'title' || line.repeats > 1 || line.words > HEADLINE_MAX_WORDS || line.hint?.furniture)
    return false;
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
  if (!(cls.type === 'title' || cls.type === 'paragraph') || state.lines[headline]!.words > HEADLINE_MAX_WORDS)
    return null;
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
export function readAppended(state: State, headline: number, article: number): number {
  const first = firstAppendedParagraph(state, headline)!;
  state.roles[headline] = { article, role: 'headline' };
  state.headlineKeys.add(duplicateKey(state.lines[headline]!.key.key));
  for (let i = headline + 1; i < first; i++) {
    if (state.lines[i]!.isBlank) continue;
    const cls = state.classes[i]!;
    state.roles[i] = isHeaderMeta(cls)
      ? { article, role: 'meta', reason: cls.reason ?? 'other' }
      : { article, role: 'boilerplate', reason: cls.reason ?? 'other' };
  }
  return readBody(state, first, article);
}
