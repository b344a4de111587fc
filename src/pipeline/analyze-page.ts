/**
 * One page through the pipeline: extraction (src/extract) and, with `annotate`, the annotation layers
 * (src/analyze) per article. `toAnalyzeJson` shapes the public `marsad analyze` line; extend it only by adding fields.
 */
import type { ArticleAnnotations } from '../core/annotation.ts';
import type { ExtractedArticle } from '../core/article.ts';
import type { RawPage } from '../core/page.ts';
import { annotateArticle } from '../analyze/index.ts';
import { extractPage } from '../extract/index.ts';
import type { AnalyzedPage } from './analyze-json.ts';

export type { AnalyzedArticle, AnalyzedPage, AnalyzeJson, ArticleJson, PublishedJson } from './analyze-json.ts';
export { toAnalyzeJson } from './analyze-json.ts';

export interface AnalyzeOptions {
  /** Run the annotation layers (entities, quantities, quotes, times) on every article body. */
  readonly annotate?: boolean;
  /** Annotator override (tests); defaults to `annotateArticle` from src/analyze. */
  readonly annotator?: (article: ExtractedArticle) => ArticleAnnotations;
}

/** Extracts the page's articles and, with `annotate`, annotates each body. Pure apart from the annotator's one-time model load. */
export function analyzePage(page: RawPage, options: AnalyzeOptions = {}): AnalyzedPage {
  const extraction = extractPage(page);
  if (!options.annotate) return extraction;
  // The one place annotation layers join extraction: offsets of every layer index `article.body`.
  const annotate =
    options.annotator ??
    ((article: ExtractedArticle) =>
      annotateArticle({ body: article.body, published: article.published, outlet: article.outlet }));
  return { ...extraction, articles: extraction.articles.map((article) => ({ ...article, ...annotate(article) })) };
}
