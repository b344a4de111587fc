/**
 * Page metadata from HTML, read before any guessing: JSON-LD (`NewsArticle`/`Article`… with `headline`,
 * `datePublished`, `publisher`, `articleBody`, also in `@graph` and through `@id` references), Open Graph and
 * `article:` meta, microdata (`itemprop` publisher/datePublished/headline), `<time datetime>`, `<link rel=canonical>`,
 * the URL path (a `/2024/05/12/` date) and host (lexicons/news-domains.ts), and `<title>` without its site suffix.
 * Malformed JSON-LD becomes a diagnostic, never an exception.
 */
import type { ChildNode, Document, Element } from 'domhandler';
import type { PublishedDate } from '../core/article.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import { findAbsoluteDates } from '../text/absolute-date.ts';
import type { SiteMeta } from './article-meta.ts';
import { outletOfHost, outletOfUrl, siteHostOfUrl } from './lexicons/news-domains.ts';

const DATE_META_NAMES: readonly string[] = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'dcterms.date',
  'sailthru.date',
  'parsely-pub-date',
  'created',
  'article.published',
  'published_time',
  'originalpublicationdate',
];
const ARTICLE_TYPES =
  /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|ReportageArticle|OpinionNewsArticle|LiveBlogPosting|BackgroundNewsArticle|ReviewNewsArticle|Report|ScholarlyArticle|TechArticle|SocialMediaPosting)$/u;
const ISO_DATE_RE = /^\s*(?<year>\d{4})-(?<month>\d{2})(?:-(?<day>\d{2}))?/u;
/** «/2024/05/12/», «/2024-05-12/», «/20240512/» in a URL path: a day-precision date. */
const URL_DATE_RE =
  /\/(?<year>(?:19|20)\d{2})[/-]?(?<month>0[1-9]|1[0-2])[/-]?(?<day>0[1-9]|[12]\d|3[01])(?=[/\-_.]|$)/u;
/** «عنوان الخبر - اسم الموقع» / «… | Site»: the site suffix of a <title>. */
const TITLE_SUFFIX_RE = /\s+[|\-–—:»]\s+[^|\-–—»]{1,40}$/u;
/** A site name is a short name, not a sentence, a URL or a copyright line. */
const SITE_NAME_MAX_WORDS = 6;

interface Collected {
  metas: Map<string, string>;
  title: string | null;
  jsonLd: string[];
  timeValue: string | null;
  canonical: string | null;
  microdata: { publisher?: string; datePublished?: string; headline?: string; articleBody?: string };
}

export interface HtmlMeta {
  readonly meta: SiteMeta;
  readonly diagnostics: Diagnostic[];
  /** JSON-LD `articleBody`, when the page states it (main-content.ts uses it to confirm its choice). */
  readonly articleBody: string | null;
}

/** Reads metadata from the whole document (head and body); `pageUrl` is where the page came from, if known. Pure. */
export function readHtmlMeta(document: Document, pageUrl?: string): HtmlMeta {
  const collected = collect(document);
  const diagnostics: Diagnostic[] = [];
  const ld = readJsonLd(collected.jsonLd, diagnostics);
  const metaDate = DATE_META_NAMES.map((n) => collected.metas.get(n)).find((v) => v !== undefined);
  const url = collected.canonical ?? collected.metas.get('og:url') ?? pageUrl ?? null;
  const published =
    toPublished(ld.datePublished, 'json-ld') ??
    toPublished(metaDate, 'meta-tag') ??
    toPublished(collected.microdata.datePublished, 'meta-tag') ??
    toPublished(collected.timeValue ?? undefined, 'time-element') ??
    urlDate(url) ??
    urlDate(pageUrl ?? null);
  const siteName =
    [
      collected.metas.get('og:site_name'),
      ld.publisher,
      collected.metas.get('application-name'),
      collected.microdata.publisher,
      collected.metas.get('publisher'),
    ]
      .map(cleanSiteName)
      .find((v) => v !== null) ??
    outletOfUrl(url) ??
    outletOfUrl(pageUrl);
  const title =
    ld.headline ??
    collected.microdata.headline ??
    stripSiteName(collected.metas.get('og:title') ?? null, siteName) ??
    stripSiteName(collected.title, siteName);
  const siteHost = siteHostOfUrl(url) ?? siteHostOfUrl(pageUrl);
  return {
    meta: {
      published,
      siteName,
      ...(siteHost ? { siteHost } : {}),
      headline: title?.replace(/\s+/gu, ' ').trim() || null,
    },
    diagnostics,
    articleBody: ld.articleBody ?? collected.microdata.articleBody ?? null,
  };
}

