/**
 * Page segmentation, body side: reads an article body from its first paragraph to the first hard stop,
 * keeping subheadings, cutting captions, in-body link boxes and glued link text.
 */
import { isHardStop } from './classify-line.ts';
import { isProseLine, nextNonBlank, type LineAssignment, type State } from './segment-state.ts';

/** Shortest line ending in a full stop that still counts as a body sentence. Chosen on the fixtures. */
const SHORT_SENTENCE_MIN_WORDS = 4;
/** Non-prose lines inside a body are kept only if prose resumes within this many non-blank lines. */
const BODY_LOOKAHEAD = 3;
/** Inside an HTML page's main content, prose may resume further down (figures, ads, credits, embeds in between). */
const MAIN_LOOKAHEAD = 20;
/** …across at most this many lines left out of the main content between two of its parts. */
const MAIN_GAP_MAX_LINES = 40;

/** Reads body lines from `start` to the first hard stop; returns the index after the body. */
export function readBody(state: State, start: number, article: number): number {
  const { lines, classes, roles } = state;
  let isFirst = true;
  let i = start;
  const end = state.inMain?.[start] ? state.mainEnd : lines.length;
  const isForeign = foreignFurniture(state, start);
  for (; i < end; i++) {
    const cls = classes[i]!;
    if (lines[i]!.isBlank) continue;
    if (isInlineLinkBox(state, i)) {
      i = skipLinkBox(state, i, article);
    } else if ((cls.type === 'paragraph' || isShortSentence(state, i)) && !isForeign(i)) {
      roles[i] = bodyRole(state, i, article, isFirst);
      isFirst = false;
    } else if (
      cls.type === 'marker' &&
      cls.inlineStart !== undefined &&
      (isProseLine(state, nextNonBlank(state, i + 1)) ||
        (state.inMain?.[i] === true && mainTextResumes(state, i, isForeign)))
    ) {
      roles[i] = { article, role: 'boilerplate', reason: 'related-links' };
    } else if (
      state.inMain &&
      (state.inMain[i] || state.inMain[start]) &&
      cls.type !== 'marker' &&
      mainTextResumes(state, i, isForeign)
    ) {
      roles[i] = isMainTextLine(state, i)
        ? { article, role: 'body', bodyStart: lines[i]!.start }
        : innerRole(state, i, article);
    } else if (isMainTextLine(state, i) && !isClosingName(state, i)) {
      roles[i] = { article, role: 'body', bodyStart: lines[i]!.start }; // lists and short lines of the article's own text
    } else if (isHardStop(cls) || !proseResumes(state, i, isForeign)) {
      break;
    } else {
      roles[i] = innerRole(state, i, article);
    }
  }
  trimTrailingNotes(state, start, i, article);
  return i;
}

/** A note under an article is short. */
const NOTE_MAX_WORDS = 40;
/** An e-mail address or a social handle, both ASCII (a web address alone is not enough: articles cite their sources). */
const CONTACT_RE = /[A-Za-z0-9_.-]+@[A-Za-z0-9_-]+\.[a-z]|(?:^|\s)@[A-Za-z0-9_]/iu;
/** A line wholly in brackets: «(Reporting by …; editing by …)», «[Photo: …]». */
const BRACKETED_RE = /^[(\[（][^()\[\]]*[)\]）][.]?$/u;

/**
 * The last body lines that are notes rather than the story: a short line with an e-mail address or a social handle
 * («Follow us on Twitter @…», «راسلونا على …@…»), or a line wholly in brackets (a wire credit «(Reporting by …)»).
 * The first body line is never cut.
 */
function trimTrailingNotes(state: State, start: number, end: number, article: number): void {
  let first = -1;
  for (let i = start; i < end; i++)
    if (state.roles[i]!.role === 'body' && state.roles[i]!.article === article) {
      first = i;
      break;
    }
  for (let i = end - 1; i > first && first >= 0; i--) {
    const role = state.roles[i]!;
    if (state.lines[i]!.isBlank || role.article !== article || role.role !== 'body') continue;
    const line = state.lines[i]!;
    if (line.words > NOTE_MAX_WORDS) return;
    if (BRACKETED_RE.test(line.text)) state.roles[i] = { article, role: 'meta', reason: 'cited-sources' };
    else if (CONTACT_RE.test(line.text)) state.roles[i] = { article, role: 'boilerplate', reason: 'share' };
    else return;
  }
}

