/**
 * What a web page says about its links: the feeds it advertises (`<link rel="alternate" type="application/rss+xml">`
 * and Atom/JSON Feed equivalents) and its canonical URL (`<link rel="canonical">`). Parsed with htmlparser2.
 */
import { Parser } from 'htmlparser2';

export interface PageLinks {
  /** Absolute feed URLs, in page order. */
  readonly feeds: readonly string[];
  /** Absolute canonical URL, or null. */
  readonly canonical: string | null;
}

const FEED_TYPES: ReadonlySet<string> = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
]);

/** Reads the `<link>` elements of an HTML page; relative hrefs resolve against `pageUrl` (or `<base href>`). */
export function readPageLinks(html: string, pageUrl: string): PageLinks {
  const feeds: string[] = [];
  let canonical: string | null = null;
  let base = pageUrl;
  const resolve = (href: string): string | null => {
    try {
      return new URL(href.trim(), base).href;
    } catch {
      return null; // a broken href is not a link
    }
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'base' && attributes.href) base = resolve(attributes.href) ?? base;
        if (name !== 'link' || !attributes.href) return;
        const rels = new Set((attributes.rel ?? '').toLowerCase().split(/\s+/u));
        const type = (attributes.type ?? '').toLowerCase().split(';')[0]!.trim();
        const href = resolve(attributes.href);
        if (href === null) return;
        if (rels.has('alternate') && FEED_TYPES.has(type) && !feeds.includes(href)) feeds.push(href);
        if (rels.has('canonical') && canonical === null) canonical = href;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { feeds, canonical };
}
