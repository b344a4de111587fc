/**
 * Extraction stage: RawPage → PageExtraction. Plain text is segmented line by line; HTML is first
 * rendered to blocks (one line each, with structural hints) and metadata, then segmented the same way.
 */
import type { PageExtraction, PageSpan } from '../core/article.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import type { RawPage } from '../core/page.ts';
import { compareSpans } from '../core/span.ts';
import type { SiteMeta } from './article-meta.ts';
import { buildArticles } from './build-article.ts';
import { classifyLine, type LineClass } from './classify-line.ts';
import { renderHtml } from './html-blocks.ts';
import { outletOfUrl, siteHostOfUrl } from './lexicons/news-domains.ts';
import { splitLines, type BlockHint, type Line } from './lines.ts';
import type { MainContent } from './main-content.ts';
import { segmentLines, type LineAssignment } from './segment.ts';

/** Pages whose letters are at least this Arabic treat Latin-only lines as captions. */
const ARABIC_PAGE_RATIO = 0.5;

/** Extracts the articles of one page. Pure: same page, same output. */
export function extractPage(page: RawPage): PageExtraction {
  if (page.contentType === 'text/html') {
    const rendered = renderHtml(page.body, page.url);
    const extraction = extractText(rendered.text, rendered.hints, rendered.meta, rendered.main);
    const diagnostics = [...rendered.diagnostics, ...pageDiagnostics(extraction, rendered.main)];
    return diagnostics.length > 0 ? { ...extraction, diagnostics } : extraction;
  }
  const extraction = extractText(page.body, [], plainPageSite(page.url));
  const diagnostics = pageDiagnostics(extraction, null);
  return diagnostics.length > 0 ? { ...extraction, diagnostics } : extraction;
}

/** A plain-text page knows its site only from its address (a JSONL record's `url`): the outlet that host names. */
function plainPageSite(url: string): SiteMeta | null {
  const siteName = outletOfUrl(url);
  const siteHost = siteHostOfUrl(url);
  return siteName || siteHost ? { published: null, siteName, siteHost, headline: null } : null;
}

/** Segments a page text (plain text, or HTML rendered to one block per line with `hints` and its main content). */
export function extractText(
  pageText: string,
  hints: readonly (BlockHint | null)[],
  site: SiteMeta | null,
  main: MainContent | null = null,
): PageExtraction {
  const lines = splitLines(pageText, hints);
  const context = { isArabicPage: arabicShare(lines) >= ARABIC_PAGE_RATIO };
  const classified = lines.map((line) => classifyLine(line, context));
  let classes: readonly LineClass[] = main ? restrictToMain(lines, classified, main) : classified;
  const isListing = main !== null && isListingPage(lines, classes, main);
  let roles: LineAssignment[] = isListing
    ? lines.map((line) => ({
        article: -1,
        role: 'boilerplate',
        reason: classes[line.index]!.reason ?? 'related-links',
      }))
    : segmentLines(lines, classes, main?.inMain ?? null, site?.headline ?? null);
  let articles = buildArticles({ pageText, lines, classes, roles }, site);
  if (articles.length === 0 && main !== null && !isListing) {
    // Fallback cascade: the whole page without the main-content restriction, then the main content's text lines as the body.
    classes = classified;
    roles = segmentLines(lines, classes, null);
    articles = buildArticles({ pageText, lines, classes, roles }, site);
    if (articles.length === 0) {
      roles = mainTextRoles(lines, classes, main);
      articles = buildArticles({ pageText, lines, classes, roles }, site);
    }
  }
  if (articles.length === 0 && !isListing && lines.some((line) => line.hint !== null)) {
    // Still nothing on an HTML page: its longest run of sentences, whatever their markup (links included).
    const run = proseRunRoles(lines);
    if (run) {
      roles = run;
      articles = buildArticles({ pageText, lines, classes, roles }, site);
    }
  }
  const orphans: PageSpan[] = lines
    .filter((line, i) => roles[i]!.article < 0 && !line.isBlank)
    .map((line) => ({
      kind: 'boilerplate',
      reason: roles[line.index]!.reason ?? 'other',
      start: line.start,
      end: line.end,
    }));
  const spans = [...articles.flatMap((a) => a.spans), ...orphans].sort(compareSpans);
  if (isListing) {
    const diagnostics: Diagnostic[] = [
      {
        severity: 'warning',
        code: 'extract/not-an-article',
        message:
          'No article: the main block is a list of linked headlines with short summaries (a home or section page).',
      },
    ];
    return { pageText, articles, spans, diagnostics };
  }
  return { pageText, articles, spans };
}