/**
 * HTML: lines inside a furniture element (a «related», «promo» or author box) the body did not start in belong to that
 * box, not to the article, even when they read as prose.
 */
function foreignFurniture(state: State, start: number): (i: number) => boolean {
  if (!state.inMain) return () => false;
  const own = state.lines[start]!.hint?.furniture ?? null;
  return (i) => {
    const furniture = state.lines[i]!.hint?.furniture ?? null;
    return furniture !== null && furniture !== own;
  };
}

/** «ودعت المواطنين إلى الحذر.»: a short line ending in a full stop inside a body is prose, not a title. */
function isShortSentence(state: State, i: number): boolean {
  const line = state.lines[i]!;
  return (
    state.classes[i]!.type === 'title' &&
    line.words >= SHORT_SENTENCE_MIN_WORDS &&
    /[^.]\.["'”»)]*$/u.test(line.text) &&
    !line.hint?.furniture
  );
}

function bodyRole(state: State, i: number, article: number, isFirst: boolean): LineAssignment {
  const cls = state.classes[i]!;
  const line = state.lines[i]!;
  if (isFirst && cls.bylinePrefix)
    return { article, role: 'body', bodyStart: cls.bylinePrefix.bodyStart, usesBylinePrefix: true };
  return { article, role: 'body', bodyStart: cls.gluedPrefixEnd ?? line.start };
}

/** A non-prose line inside the body: captions and furniture are cut, short subheadings stay. */
function innerRole(state: State, i: number, article: number): LineAssignment {
  const cls = state.classes[i]!;
  if (cls.type === 'caption') return { article, role: 'caption', reason: 'caption' };
  if (cls.type === 'source' || cls.type === 'credit' || cls.type === 'date')
    return { article, role: 'meta', reason: cls.reason ?? 'other' };
  // A linked heading inside the body is a link to another story, not a subheading.
  if (isLinkedHeading(state, i)) return { article, role: 'boilerplate', reason: 'related-links' };
  if (cls.type === 'title' && state.lines[i]!.repeats === 1)
    return { article, role: 'body', bodyStart: state.lines[i]!.start };
  if (isMainSubheading(state, i)) return { article, role: 'body', bodyStart: state.lines[i]!.start };
  return { article, role: 'boilerplate', reason: cls.reason ?? 'other' };
}

/** An HTML related-links box (link lines, or a «read also» teaser box) inside the body, with the body's prose after it. */
export function isInlineLinkBox(state: State, i: number): boolean {
  if (!isLinkBoxLine(state, i)) return false;
  const after = nextNonBlank(state, linkBoxEnd(state, i));
  return isProseLine(state, after) && !state.lines[after]!.hint?.furniture;
}

/** A line of an HTML related box: a link line, or anything inside a container marked «related». */
function isLinkBoxLine(state: State, i: number): boolean {
  const cls = state.classes[i];
  if (cls === undefined || !state.lines[i]!.hint) return false;
  return (
    state.lines[i]!.hint!.furniture === 'related-links' ||
    (cls.type === 'boilerplate' && cls.reason === 'related-links')
  );
}

export function linkBoxEnd(state: State, i: number): number {
  let j = i;
  while (j < state.lines.length && (state.lines[j]!.isBlank || isLinkBoxLine(state, j))) j++;
  return j;
}

/** Labels the link box as related links; returns its last line (the loop moves past it). */
function skipLinkBox(state: State, i: number, article: number): number {
  const end = linkBoxEnd(state, i);
  for (let j = i; j < end; j++)
    if (!state.lines[j]!.isBlank) state.roles[j] = { article, role: 'boilerplate', reason: 'related-links' };
  return end - 1;
}

/** True when a paragraph follows within BODY_LOOKAHEAD non-blank lines with no hard stop between. */
export function proseResumes(state: State, i: number, isForeign: (j: number) => boolean = () => false): boolean {
  let j = i + 1;
  for (let seen = 0; seen < BODY_LOOKAHEAD; seen++) {
    j = nextNonBlank(state, j);
    if (j >= state.lines.length) return false;
    if (isProseLine(state, j) && !isForeign(j)) return true;
    if (isHardStop(state.classes[j]!)) return false;
    j++;
  }
  return false;
}

/**
 * Inside the main content: more of the article's text (prose, or a list item, table row or short text line)
 * follows within MAIN_LOOKAHEAD non-blank lines of main content, before any marker.
 */
function mainTextResumes(state: State, i: number, isForeign: (j: number) => boolean): boolean {
  // After a linked heading (a teaser's title), only prose goes on with the article: a teaser's summary does not.
  const needsProse = isLinkedHeading(state, i);
  let j = i + 1;
  for (let seen = 0, outside = 0; seen < MAIN_LOOKAHEAD && outside < MAIN_GAP_MAX_LINES; j++) {
    j = nextNonBlank(state, j);
    if (j < state.lines.length && isInlineLinkBox(state, j)) {
      j = linkBoxEnd(state, j) - 1; // an in-body «Related articles» box: the body goes on after it
      continue;
    }
    if (j >= state.lines.length || state.classes[j]!.type === 'marker') return false;
    // Lines left out of the main content between two of its parts (a figure, a pull-out box) do not end the body.
    if (!state.inMain?.[j]) {
      outside++;
      continue;
    }
    if (isForeign(j)) {
      seen++;
      continue;
    }
    if (isProseLine(state, j) || (!needsProse && (isShortSentence(state, j) || isMainTextLine(state, j)))) return true;
    if (state.classes[j]!.type !== 'caption') seen++; // a gallery's captions do not use up the lookahead
  }
  return false;
}

/** A signature is a name of a few words. */
const CLOSING_NAME_MAX_WORDS = 4;

/**
 * The last text line of the main content, when it is a bare name of a few words («عين الحدث», «Team Snopes») in a
 * paragraph or div: a signature, left to the tail reader (which reads it as the outlet), not body text.
 */
function isClosingName(state: State, i: number): boolean {
  const line = state.lines[i]!;
  return (
    /^(?:p|div)$/u.test(line.hint?.tag ?? '') &&
    line.words <= CLOSING_NAME_MAX_WORDS &&
    line.punctuation === 0 &&
    !/[:：.؟?!]$/u.test(line.text)
  );
}

/** A heading that is mostly a link: the title of a teaser (next/previous post, related stories). */
function isLinkedHeading(state: State, i: number): boolean {
  const hint = state.lines[i]?.hint;
  return hint !== null && hint !== undefined && /^h[1-6]$/u.test(hint.tag) && hint.linkDensity >= 0.5;
}

const NON_TEXT_TAG_RE = /^(?:h[1-6]|figcaption|caption|time|summary)$/u;
const TEXT_TYPES: ReadonlySet<string> = new Set(['paragraph', 'title', 'short']);

/**
 * Inside the main content: a text line of the article (prose, a list item, a table row, a short line of its own
 * text) — not a link line, heading, caption, furniture or meta line.
 */
export function isMainTextLine(state: State, i: number): boolean {
  const line = state.lines[i]!;
  const hint = line.hint;
  if (!state.inMain?.[i] || !hint || hint.furniture || hint.linkDensity >= 0.5 || NON_TEXT_TAG_RE.test(hint.tag))
    return false;
  return TEXT_TYPES.has(state.classes[i]!.type);
}

/** Inside the main content: a subheading (h2–h6) of the article's own text. */
function isMainSubheading(state: State, i: number): boolean {
  const line = state.lines[i]!;
  const hint = line.hint;
  if (!state.inMain?.[i] || !hint || hint.furniture || hint.linkDensity >= 0.5 || line.repeats > 1) return false;
  return /^h[2-6]$/u.test(hint.tag) && TEXT_TYPES.has(state.classes[i]!.type);
}
