/**
 * Assembles the extraction output from segmented lines: each article's headline, dek, body (paragraphs
 * joined by "\n"), metadata, and the labelled spans of every line, including what was cut and why.
 */
import type { ExtractedArticle, PageSpan } from '../core/article.ts';
import type { Span } from '../core/span.ts';
import { findPageOwner, pickOutlet, pickPublished, type ArticleLines, type SiteMeta } from './article-meta.ts';
import type { NamedSpan } from './line-meta.ts';
import { findCitedSources } from './cited-sources.ts';
import type { LineClass } from './classify-line.ts';
import type { Line } from './lines.ts';
import type { LineAssignment } from './segment.ts';

export interface Segmented {
  readonly pageText: string;
  readonly lines: readonly Line[];
  readonly classes: readonly LineClass[];
  readonly roles: readonly LineAssignment[];
}

/** Builds every article found by segmentation; `site` metadata applies to the first one. */
export function buildArticles(segmented: Segmented, site: SiteMeta | null): ExtractedArticle[] {
  const byArticle = new Map<number, number[]>();
  segmented.roles.forEach((role, i) => {
    if (role.article < 0) return;
    const list = byArticle.get(role.article) ?? [];
    list.push(i);
    byArticle.set(role.article, list);
  });
  const articles: ExtractedArticle[] = [];
  const owner = findPageOwner(segmented.classes);
  for (const [index, indices] of [...byArticle.entries()].sort((a, b) => a[0] - b[0])) {
    const article = buildArticle(
      { ...segmented, indices },
      index === 0 ? { site, owner } : { site: null, owner: null },
    );
    if (article) articles.push({ ...article, spans: article.spans.map((s) => ({ ...s, article: articles.length })) });
  }
  return articles;
}

function buildArticle(
  article: ArticleLines,
  { site, owner }: { site: SiteMeta | null; owner: NamedSpan | null },
): ExtractedArticle | null {
  const paragraphs: { page: Span; body: Span }[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const i of article.indices) {
    const role = article.roles[i]!;
    if (role.role !== 'body') continue;
    const page = { start: role.bodyStart ?? article.lines[i]!.start, end: article.lines[i]!.end };
    const text = article.pageText.slice(page.start, page.end);
    if (parts.length > 0) offset += 1;
    paragraphs.push({ page, body: { start: offset, end: offset + text.length } });
    parts.push(text);
    offset += text.length;
  }
  if (paragraphs.length === 0) return null;
  const body = parts.join('\n');
  const lineText = (role: string): string | null => {
    const i = article.indices.find((j) => article.roles[j]!.role === role);
    return i === undefined ? null : article.lines[i]!.text;
  };
  const outlet = pickOutlet(article, site, owner);
  return {
    headline: lineText('headline') ?? site?.headline ?? null,
    dek: lineText('dek'),
    body,
    published: pickPublished(article, site),
    outlet: outlet?.text ?? null,
    citedSources: citedSources(article, body, outlet?.text ?? null),
    spans: article.indices.flatMap((i) => lineSpans(article, i)),
    paragraphs,
  };
}

/**
 * Credits from «المصادر الإضافية • …» lines first, then a «المصدر: X» name that is not the outlet (a page that names
 * its own site credits X as its source), then names cited in the body.
 */
function citedSources(article: ArticleLines, body: string, outlet: string | null): string[] {
  const credits = article.indices.flatMap((i) => {
    if (article.roles[i]!.role !== 'meta') return [];
    const cls = article.classes[i]!;
    const source = cls.type === 'source' && cls.outlet && cls.outlet.text !== outlet ? [cls.outlet.text] : [];
    return [...(cls.credits ?? []).map((c) => c.text), ...source];
  });
  const seen = new Set(credits);
  return [...credits, ...findCitedSources(body, outlet).filter((name) => !seen.has(name))];
}

/** The labelled spans of one line: usually one, two when a prefix (glued links, outlet) or a glued source splits it. */
function lineSpans(article: ArticleLines, i: number): PageSpan[] {
  const role = article.roles[i]!;
  const line = article.lines[i]!;
  const cls = article.classes[i]!;
  if (role.role === 'blank' || line.start === line.end) return [];
  if (role.role === 'body') {
    const start = role.bodyStart ?? line.start;
    const prefix: PageSpan[] =
      start > line.start
        ? [
            role.usesBylinePrefix
              ? { kind: 'meta', reason: 'outlet', start: line.start, end: start }
              : { kind: 'boilerplate', reason: 'glued-link', start: line.start, end: start },
          ]
        : [];
    return [...prefix, { kind: 'body', start, end: line.end }];
  }
  if (role.role === 'boilerplate' && cls.type === 'boilerplate' && cls.outlet && cls.outlet.start > line.start) {
    const spans: PageSpan[] = [
      { kind: 'boilerplate', reason: role.reason ?? 'other', start: line.start, end: cls.outlet.start },
      { kind: 'meta', reason: 'outlet', start: cls.outlet.start, end: cls.outlet.end },
    ];
    if (cls.outlet.end < line.end)
      spans.push({ kind: 'boilerplate', reason: role.reason ?? 'other', start: cls.outlet.end, end: line.end });
    return spans;
  }
  const kind =
    role.role === 'headline' || role.role === 'dek' || role.role === 'meta' || role.role === 'caption'
      ? role.role
      : 'boilerplate';
  return [
    {
      kind,
      ...(kind === 'headline' || kind === 'dek' ? {} : { reason: role.reason ?? 'other' }),
      start: line.start,
      end: line.end,
    },
  ];
}
