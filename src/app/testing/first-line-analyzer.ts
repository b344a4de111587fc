/**
 * A deliberately small stand-in for `analyzePage`, for ingest tests only: the first line is the headline,
 * the other lines are body paragraphs, lines starting with «اقرأ أيضاً» are removed as related links.
 */
import type { PageSpan } from '../../core/article.ts';
import { EngineError } from '../../core/errors.ts';
import type { RawPage } from '../../core/page.ts';
import type { AnalyzedPageLike } from '../page-record.ts';

const READ_ALSO = /^اقرأ أيضاً/u;
const TAG = /<[^<>]*>/g;

/** Splits the page into lines; throws `analyze/failed` when there is no body line at all. */
export function analyzeByFirstLine(page: RawPage): AnalyzedPageLike {
  const pageText = page.contentType === 'text/html' ? page.body.replace(TAG, '\n') : page.body;
  const lines: { start: number; end: number; text: string }[] = [];
  let at = 0;
  for (const raw of pageText.split('\n')) {
    const trimmed = raw.trim();
    if (trimmed !== '') {
      const start = at + raw.indexOf(trimmed);
      lines.push({ start, end: start + trimmed.length, text: trimmed });
    }
    at += raw.length + 1;
  }
  const [headline, ...rest] = lines;
  const bodyLines = rest.filter((line) => !READ_ALSO.test(line.text));
  if (!headline || bodyLines.length === 0) throw new EngineError('analyze/failed', 'No body lines.');
  const spans: PageSpan[] = [
    { kind: 'headline', start: headline.start, end: headline.end, article: 0 },
    ...rest.map(
      (line): PageSpan =>
        READ_ALSO.test(line.text)
          ? { kind: 'boilerplate', reason: 'related-links', start: line.start, end: line.end }
          : { kind: 'body', start: line.start, end: line.end, article: 0 },
    ),
  ];
  let bodyAt = 0;
  const paragraphs = bodyLines.map((line) => {
    const body = { start: bodyAt, end: bodyAt + line.text.length };
    bodyAt = body.end + 1;
    return { page: { start: line.start, end: line.end }, body };
  });
  const article = {
    headline: headline.text,
    dek: null,
    body: bodyLines.map((line) => line.text).join('\n'),
    published: null,
    outlet: null,
    citedSources: [],
    spans: spans.filter((span) => span.article === 0),
    paragraphs,
  };
  return { pageText, spans, articles: [article] };
}
