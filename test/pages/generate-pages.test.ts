/** The benchmark page generator is deterministic, varied, and its expectations match what it wrote. */
import { describe, expect, it } from 'vitest';
import { generatePages } from '../../bench/generate-pages.ts';
import { hashId } from '../../src/core/ids.ts';

describe('generatePages', () => {
  const pages = generatePages({ count: 2_000 });

  it('gives the same pages for the same seed and different pages for another seed', () => {
    const again = generatePages({ count: 50 });
    expect(again.map((p) => p.page.body)).toEqual(pages.slice(0, 50).map((p) => p.page.body));
    const other = generatePages({ count: 50, seed: 7 });
    expect(other[0]!.page.body).not.toBe(pages[0]!.page.body);
  });

  it('produces 2,000 distinct pages, ids being content hashes', () => {
    expect(new Set(pages.map((p) => p.page.id)).size).toBe(2_000);
    for (const { page } of pages.slice(0, 20)) expect(page.id).toBe(hashId(['page', page.body]));
  });

  it('mixes HTML and text pages, single and appended articles, and every date layout', () => {
    const html = pages.filter((p) => p.page.contentType === 'text/html').length;
    expect(html).toBeGreaterThan(600);
    expect(html).toBeLessThan(1_400);
    expect(pages.filter((p) => p.expected.length === 2).length).toBeGreaterThan(400);
    const bodies = pages.map((p) => p.page.body).join('\n');
    for (const cue of ['تاريخ النشر:', 'GMT', 'كانون', 'جانفي', 'application/ld+json', '<time datetime='])
      expect(bodies).toContain(cue);
    expect(bodies).toMatch(/[٠-٩]{4}/u);
    expect(bodies).toMatch(/\d{4}\/\d{2}\/\d{2}/u);
  });

  it('puts every expected headline on its page and keeps dates valid', () => {
    for (const { page, expected } of pages.slice(0, 300)) {
      for (const article of expected) {
        expect(page.body).toContain(
          page.contentType === 'text/html' ? article.headline.replace(/&/gu, '&amp;') : article.headline,
        );
        if (article.published !== null) expect(Number.isNaN(Date.parse(article.published))).toBe(false);
      }
      expect(expected[0]!.outlet).not.toBeNull();
      expect(page.body).toContain(expected[0]!.outlet!);
    }
  });
});
