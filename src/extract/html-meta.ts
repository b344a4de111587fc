/**
 * Page metadata from HTML: headline (JSON-LD headline, og:title, <title>), publication date (JSON-LD
 * datePublished, article:published_time and similar meta, <time datetime>) and site name (og:site_name,
 * JSON-LD publisher). Malformed JSON-LD becomes a diagnostic, never an exception.
 */
import type { DefaultTreeAdapterTypes as T } from 'parse5';
import type { PublishedDate } from '../core/article.ts';
import type { Diagnostic } from '../core/diagnostic.ts';
import { findAbsoluteDates } from '../text/absolute-date.ts';
import type { SiteMeta } from './article-meta.ts';

const DATE_META_NAMES: readonly string[] = [
  'article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'publish_date',
  'date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'dcterms.date', 'sailthru.date', 'parsely-pub-date', 'created',
];
const SITE_META_NAMES: readonly string[] = ['og:site_name', 'application-name', 'publisher', 'twitter:site'];
const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage|ReportageArticle|OpinionNewsArticle)$/u;
const ISO_DATE_RE = /^\s*(?<year>\d{4})-(?<month>\d{2})(?:-(?<day>\d{2}))?/u;
/** «عنوان الخبر - اسم الموقع» / «… | Site»: the site suffix of a <title>. */
const TITLE_SUFFIX_RE = /\s+[|\-–—]\s+[^|\-–—]{1,40}$/u;

interface Collected { metas: Map<string, string>; title: string | null; jsonLd: string[]; timeValue: string | null }

/** Reads metadata from the whole document (head and body). Pure. */
export function readHtmlMeta(document: T.Document): { meta: SiteMeta; diagnostics: Diagnostic[] } {
  const collected = collect(document);
  const diagnostics: Diagnostic[] = [];
  const ld = readJsonLd(collected.jsonLd, diagnostics);
  const metaDate = DATE_META_NAMES.map((n) => collected.metas.get(n)).find((v) => v !== undefined);
  const published = toPublished(ld.datePublished, 'json-ld') ?? toPublished(metaDate, 'meta-tag') ?? toPublished(collected.timeValue ?? undefined, 'time-element');
  const siteName = ld.publisher ?? SITE_META_NAMES.map((n) => collected.metas.get(n)).find((v) => v !== undefined && !v.startsWith('@')) ?? null;
  const title = ld.headline ?? collected.metas.get('og:title') ?? stripSiteName(collected.title, siteName ?? null);
  return { meta: { published, siteName: siteName?.trim() || null, headline: title?.trim() || null }, diagnostics };
}

/** «الخبر - اسم الموقع» or «اسم الموقع | الخبر» → «الخبر». */
function stripSiteName(title: string | null, siteName: string | null): string | null {
  if (!title) return null;
  if (siteName) {
    const prefix = new RegExp(`^\\s*${escapeRegExp(siteName)}\\s*[|\\-–—:]\\s*`, 'u');
    const suffix = new RegExp(`\\s*[|\\-–—:]\\s*${escapeRegExp(siteName)}\\s*$`, 'u');
    const stripped = title.replace(prefix, '').replace(suffix, '');
    if (stripped !== title) return stripped;
  }
  return title.replace(TITLE_SUFFIX_RE, '');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function collect(document: T.Document): Collected {
  const out: Collected = { metas: new Map(), title: null, jsonLd: [], timeValue: null };
  const stack: T.ParentNode[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      readElement(child, out);
      if (child.childNodes.length > 0 && child.tagName !== 'script' && child.tagName !== 'style') stack.push(child);
    }
  }
  return out;
}

function readElement(element: T.Element, out: Collected): void {
  const attr = (name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;
  if (attr('itemprop') === 'publisher' && !out.metas.has('publisher')) {
    const name = microdataName(element);
    if (name) out.metas.set('publisher', name);
  }
  if (element.tagName === 'meta') {
    const key = (attr('property') ?? attr('name') ?? attr('itemprop'))?.toLowerCase();
    const content = attr('content');
    if (key && content && !out.metas.has(key)) out.metas.set(key, content);
  } else if (element.tagName === 'title' && out.title === null) {
    out.title = textOf(element);
  } else if (element.tagName === 'script' && attr('type') === 'application/ld+json') {
    out.jsonLd.push(textOf(element));
  } else if (element.tagName === 'time' && out.timeValue === null) {
    out.timeValue = attr('datetime') ?? null;
  }
}

/** The `name` property inside a microdata item (`<meta itemprop="name" content>` or an element's text). */
function microdataName(item: T.Element): string | null {
  const stack: T.Element[] = [item];
  while (stack.length > 0) {
    const element = stack.pop()!;
    for (const child of element.childNodes) {
      if (!('tagName' in child)) continue;
      const prop = child.attrs.find((a) => a.name === 'itemprop')?.value;
      if (prop === 'name') return child.attrs.find((a) => a.name === 'content')?.value ?? textOf(child);
      stack.push(child);
    }
  }
  return null;
}

function textOf(element: T.Element): string {
  return element.childNodes.map((c) => (c.nodeName === '#text' ? (c as T.TextNode).value : '')).join('').trim();
}

interface LdFields { headline: string | null; datePublished: string | undefined; publisher: string | null }

function readJsonLd(scripts: readonly string[], diagnostics: Diagnostic[]): LdFields {
  for (const script of scripts) {
    let data: unknown;
    try {
      data = JSON.parse(script);
    } catch (error) {
      diagnostics.push({ severity: 'warning', code: 'extract/bad-json-ld', message: `Unparsable JSON-LD: ${error instanceof Error ? error.message : String(error)}` });
      continue;
    }
    const article = findArticle(data);
    if (article) {
      const publisher = resolveReference(data, article.publisher);
      return {
        headline: typeof article.headline === 'string' ? article.headline : null,
        datePublished: typeof article.datePublished === 'string' ? article.datePublished : undefined,
        publisher: typeof publisher?.name === 'string' ? publisher.name : null,
      };
    }
  }
  return { headline: null, datePublished: undefined, publisher: null };
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

/** The first object whose @type is an article type, searching arrays and @graph. */
function findArticle(data: unknown): Record<string, unknown> | null {
  const queue: unknown[] = [data];
  while (queue.length > 0) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      const type = record['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)) && record.datePublished !== undefined) return record;
      if (record['@graph']) queue.push(record['@graph']);
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
    return { date: day ? `${year}-${month}-${day}` : `${year}-${month}`, precision: day ? 'day' : 'month', text: value, ...(from ? { from } : {}) };
  }
  const found = findAbsoluteDates(value)[0];
  return found ? { date: found.value, precision: found.precision, text: value, ...(from ? { from } : {}) } : null;
}
