/**
 * Property tests: extraction never throws, whatever the page, and its spans always index the page text.
 * Generators: arbitrary strings, line structures built from Arabic news-page pieces, and HTML trees.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawPage } from '../core/page.ts';
import { isValidSpan } from '../core/span.ts';
import { extractPage } from './index.ts';

const page = (body: string, contentType: RawPage['contentType']): RawPage => ({
  id: 'p',
  url: 'https://example.com/news/2024/05/12/x',
  fetchedAt: '2024-01-01T00:00:00Z',
  contentType,
  body,
});

/** Pieces real pages are made of: headlines, prose, dates, markers, datelines, credits, punctuation-only lines. */
const PIECES = [
  'عنوان تجريبي للخبر',
  'قال الوزير اليوم إن المحادثات مستمرة بين البلدين.',
  'اقرأ أيضاً',
  'اقرأ أيضاً: الحكومة تعلن خطة جديدة',
  'المصدر: الرصيف الإخبارية',
  'نشر في: 12 أيار 2019',
  'القاهرة - أ ش أ',
  '(وكالات)',
  'شارك',
  'الرئيسية',
  '© 2024 جميع الحقوق محفوظة',
  'وأضاف المتحدث باسم الوزارة في بيان صحفي أن الاجتماع المقبل سيعقد في العاصمة خلال الأسبوع القادم لمناقشة التفاصيل.',
  'صورة أرشيفية',
  'Photo: Reuters',
  '.',
  '؟',
  '-',
  ':',
  '',
  ' ',
  '«»',
  '12/05/2024',
  'الجمعة 8 فيفري',
  'بقلم: سلمى الخطيب',
];

const lineStructure = fc
  .array(
    fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 60 })),
    { maxLength: 30 },
  )
  .chain((lines) => fc.constantFrom('\n', '\r\n', '\r', '\n\n').map((sep) => lines.join(sep)));

const TAGS = [
  'p',
  'div',
  'h1',
  'h2',
  'li',
  'ul',
  'a',
  'span',
  'article',
  'main',
  'nav',
  'footer',
  'aside',
  'figcaption',
  'br',
  'time',
  'section',
  'script',
  'table',
  'td',
];
const ATTRS = [
  '',
  ' class="article-body"',
  ' class="related"',
  ' id="content"',
  ' class="share"',
  ' itemprop="articleBody"',
  ' hidden',
  ' datetime="2024-05-12"',
  ' class="entry-content post"',
];

const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...PIECES),
    fc.string({ maxLength: 20 }),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), fc.array(tie('node'), { maxLength: 5 }), fc.boolean())
      .map(([tag, attr, children, closed]) => `<${tag}${attr}>${children.join('')}${closed ? `</${tag}>` : ''}`),
  ),
})).node;

const JSON_LD =
  '<script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان","datePublished":"2024-05-12","articleBody":"قال الوزير اليوم إن المحادثات مستمرة بين البلدين.","publisher":{"name":"موقع"}}</script>';

function check(body: string, contentType: RawPage['contentType']): void {
  const extraction = extractPage(page(body, contentType));
  for (const span of extraction.spans) expect(isValidSpan(span, extraction.pageText.length)).toBe(true);
  for (const article of extraction.articles) {
    for (const p of article.paragraphs)
      expect(extraction.pageText.slice(p.page.start, p.page.end)).toBe(article.body.slice(p.body.start, p.body.end));
  }
}

describe('extraction never throws', () => {
  it('on arbitrary strings, as text and as HTML', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (body) => {
        check(body, 'text/plain');
        check(body, 'text/html');
      }),
      { numRuns: 300 },
    );
  });

  it('on line structures made of news-page pieces', () => {
    fc.assert(
      fc.property(lineStructure, (body) => check(body, 'text/plain')),
      { numRuns: 500 },
    );
  });

  it('on HTML trees, with and without JSON-LD', () => {
    fc.assert(
      fc.property(htmlTree, fc.boolean(), (tree, withLd) => {
        check(`<html><head>${withLd ? JSON_LD : ''}</head><body>${tree}</body></html>`, 'text/html');
      }),
      { numRuns: 300 },
    );
  });

  it('on a headline plus one paragraph, and on one line (the plain-text crash)', () => {
    const extraction = extractPage(
      page('عنوان تجريبي للخبر\nقال الوزير اليوم إن المحادثات مستمرة بين البلدين.', 'text/plain'),
    );
    expect(extraction.articles[0]).toMatchObject({
      headline: 'عنوان تجريبي للخبر',
      body: 'قال الوزير اليوم إن المحادثات مستمرة بين البلدين.',
    });
    expect(extractPage(page('قال الوزير اليوم إن المحادثات مستمرة بين البلدين.', 'text/plain')).articles[0]?.body).toBe(
      'قال الوزير اليوم إن المحادثات مستمرة بين البلدين.',
    );
  });
});