/** Last resort for a main content the segmenter found no article in: its text lines (not links, headings, captions, furniture) are the body. */
function mainTextRoles(lines: readonly Line[], classes: readonly LineClass[], main: MainContent): LineAssignment[] {
  return lines.map((line): LineAssignment => {
    if (line.isBlank) return { article: -1, role: 'blank' };
    const hint = line.hint;
    const isText =
      main.inMain[line.index] &&
      hint !== null &&
      !hint.furniture &&
      hint.linkDensity < 0.5 &&
      !/^(?:h[1-6]|figcaption|caption|time)$/u.test(hint.tag) &&
      classes[line.index]!.type !== 'boilerplate' &&
      classes[line.index]!.type !== 'marker';
    if (isText) return { article: 0, role: 'body', bodyStart: line.start };
    return main.inMain[line.index]
      ? { article: 0, role: 'boilerplate', reason: classes[line.index]!.reason ?? 'other' }
      : { article: -1, role: 'boilerplate', reason: classes[line.index]!.reason ?? 'outside-main-content' };
  });
}

/** The last fallback needs this many words of sentences in one run, with at most RUN_MAX_GAP other lines between them. */
const RUN_MIN_WORDS = 50;
const RUN_MAX_GAP = 2;
const RUN_SENTENCE_MIN_WORDS = 8;

/** The page's longest run of sentence lines as one article body (others are furniture), or null when too short. */
function proseRunRoles(lines: readonly Line[]): LineAssignment[] | null {
  const isSentence = (line: Line): boolean =>
    line.words >= RUN_SENTENCE_MIN_WORDS && (line.endsSentence || line.words >= MAIN_PROSE_MIN_WORDS);
  type Run = { from: number; to: number; words: number };
  let best: Run | null = null as Run | null;
  let current: Run | null = null as Run | null;
  let gap = 0;
  for (const line of lines) {
    if (line.isBlank) continue;
    if (isSentence(line)) {
      const previous: Run | null = current;
      current =
        previous !== null && gap <= RUN_MAX_GAP
          ? { from: previous.from, to: line.index, words: previous.words + line.words }
          : { from: line.index, to: line.index, words: line.words };
      gap = 0;
      if (!best || current.words > best.words) best = current;
    } else gap++;
  }
  if (!best || best.words < RUN_MIN_WORDS) return null;
  const run = best;
  return lines.map((line): LineAssignment => {
    if (line.isBlank) return { article: -1, role: 'blank' };
    if (line.index >= run.from && line.index <= run.to && isSentence(line))
      return { article: 0, role: 'body', bodyStart: line.start };
    return { article: line.index >= run.from && line.index <= run.to ? 0 : -1, role: 'boilerplate', reason: 'other' };
  });
}

/** A listing: at least this many linked headlines in the main block, about one per summary, and no long paragraph. */
const LISTING_MIN_TITLES = 4;
const LISTING_TITLES_PER_PARAGRAPH = 0.5;
const LISTING_MAX_PARAGRAPH_WORDS = 60;

/** A home or section page: the best block is teasers (a linked heading and a short summary, again and again). */
function isListingPage(lines: readonly Line[], classes: readonly LineClass[], main: MainContent): boolean {
  let titles = 0;
  let paragraphs = 0;
  for (const line of lines) {
    // The best block alone: a short article with teaser blocks beside it is still an article.
    if (line.index < main.best.from || line.index >= main.best.to || !main.inMain[line.index] || !line.hint) continue;
    if (/^h[2-5]$/u.test(line.hint.tag) && line.hint.linkDensity >= 0.8 && line.words >= 3 && line.words <= 20)
      titles++;
    else if (classes[line.index]!.type === 'paragraph') {
      if (line.words > LISTING_MAX_PARAGRAPH_WORDS) return false;
      paragraphs++;
    }
  }
  return titles >= LISTING_MIN_TITLES && titles >= LISTING_TITLES_PER_PARAGRAPH * paragraphs;
}

/** The headline of an HTML page sits above its main content, at most this many lines up. */
const HEADER_MAX_LINES = 25;

/**
 * Lines above and between the parts of the main content are furniture (`outside-main-content`), except the header
 * right above it: from the nearest <h1> down, so the segmenter still finds the headline, dek, date and byline there.
 */
