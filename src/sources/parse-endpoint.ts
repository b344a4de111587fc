/**
 * A fetched feed or sitemap → the article links it lists. Recognises RSS 2.0, RSS 1.0 (RDF), Atom, JSON Feed, news
 * sitemaps (`news:publication_date`, `news:title`), plain sitemaps and sitemap indexes; anything else is a page.
 * XML is validated first (fast-xml-parser), so a broken feed fails with its line and column; DTD entities are refused.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { EngineError } from '../core/errors.ts';
import { canonicalizeUrl } from './canonical-url.ts';

/** One link a feed or sitemap lists, with the fallback metadata it gives. */
export interface ListedItem {
  /** Canonical URL (canonical-url.ts). */
  readonly url: string;
  readonly title: string | null;
  /** ISO-8601 date-time, when the feed gives a parsable one. */
  readonly published: string | null;
}

export type ParsedEndpoint =
  | {
      readonly kind: 'feed';
      readonly format: 'rss2' | 'rss1' | 'atom' | 'json-feed';
      readonly title: string | null;
      readonly items: readonly ListedItem[];
    }
  | { readonly kind: 'sitemap'; readonly format: 'news-sitemap' | 'sitemap'; readonly items: readonly ListedItem[] }
  | { readonly kind: 'sitemap-index'; readonly sitemaps: readonly string[] }
  | { readonly kind: 'page' };

/** Element names that may repeat, parsed as arrays whatever their count (names after namespace prefixes are removed). */
const REPEATED: ReadonlySet<string> = new Set(['item', 'entry', 'url', 'sitemap', 'link']);
const XML_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<\?xml-stylesheet[^>]*>\s*|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>\s*)*<(?<root>[A-Za-z_][A-Za-z0-9_:.-]*)/u;
const FEED_ROOTS: ReadonlySet<string> = new Set(['rss', 'rdf:rdf', 'feed', 'urlset', 'sitemapindex']);
const XML_PARSER = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

type XmlNode = Record<string, unknown>;

const FEED_ROOT_KIND: Readonly<Record<string, 'feed' | 'sitemap'>> = {
  rss: 'feed',
  'rdf:rdf': 'feed',
  feed: 'feed',
  urlset: 'sitemap',
  sitemapindex: 'sitemap',
};
const JSON_FEED_VERSION = /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//u;

/**
 * What a body is, from its root element (or JSON Feed version) alone, without parsing it: a feed that is broken
 * today is still a feed to follow.
 */
export function endpointKindOf(text: string): 'feed' | 'sitemap' | 'page' {
  const trimmed = text.replace(/^\uFEFF/u, '').trimStart();
  if (trimmed.startsWith('{')) return JSON_FEED_VERSION.test(trimmed.slice(0, 4096)) ? 'feed' : 'page';
  const root = XML_START.exec(trimmed)?.groups?.root?.toLowerCase();
  return root === undefined ? 'page' : (FEED_ROOT_KIND[root] ?? 'page');
}

/** Classifies and parses a fetched body; throws `input/malformed` for a feed or sitemap that does not parse. */
export function parseEndpoint(text: string, baseUrl: string): ParsedEndpoint {
  const trimmed = text.replace(/^\uFEFF/u, '').trimStart();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, baseUrl);
  const root = XML_START.exec(trimmed)?.groups?.root?.toLowerCase();
  if (root === undefined || !FEED_ROOTS.has(root)) return { kind: 'page' };
  return parseXmlEndpoint(trimmed, baseUrl);
}

