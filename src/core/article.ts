/**
 * Extraction output: the articles a page holds, every labelled span of the page and what was removed.
 * `AnalyzedPage`/`ExtractedArticle` mirror the public `marsad analyze` JSON contract (issue 2);
 * later layers extend it only by adding fields.
 */
import type { Diagnostic } from './diagnostic.ts';
import type { Span } from './span.ts';

/** Label of a labelled span of the page text. */
export type PageSpanKind = 'headline' | 'dek' | 'meta' | 'body' | 'caption' | 'boilerplate';

/** Why a span was removed (kind 'boilerplate') or what a meta span is. */
export type SpanReason =
  | 'navigation'
  | 'tags'
  | 'related-links'
  | 'read-also-marker'
  | 'share'
  | 'author-box'
  | 'comments'
  | 'duplicate-headline'
  | 'footer'
  | 'subscribe'
  | 'glued-link'
  | 'caption'
  | 'advert'
  | 'other'
  | 'outside-main-content'
  | 'date'
  | 'byline'
  | 'outlet'
  | 'source-line'
  | 'cited-sources';

/** One labelled range of the page text. `article` is the index of the article it belongs to, if any. */
export interface PageSpan extends Span {
  readonly kind: PageSpanKind;
  readonly reason?: SpanReason;
  readonly article?: number;
}

export type DatePrecision = 'day' | 'month' | 'year';

/** A publication date as found on the page. `date` is YYYY-MM-DD, YYYY-MM or YYYY to match `precision`. */
export interface PublishedDate {
  readonly date: string;
  readonly precision: DatePrecision;
  /** The page characters the date was read from. */
  readonly text: string;
  /** Where `text` sits in the page text (absent when read from HTML metadata or a feed). */
  readonly span?: Span;
  /** 'feed': the page gave no date, so the one its feed or sitemap listed is kept as a fallback. */
  readonly from?: 'json-ld' | 'meta-tag' | 'time-element' | 'body' | 'feed';
}

export interface ExtractedArticle {
  readonly headline: string | null;
  readonly dek: string | null;
  /** Paragraphs joined by "\n": the coordinate system of annotation spans. */
  readonly body: string;
  readonly published: PublishedDate | null;
  readonly outlet: string | null;
  readonly citedSources: readonly string[];
  /** Labelled spans of this article, indexing the page text (the public contract's `spans`). */
  readonly spans: readonly PageSpan[];
  /** For each body paragraph: where it sits in the page text and in `body`. */
  readonly paragraphs: readonly { readonly page: Span; readonly body: Span }[];
}

/** Everything extraction learned from one page. */
export interface PageExtraction {
  /** The text all page-level spans index: the page body for plain text, the rendered text for HTML. */
  readonly pageText: string;
  readonly articles: readonly ExtractedArticle[];
  /** Every labelled span of the page, including boilerplate not attached to an article, sorted by start. */
  readonly spans: readonly PageSpan[];
  /**
   * Why the page yields no article or a doubtful one (`extract/no-main-content`, `extract/not-an-article`,
   * `extract/too-short`) and what was worked around (`extract/bad-json-ld`). Never silently empty.
   */
  readonly diagnostics?: readonly Diagnostic[];
}