function restrictToMain(lines: readonly Line[], classes: readonly LineClass[], main: MainContent): LineClass[] {
  const first = main.inMain.indexOf(true);
  if (first < 0) return [...classes];
  const last = main.inMain.lastIndexOf(true);
  let headerStart = first;
  for (let i = first - 1; i >= Math.max(0, first - HEADER_MAX_LINES); i--) {
    if (lines[i]!.hint?.tag === 'h1') {
      headerStart = i;
      break;
    }
  }
  return classes.map((cls, i) => {
    if (main.inMain[i] && (cls.type === 'title' || cls.type === 'short') && isMainProse(lines[i]!))
      return { type: 'paragraph' };
    // After the main content, lines keep their classes: the tail reader still finds appended articles and related lists there.
    if (main.inMain[i] || (i >= headerStart && i < first) || i > last || lines[i]!.isBlank) return cls;
    return {
      type: 'boilerplate',
      reason: cls.type === 'boilerplate' && cls.reason ? cls.reason : 'outside-main-content',
    };
  });
}

/** Inside the main content, prose lines of any language: long, or a sentence (Latin, Arabic or CJK full stop). */
const MAIN_PROSE_MIN_WORDS = 20;
const MAIN_PROSE_MIN_CHARS = 100;
const MAIN_SENTENCE_MIN_CHARS = 25;
const ANY_SENTENCE_END_RE = /[.!?؟…。！？](?:["'”’»)\]」』\s]*)$/u;

function isMainProse(line: Line): boolean {
  const hint = line.hint;
  if (
    !hint ||
    hint.furniture ||
    hint.linkDensity >= 0.5 ||
    /^(?:h[1-6]|figcaption|caption|th|dt|time)$/u.test(hint.tag)
  )
    return false;
  const chars = line.end - line.start;
  return (
    line.words >= MAIN_PROSE_MIN_WORDS ||
    chars >= MAIN_PROSE_MIN_CHARS ||
    (chars >= MAIN_SENTENCE_MIN_CHARS && ANY_SENTENCE_END_RE.test(line.text))
  );
}

/** An article body shorter than this (words) is flagged `extract/too-short`; a page with less prose yields that code. */
const TOO_SHORT_WORDS = 25;
/** A page whose best block has this many rivals elsewhere on the page, and mostly links, is a home or section page. */
const SECTION_PAGE_RIVALS = 4;
const SECTION_PAGE_LINK_SHARE = 0.4;
const WORD_RE = /[\p{L}\p{N}]+/gu;

/** Explains an empty or doubtful extraction: no prose at all, a home/section page, or too little text. */
function pageDiagnostics(extraction: PageExtraction, main: MainContent | null): Diagnostic[] {
  if (extraction.diagnostics?.length) return [...extraction.diagnostics];
  const [first] = extraction.articles;
  if (first) {
    const words = first.body.match(WORD_RE)?.length ?? 0;
    return words < TOO_SHORT_WORDS
      ? [{ severity: 'info', code: 'extract/too-short', message: `The article body has ${words} words.` }]
      : [];
  }
  const words = extraction.pageText.match(WORD_RE)?.length ?? 0;
  if (words === 0) return [{ severity: 'warning', code: 'extract/no-main-content', message: 'The page has no text.' }];
  if (main && main.rivals >= SECTION_PAGE_RIVALS && linkShare(extraction) >= SECTION_PAGE_LINK_SHARE) {
    return [
      {
        severity: 'warning',
        code: 'extract/not-an-article',
        message: `No article: ${main.rivals} blocks of similar weight and mostly links (a home or section page).`,
      },
    ];
  }
  if (words < TOO_SHORT_WORDS)
    return [
      { severity: 'warning', code: 'extract/too-short', message: `No article: the page has only ${words} words.` },
    ];
  return [
    {
      severity: 'warning',
      code: 'extract/no-main-content',
      message: 'No article: no run of prose was found (lists, headlines or furniture only).',
    },
  ];
}

function linkShare(extraction: PageExtraction): number {
  let chars = 0;
  let related = 0;
  for (const span of extraction.spans) {
    chars += span.end - span.start;
    if (span.reason === 'related-links' || span.reason === 'navigation') related += span.end - span.start;
  }
  return chars === 0 ? 0 : related / chars;
}

/** Share of the page's letters that are Arabic rather than Latin. */
function arabicShare(lines: readonly Line[]): number {
  let letters = 0;
  let latin = 0;
  for (const line of lines) {
    letters += line.letters;
    latin += line.latinRatio * line.letters;
  }
  return letters === 0 ? 0 : 1 - latin / letters;
}
