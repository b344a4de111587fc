/**
 * The public `marsad analyze` JSON line (extend it only by adding fields), apart from the pipeline itself so that
 * printing extraction-only results does not load the annotation stack.
 */
import type { ArticleAnnotations } from '../core/annotation.ts';
import type { ExtractedArticle, PageExtraction, PageSpan, PublishedDate } from '../core/article.ts';

/** An extracted article, plus its annotation layers when the page was analysed with `annotate`. */
export type AnalyzedArticle = ExtractedArticle & Partial<ArticleAnnotations>;

export interface AnalyzedPage extends PageExtraction {
  readonly articles: readonly AnalyzedArticle[];
}

/** The `published` field of the public JSON: date, precision and the page text it was read from. */
export interface PublishedJson {
  readonly date: string;
  readonly precision: PublishedDate['precision'];
  readonly text: string;
}

/** One article of the public `marsad analyze` JSON line. */
export interface ArticleJson extends Partial<ArticleAnnotations> {
  readonly headline: string | null;
  readonly dek: string | null;
  readonly body: string;
  readonly published: PublishedJson | null;
  readonly outlet: string | null;
  readonly citedSources: readonly string[];
  readonly spans: readonly {
    readonly kind: PageSpan['kind'];
    readonly reason?: PageSpan['reason'];
    readonly start: number;
    readonly end: number;
  }[];
}

export interface AnalyzeJson {
  readonly file: string;
  readonly articles: readonly ArticleJson[];
  /** Added field: why the page yields no article or a doubtful one (`extract/no-main-content`, `extract/not-an-article`, `extract/too-short`…). */
  readonly diagnostics?: readonly { readonly severity: string; readonly code: string; readonly message: string }[];
}

/** The public `marsad analyze` object for one input file (`file` as the user gave it). */
export function toAnalyzeJson(file: string, analyzed: AnalyzedPage): AnalyzeJson {
  const diagnostics = (analyzed.diagnostics ?? []).map((d) => ({
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
  return { file, articles: analyzed.articles.map(articleJson), ...(diagnostics.length > 0 ? { diagnostics } : {}) };
}

function articleJson(article: AnalyzedArticle): ArticleJson {
  const { entities, quantities, quotes, times } = article;
  const layers = entities === undefined ? {} : { entities, quantities, quotes, times };
  return {
    headline: article.headline,
    dek: article.dek,
    body: article.body,
    published:
      article.published === null
        ? null
        : { date: article.published.date, precision: article.published.precision, text: article.published.text },
    outlet: article.outlet,
    citedSources: article.citedSources,
    spans: article.spans.map((s) => ({
      kind: s.kind,
      ...(s.reason ? { reason: s.reason } : {}),
      start: s.start,
      end: s.end,
    })),
    ...layers,
  };
}