function parseXmlEndpoint(xml: string, baseUrl: string): ParsedEndpoint {
  if (/<!ENTITY/iu.test(xml))
    throw new EngineError(
      'input/malformed',
      `${baseUrl}: the XML declares DTD entities, which Marsad does not expand.`,
    );
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new EngineError(
      'input/malformed',
      `${baseUrl}: broken XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    );
  }
  const doc = XML_PARSER.parse(xml) as XmlNode;
  if (isNode(doc.rss)) return rss2(node(doc.rss).channel, baseUrl);
  if (isNode(doc.RDF)) return rss1(node(doc.RDF), baseUrl);
  if (isNode(doc.feed)) return atom(node(doc.feed), baseUrl);
  if (isNode(doc.urlset)) return sitemap(node(doc.urlset), baseUrl);
  if (isNode(doc.sitemapindex)) {
    const sitemaps = list(node(doc.sitemapindex).sitemap)
      .map((entry) => canonicalizeUrl(textOf(node(entry).loc) ?? '', baseUrl))
      .filter(isString);
    return { kind: 'sitemap-index', sitemaps };
  }
  throw new EngineError('input/malformed', `${baseUrl}: an XML document that is neither a feed nor a sitemap.`);
}

function rss2(channel: unknown, baseUrl: string): ParsedEndpoint {
  const items = list(node(channel).item).map((raw) => {
    const item = node(raw);
    const guid = node(item.guid);
    const permalink = typeof item.guid === 'string' || guid['@_isPermaLink'] !== 'false' ? textOf(item.guid) : null;
    return listed(
      {
        href: firstLink(item.link) ?? permalink,
        title: textOf(item.title),
        date: textOf(item.pubDate) ?? textOf(item.date),
      },
      baseUrl,
    );
  });
  return { kind: 'feed', format: 'rss2', title: textOf(node(channel).title), items: items.filter(isItem) };
}

function rss1(rdf: XmlNode, baseUrl: string): ParsedEndpoint {
  const items = list(rdf.item).map((raw) => {
    const item = node(raw);
    return listed(
      { href: firstLink(item.link) ?? stringAttr(item, '@_about'), title: textOf(item.title), date: textOf(item.date) },
      baseUrl,
    );
  });
  return { kind: 'feed', format: 'rss1', title: textOf(node(rdf.channel).title), items: items.filter(isItem) };
}

function atom(feed: XmlNode, baseUrl: string): ParsedEndpoint {
  const items = list(feed.entry).map((raw) => {
    const entry = node(raw);
    const links = list(entry.link).map(node);
    const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
    return listed(
      {
        href: stringAttr(alternate ?? {}, '@_href'),
        title: textOf(entry.title),
        date: textOf(entry.published) ?? textOf(entry.updated),
      },
      baseUrl,
    );
  });
  return { kind: 'feed', format: 'atom', title: textOf(feed.title), items: items.filter(isItem) };
}

function sitemap(urlset: XmlNode, baseUrl: string): ParsedEndpoint {
  let isNews = false;
  const items = list(urlset.url).map((raw) => {
    const entry = node(raw);
    const news = node(entry.news);
    if (isNode(entry.news)) isNews = true;
    return listed(
      {
        href: textOf(entry.loc),
        title: textOf(news.title),
        date: textOf(news.publication_date) ?? textOf(entry.lastmod),
      },
      baseUrl,
    );
  });
  return { kind: 'sitemap', format: isNews ? 'news-sitemap' : 'sitemap', items: items.filter(isItem) };
}

function parseJsonFeed(text: string, baseUrl: string): ParsedEndpoint {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new EngineError('input/malformed', `${baseUrl}: broken JSON Feed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const feed = node(doc);
  if (typeof feed.version !== 'string' || !feed.version.startsWith('https://jsonfeed.org/version/'))
    return { kind: 'page' };
  const items = list(feed.items).map((raw) => {
    const item = node(raw);
    const href =
      typeof item.url === 'string' ? item.url : typeof item.external_url === 'string' ? item.external_url : null;
    return listed(
      {
        href,
        title: typeof item.title === 'string' ? item.title : null,
        date: typeof item.date_published === 'string' ? item.date_published : null,
      },
      baseUrl,
    );
  });
  return {
    kind: 'feed',
    format: 'json-feed',
    title: typeof feed.title === 'string' ? feed.title : null,
    items: items.filter(isItem),
  };
}

function listed(
  raw: { href: string | null; title: string | null; date: string | null },
  baseUrl: string,
): ListedItem | null {
  const url = raw.href === null ? null : canonicalizeUrl(raw.href, baseUrl);
  if (url === null) return null;
  return { url, title: raw.title?.trim() || null, published: isoDate(raw.date) };
}

/** RFC 822 (RSS), RFC 3339 (Atom, sitemaps, JSON Feed) or W3C date → ISO-8601; null when unparsable. */
export function isoDate(value: string | null): string | null {
  if (value === null) return null;
  const ms = Date.parse(value.trim());
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function firstLink(value: unknown): string | null {
  for (const entry of list(value)) {
    const href = typeof entry === 'string' ? entry : (stringAttr(node(entry), '@_href') ?? textOf(entry));
    if (href) return href;
  }
  return null;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return textOf(value[0]);
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
  return null;
}

function stringAttr(value: XmlNode, name: string): string | null {
  const attr = value[name];
  return typeof attr === 'string' ? attr : null;
}

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function node(value: unknown): XmlNode {
  return isNode(value) ? value : {};
}

function list(value: unknown): readonly unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isItem(item: ListedItem | null): item is ListedItem {
  return item !== null;
}

function isString(value: string | null): value is string {
  return value !== null;
}