/** A usable site name: short, with letters, not a handle, URL or copyright line. */
function cleanSiteName(value: string | undefined): string | null {
  if (!value) return null;
  const text = value.replace(/\s+/gu, ' ').trim();
  if (!/\p{L}/u.test(text) || text.startsWith('@') || /^https?:|©|\(c\)|copyright|حقوق/iu.test(text)) return null;
  if (/^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+$/u.test(text)) return outletOfHost(text) ?? text;
  return text.split(' ').length <= SITE_NAME_MAX_WORDS ? text : null;
}

function urlDate(url: string | null): PublishedDate | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const match = URL_DATE_RE.exec(path);
  if (!match?.groups) return null;
  const { year, month, day } = match.groups;
  return { date: `${year}-${month}-${day}`, precision: 'day', text: match[0].slice(1), from: 'meta-tag' };
}

/** «الخبر - اسم الموقع» or «اسم الموقع | الخبر» → «الخبر». */
function stripSiteName(title: string | null, siteName: string | null): string | null {
  if (!title) return null;
  if (siteName) {
    const prefix = new RegExp(`^\\s*${escapeRegExp(siteName)}\\s*[|\\-–—:»]\\s*`, 'u');
    const suffix = new RegExp(`\\s*[|\\-–—:»]\\s*${escapeRegExp(siteName)}\\s*$`, 'u');
    const stripped = title.replace(prefix, '').replace(suffix, '');
    if (stripped !== title && stripped.trim()) return stripped;
  }
  const stripped = title.replace(TITLE_SUFFIX_RE, '');
  return stripped.trim() ? stripped : title;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function collect(document: Document): Collected {
  const out: Collected = { metas: new Map(), title: null, jsonLd: [], timeValue: null, canonical: null, microdata: {} };
  const stack: ChildNode[] = [...document.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const element = node as Element;
    readElement(element, out);
    if (element.name !== 'script' && element.name !== 'style') for (const child of element.children) stack.push(child);
  }
  return out;
}

function readElement(element: Element, out: Collected): void {
  const { attribs } = element;
  const itemprop = attribs.itemprop;
  if (itemprop) readMicrodata(element, itemprop, out);
  switch (element.name) {
    case 'meta': {
      const key = (attribs.property ?? attribs.name ?? attribs.itemprop)?.toLowerCase();
      const content = attribs.content;
      if (key && content && !out.metas.has(key)) out.metas.set(key, content);
      break;
    }
    case 'title':
      if (out.title === null) out.title = textOf(element);
      break;
    case 'script':
      if (attribs.type?.toLowerCase().includes('ld+json')) out.jsonLd.push(textOf(element));
      break;
    case 'time':
      if (out.timeValue === null && attribs.datetime) out.timeValue = attribs.datetime;
      break;
    case 'link':
      if (out.canonical === null && attribs.rel?.toLowerCase() === 'canonical' && attribs.href)
        out.canonical = attribs.href;
      break;
    default:
  }
}

function readMicrodata(element: Element, itemprop: string, out: Collected): void {
  const md = out.microdata;
  if (itemprop === 'publisher' && md.publisher === undefined) {
    const name = microdataName(element);
    if (name) md.publisher = name;
  } else if (itemprop === 'datePublished' && md.datePublished === undefined) {
    md.datePublished = element.attribs.content ?? element.attribs.datetime ?? textOf(element);
  } else if (itemprop === 'headline' && md.headline === undefined) {
    const text = element.attribs.content ?? textOf(element);
    if (text) md.headline = text;
  }
}

/** The `name` property inside a microdata item (`<meta itemprop="name" content>` or an element's text). */
function microdataName(item: Element): string | null {
  const stack: ChildNode[] = [...item.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    const child = node as Element;
    if (child.attribs.itemprop === 'name') return child.attribs.content ?? textOf(child);
    stack.push(...child.children);
  }
  return null;
}

/** All text under an element (iterative: no recursion on deep trees). */
function textOf(element: Element): string {
  const parts: string[] = [];
  const stack: ChildNode[] = [element];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') parts.push(node.data);
    else if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return parts.join('').trim();
}

interface LdFields {
  headline: string | null;
  datePublished: string | undefined;
  publisher: string | undefined;
  articleBody: string | null;
}

function readJsonLd(scripts: readonly string[], diagnostics: Diagnostic[]): LdFields {
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script.replace(/^\s*<!--|-->\s*$/gu, ''));
    } catch (error) {
      diagnostics.push({
        severity: 'warning',
        code: 'extract/bad-json-ld',
        message: `Unparsable JSON-LD: ${error instanceof Error ? error.message : String(error)}`,
      });
      continue;
    }
    const article = findArticle(data);
    if (article) {
      const publisher = resolveReference(
        data,
        Array.isArray(article.publisher) ? article.publisher[0] : article.publisher,
      );
      return {
        headline: typeof article.headline === 'string' ? article.headline : null,
        datePublished: typeof article.datePublished === 'string' ? article.datePublished : undefined,
        publisher: typeof publisher?.name === 'string' ? publisher.name : undefined,
        articleBody: typeof article.articleBody === 'string' ? article.articleBody : null,
      };
    }
  }
  return { headline: null, datePublished: undefined, publisher: undefined, articleBody: null };
}

