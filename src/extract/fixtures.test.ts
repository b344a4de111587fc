import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PageExtraction } from '../core/article.ts';
import type { RawPage } from '../core/page.ts';
import { isValidSpan } from '../core/span.ts';
import { extractPage } from './index.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

interface Expected {
  articles: {
    headline: string | null;
    dek: string | null;
    published: { date: string; precision: string; text: string } | null;
    outlet: string | null;
    citedSources: string[];
    body: string;
  }[];
  removed: { kind: string; reason?: string; article?: number; text: string }[];
}

function loadFixture(slug: string): { page: RawPage; expected: Expected } {
  const isHtml = existsSync(join(FIXTURES, slug, 'source.html'));
  const body = readFileSync(join(FIXTURES, slug, isHtml ? 'source.html' : 'source.txt'), 'utf8');
  const page: RawPage = {
    id: slug,
    url: slug,
    fetchedAt: '2024-01-01T00:00:00Z',
    contentType: isHtml ? 'text/html' : 'text/plain',
    body,
  };
  return { page, expected: JSON.parse(readFileSync(join(FIXTURES, slug, 'expected.json'), 'utf8')) as Expected };
}

/** The §4 invariants: valid, sorted, non-overlapping spans; paragraphs map body ↔ page exactly. */
function checkInvariants(extraction: PageExtraction): void {
  let previousEnd = 0;
  for (const span of extraction.spans) {
    expect(isValidSpan(span, extraction.pageText.length)).toBe(true);
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = span.end;
  }
  for (const article of extraction.articles) {
    for (const { page, body } of article.paragraphs) {
      expect(article.body.slice(body.start, body.end)).toBe(extraction.pageText.slice(page.start, page.end));
    }
    const bodySpans = article.spans
      .filter((s) => s.kind === 'body')
      .map((s) => extraction.pageText.slice(s.start, s.end));
    expect(bodySpans.join('\n')).toBe(article.body);
  }
}

const slugs = readdirSync(FIXTURES)
  .filter((slug) => existsSync(join(FIXTURES, slug, 'expected.json')))
  .sort();

describe('extraction fixtures', () => {
  it('has fixtures to run', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(8);
  });

  it.each(slugs)('%s: articles, metadata and bodies match expected.json', (slug) => {
    const { page, expected } = loadFixture(slug);
    const extraction = extractPage(page);
    const got = extraction.articles.map((a) => ({
      headline: a.headline,
      dek: a.dek,
      outlet: a.outlet,
      citedSources: a.citedSources,
      body: a.body,
      published: a.published && { date: a.published.date, precision: a.published.precision, text: a.published.text },
    }));
    expect(got).toEqual(expected.articles);
  });

  it.each(slugs)('%s: every cut span has the expected label and reason', (slug) => {
    const { page, expected } = loadFixture(slug);
    const extraction = extractPage(page);
    const removed = extraction.spans
      .filter((s) => s.kind !== 'body')
      .map((s) => ({
        kind: s.kind,
        ...(s.reason ? { reason: s.reason } : {}),
        ...(s.article !== undefined ? { article: s.article } : {}),
        text: extraction.pageText.slice(s.start, s.end),
      }));
    expect(removed).toEqual(expected.removed);
  });

  it.each(slugs)('%s: spans and paragraphs satisfy the offset invariants', (slug) => {
    checkInvariants(extractPage(loadFixture(slug).page));
  });

  it.each(slugs)('%s: a second run gives identical output', (slug) => {
    const { page } = loadFixture(slug);
    expect(JSON.stringify(extractPage(page))).toBe(JSON.stringify(extractPage(page)));
  });
});
