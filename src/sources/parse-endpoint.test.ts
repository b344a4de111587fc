import { describe, expect, it } from 'vitest';
import { endpointKindOf, parseEndpoint } from './parse-endpoint.ts';
import { canonicalizeUrl } from './canonical-url.ts';
import { readPageLinks } from './html-links.ts';
import { pageUrlFor } from './page-url.ts';

const BASE = 'https://alwatan.example/rss.xml';

describe('parseEndpoint', () => {
  it('reads RSS 2.0 items: link, CDATA title, RFC 822 date; tracking parameters removed', () => {
    const parsed = parseEndpoint(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>الوطن</title>
      <item><title><![CDATA[الحكومة تقر الموازنة]]></title><link>https://alwatan.example/a/1?utm_source=rss</link><pubDate>Tue, 01 Dec 2026 05:00:00 +0300</pubDate></item>
      <item><title>بلا رابط</title><guid isPermaLink="true">https://alwatan.example/a/2</guid></item></channel></rss>`,
      BASE,
    );
    expect(parsed).toEqual({
      kind: 'feed',
      format: 'rss2',
      title: 'الوطن',
      items: [
        { url: 'https://alwatan.example/a/1', title: 'الحكومة تقر الموازنة', published: '2026-12-01T02:00:00.000Z' },
        { url: 'https://alwatan.example/a/2', title: 'بلا رابط', published: null },
      ],
    });
  });

  it('reads RSS 1.0 (RDF) with dc:date', () => {
    const parsed = parseEndpoint(
      `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://a.example/"><title>الأخبار</title></channel>
      <item rdf:about="https://a.example/n/5"><title>خبر</title><link>https://a.example/n/5</link><dc:date>2026-12-02T10:00:00Z</dc:date></item></rdf:RDF>`,
      BASE,
    );
    expect(parsed).toMatchObject({
      kind: 'feed',
      format: 'rss1',
      items: [{ url: 'https://a.example/n/5', published: '2026-12-02T10:00:00.000Z' }],
    });
  });

  it('reads Atom: the alternate link, relative to the feed, published before updated', () => {
    const parsed = parseEndpoint(
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>الصباح</title>
      <entry><title type="html">افتتاح معرض</title><link rel="self" href="/e/1.atom"/><link rel="alternate" href="/e/1"/><published>2026-11-30T10:00:00Z</published><updated>2026-12-01T00:00:00Z</updated></entry></feed>`,
      BASE,
    );
    expect(parsed).toMatchObject({
      kind: 'feed',
      format: 'atom',
      items: [{ url: 'https://alwatan.example/e/1', title: 'افتتاح معرض', published: '2026-11-30T10:00:00.000Z' }],
    });
  });

  it('reads JSON Feed (url or external_url)', () => {
    const parsed = parseEndpoint(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'المصدر',
        items: [
          { id: '1', url: 'https://m.example/s/1#top', title: 'عيادات متنقلة', date_published: '2026-12-02T07:00:00Z' },
          { id: '2', external_url: 'https://m.example/s/2' },
        ],
      }),
      BASE,
    );
    expect(parsed).toMatchObject({
      kind: 'feed',
      format: 'json-feed',
      items: [{ url: 'https://m.example/s/1' }, { url: 'https://m.example/s/2', published: null }],
    });
  });

  it('reads a news sitemap (news:publication_date, news:title) and a sitemap index', () => {
    const news = parseEndpoint(
      `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://m.example/s/3</loc><news:news><news:publication_date>2026-12-02T12:45:00+03:00</news:publication_date><news:title>مخطوطات نادرة</news:title></news:news></url></urlset>`,
      BASE,
    );
    expect(news).toEqual({
      kind: 'sitemap',
      format: 'news-sitemap',
      items: [{ url: 'https://m.example/s/3', title: 'مخطوطات نادرة', published: '2026-12-02T09:45:00.000Z' }],
    });
    const index = parseEndpoint(
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://m.example/news-1.xml</loc></sitemap><sitemap><loc>https://m.example/news-2.xml</loc></sitemap></sitemapindex>',
      BASE,
    );
    expect(index).toEqual({
      kind: 'sitemap-index',
      sitemaps: ['https://m.example/news-1.xml', 'https://m.example/news-2.xml'],
    });
  });

  it('fails a broken feed with its line and column, refuses DTD entities, and calls HTML a page', () => {
    expect(() => parseEndpoint('<rss><channel>\n<item><title>خبر</channel></rss>', BASE)).toThrow(
      /broken XML at line 2, column \d+/u,
    );
    expect(() =>
      parseEndpoint('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel></channel></rss>', BASE),
    ).toThrow(/DTD entities/u);
    expect(parseEndpoint('<!doctype html><html><body>الرئيسية</body></html>', BASE)).toEqual({ kind: 'page' });
    expect(endpointKindOf('<rss><channel><item>')).toBe('feed');
    expect(endpointKindOf('<?xml version="1.0"?>\n<urlset>')).toBe('sitemap');
    expect(endpointKindOf('<html>')).toBe('page');
  });
});

describe('canonicalizeUrl and page URLs', () => {
  it.each([
    [
      'HTTPS://WWW.Alwatan.Example:443/news/1?utm_source=rss&utm_medium=feed#comments',
      'https://www.alwatan.example/news/1',
    ],
    ['http://alwatan.example:80/news/1?id=5&fbclid=IwAR0&gclid=x', 'http://alwatan.example/news/1?id=5'],
    [
      'https://alwatan.example/%d8%a7%d9%84%d8%ae%d8%a8%d8%b1',
      'https://alwatan.example/%D8%A7%D9%84%D8%AE%D8%A8%D8%B1',
    ],
    ['https://alwatan.example/الخبر/١', 'https://alwatan.example/%D8%A7%D9%84%D8%AE%D8%A8%D8%B1/%D9%A1'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalizeUrl(input)).toBe(expected);
  });

  it('refuses non-http(s) and non-URLs', () => {
    expect(canonicalizeUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalizeUrl('not a url')).toBeNull();
  });

  it('finds advertised feeds and the canonical link; a canonical on another site is ignored', () => {
    const html =
      '<html><head><base href="https://alwatan.example/ar/"><link rel="alternate" type="application/rss+xml" href="rss.xml"><link rel="alternate" type="application/atom+xml" href="/atom.xml"><link rel="canonical" href="/ar/news/7"></head></html>';
    expect(readPageLinks(html, 'https://alwatan.example/')).toEqual({
      feeds: ['https://alwatan.example/ar/rss.xml', 'https://alwatan.example/atom.xml'],
      canonical: 'https://alwatan.example/ar/news/7',
    });
    expect(pageUrlFor('https://alwatan.example/x?utm_source=a', { contentType: 'text/html', text: html })).toBe(
      'https://alwatan.example/ar/news/7',
    );
    const foreign = '<link rel="canonical" href="https://other.example/copied">';
    expect(pageUrlFor('https://alwatan.example/x?utm_source=a', { contentType: 'text/html', text: foreign })).toBe(
      'https://alwatan.example/x',
    );
  });
});