/** Follows a JSON-LD `{"@id": …}` reference to the node with that id (publisher in an @graph). */
function resolveReference(data: unknown, value: unknown): Record<string, unknown> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.name === 'string' || typeof record['@id'] !== 'string') return record;
  const queue: unknown[] = [data];
  while (queue.length > 0) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      const node = item as Record<string, unknown>;
      if (node['@id'] === record['@id'] && typeof node.name === 'string') return node;
      if (node['@graph']) queue.push(node['@graph']);
    }
  }
  return record;
}

/** The first object whose @type is an article type, searching arrays, @graph and mainEntity. */
function findArticle(data: unknown): Record<string, unknown> | null {
  const queue: unknown[] = [data];
  for (let seen = 0; queue.length > 0 && seen < 1000; seen++) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const type = record['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (
        types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)) &&
        (record.datePublished !== undefined || record.articleBody !== undefined || record.headline !== undefined)
      )
        return record;
      if (record['@graph']) queue.push(record['@graph']);
      if (record.mainEntity) queue.push(record.mainEntity);
    }
  }
  return null;
}

/** ISO strings keep their written calendar date (no time-zone shift); other strings go through findAbsoluteDates. */
function toPublished(value: string | undefined, from: PublishedDate['from']): PublishedDate | null {
  if (!value) return null;
  const iso = ISO_DATE_RE.exec(value);
  if (iso?.groups) {
    const { year, month, day } = iso.groups;
    if (Number(month) < 1 || Number(month) > 12 || (day && (Number(day) < 1 || Number(day) > 31))) return null;
    return {
      date: day ? `${year}-${month}-${day}` : `${year}-${month}`,
      precision: day ? 'day' : 'month',
      text: value,
      ...(from ? { from } : {}),
    };
  }
  const found = findAbsoluteDates(value)[0];
  return found ? { date: found.value, precision: found.precision, text: value, ...(from ? { from } : {}) } : null;
}
