/**
 * Turns one analysed page into the PageRecord the store writes, checking the span invariants on the way:
 * a page span outside the page text fails the page; an annotation that breaks them is dropped with a warning.
 */
import type { ArticleAnnotations } from '../core/annotation.ts';
import type { ExtractedArticle, PageSpan } from '../core/article.ts';
import { EngineError } from '../core/errors.ts';
import type { RawPage } from '../core/page.ts';
import { isValidSpan } from '../core/span.ts';
import type { ArticleRecord, PageRecord } from '../store/store.ts';
import type { DerivedArticle } from './derived-articles.ts';

/** An extracted article, with the annotation layers when the page was analysed with `annotate`. */
export type AnalyzedArticleLike = ExtractedArticle & Partial<ArticleAnnotations>;

/** What ingest needs from `analyzePage`: the extraction of the page, articles optionally annotated. */
export interface AnalyzedPageLike {
  readonly pageText: string;
  readonly spans: readonly PageSpan[];
  readonly articles: readonly AnalyzedArticleLike[];
  /** Problems the analyser worked around for this page (kept in the ingest summary). */
  readonly warnings?: readonly string[];
  /** Extraction diagnostics (`extract/no-main-content`, `extract/not-an-article`, `extract/too-short`…), kept with the warnings. */
  readonly diagnostics?: readonly { readonly code: string; readonly message: string }[];
  /**
   * Search documents and clustering features of the articles, one per article in order, when the analyser computed
   * them beside the analysis (src/app/derived-articles.ts); the after-write hooks compute missing ones themselves.
   */
  readonly derived?: readonly DerivedArticle[];
}

export interface BuiltRecord {
  readonly record: PageRecord;
  /** One line per dropped annotation. */
  readonly warnings: readonly string[];
}

const LAYERS = ['entities', 'quantities', 'quotes', 'times'] as const;

/** Builds the store record; throws `analyze/failed` when a page-level span breaks the invariants. */
export function buildPageRecord(page: RawPage, analyzed: AnalyzedPageLike): BuiltRecord {
  const length = analyzed.pageText.length;
  const badSpan = analyzed.spans.find((span) => !isValidSpan(span, length));
  if (badSpan) {
    throw new EngineError(
      'analyze/failed',
      `Span ${badSpan.kind} [${badSpan.start}, ${badSpan.end}) is outside the page text (${length} chars).`,
    );
  }
  const warnings: string[] = [
    ...(analyzed.warnings ?? []),
    ...(analyzed.diagnostics ?? []).map((d) => `${d.code}: ${d.message}`),
  ];
  const articles = analyzed.articles.map((article, index): ArticleRecord => {
    const { entities, quantities, quotes, times, ...extracted } = article;
    const layers = { entities, quantities, quotes, times };
    const annotated = LAYERS.some((layer) => layers[layer] !== undefined);
    if (!annotated) return { article: extracted, annotations: null };
    return { article: extracted, annotations: checkedAnnotations(article.body, layers, { index, warnings }) };
  });
  return { record: { page, pageText: analyzed.pageText, spans: analyzed.spans, articles }, warnings };
}

type MaybeLayers = { [K in keyof ArticleAnnotations]: ArticleAnnotations[K] | undefined };

function checkedAnnotations(
  body: string,
  layers: MaybeLayers,
  context: { index: number; warnings: string[] },
): ArticleAnnotations {
  const keep = <T extends { start: number; end: number; text: string }>(
    layer: string,
    mentions: readonly T[] | undefined,
  ): readonly T[] =>
    (mentions ?? []).filter((mention) => {
      const ok = isValidSpan(mention, body.length) && body.slice(mention.start, mention.end) === mention.text;
      if (!ok)
        context.warnings.push(
          `article ${context.index}: dropped ${layer} «${mention.text}» [${mention.start}, ${mention.end}): span does not match the body`,
        );
      return ok;
    });
  return {
    entities: keep('entities', layers.entities),
    quantities: keep('quantities', layers.quantities),
    quotes: keep('quotes', layers.quotes),
    times: keep('times', layers.times),
  };
}
