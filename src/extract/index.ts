/**
 * Extraction stage: RawPage → PageExtraction. Plain text is segmented line by line; HTML is first
 * rendered to blocks (one line each, with structural hints) and metadata, then segmented the same way.
 */
import type { PageExtraction, PageSpan } from '../core/article.ts';
import type { RawPage } from '../core/page.ts';
import { compareSpans } from '../core/span.ts';
import type { SiteMeta } from './article-meta.ts';
import { buildArticles } from './build-article.ts';
import { classifyLine, type LineClass } from './classify-line.ts';
import { renderHtml } from './html-blocks.ts';
import { splitLines, type BlockHint, type Line } from './lines.ts';
import type { MainContent } from './main-content.ts';
import { segmentLines } from './segment.ts';

/** Pages whose letters are at least this Arabic treat Latin-only lines as captions. */
const ARABIC_PAGE_RATIO = 0.5;

/** Extracts the articles of one page. Pure: same page, same output. */
export function extractPage(page: RawPage): PageExtraction {
  if (page.contentType === 'text/html') {
    const rendered = renderHtml(page.body, page.url);
    return extractText(rendered.text, rendered.hints, rendered.meta, rendered.main);
  }
  return extractText(page.body, [], null);
}

/** Segments a page text (plain text, or HTML rendered to one block per line with `hints` and its main content). */
export function extractText(pageText: string, hints: readonly (BlockHint | null)[], site: SiteMeta | null, main: MainContent | null = null): PageExtraction {
  const lines = splitLines(pageText, hints);
  const context = { isArabicPage: arabicShare(lines) >= ARABIC_PAGE_RATIO };
  const classified = lines.map((line) => classifyLine(line, context));
  const classes = main ? restrictToMain(lines, classified, main) : classified;
  const roles = segmentLines(lines, classes, main?.inMain ?? null);
  const articles = buildArticles({ pageText, lines, classes, roles }, site);
  const orphans: PageSpan[] = lines
    .filter((line, i) => roles[i]!.article < 0 && !line.isBlank)
    .map((line) => ({ kind: 'boilerplate', reason: roles[line.index]!.reason ?? 'other', start: line.start, end: line.end }));
  const spans = [...articles.flatMap((a) => a.spans), ...orphans].sort(compareSpans);
  return { pageText, articles, spans };
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
    if (main.inMain[i] && (cls.type === 'title' || cls.type === 'short') && isMainProse(lines[i]!)) return { type: 'paragraph' };
    // After the main content, lines keep their classes: the tail reader still finds appended articles and related lists there.
    if (main.inMain[i] || (i >= headerStart && i < first) || i > last || lines[i]!.isBlank) return cls;
    return { type: 'boilerplate', reason: cls.type === 'boilerplate' && cls.reason ? cls.reason : 'outside-main-content' };
  });
}

/** Inside the main content, prose lines of any language: long, or a sentence (Latin, Arabic or CJK full stop). */
const MAIN_PROSE_MIN_WORDS = 20;
const MAIN_PROSE_MIN_CHARS = 100;
const MAIN_SENTENCE_MIN_CHARS = 25;
const ANY_SENTENCE_END_RE = /[.!?؟…。！？](?:["'”’»)\]」』\s]*)$/u;

function isMainProse(line: Line): boolean {
  const hint = line.hint;
  if (!hint || hint.furniture || hint.linkDensity >= 0.5 || /^(?:h[1-6]|figcaption|caption|th|dt|time)$/u.test(hint.tag)) return false;
  const chars = line.end - line.start;
  return line.words >= MAIN_PROSE_MIN_WORDS || chars >= MAIN_PROSE_MIN_CHARS || (chars >= MAIN_SENTENCE_MIN_CHARS && ANY_SENTENCE_END_RE.test(line.text));
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
