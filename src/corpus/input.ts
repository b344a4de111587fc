/**
 * Adapts an analysed article (extraction fields plus optional annotation layers) to the corpus stage's
 * ClusterInput. Pure; tolerant of missing layers, since pages may be analysed without annotation.
 */
import type { ArticleAnnotations } from '../core/annotation.ts';
import type { ExtractedArticle } from '../core/article.ts';
import type { ClusterInput } from './types.ts';

/** An extracted article with whichever annotation layers were computed. */
export type AnalyzedArticle = Pick<ExtractedArticle, 'headline' | 'body' | 'published' | 'outlet'> &
  Partial<Pick<ExtractedArticle, 'citedSources'>> &
  Partial<ArticleAnnotations>;

/** The ClusterInput of an analysed article under the given id. */
export function toClusterInput(id: string, article: AnalyzedArticle): ClusterInput {
  return {
    id,
    outlet: article.outlet,
    published: article.published?.date ?? null,
    headline: article.headline,
    body: article.body,
    citedSources: article.citedSources ?? [],
    entities: article.entities ?? [],
    quantities: article.quantities ?? [],
    times: article.times ?? [],
    quotes: article.quotes ?? [],
  };
}
