/**
 * The Store port: every read and write of Marsad's database goes through this interface (no SQL or
 * driver outside src/store/). Methods return Promises so that the PostgreSQL implementation fits the
 * same port; the SQLite one resolves at once. Extend it by adding a method group interface below.
 */
import type { ArticleAnnotations } from '../core/annotation.ts';
import type { ExtractedArticle, PageSpan, PublishedDate } from '../core/article.ts';
import type { ContentType, PageDecoding, RawPage } from '../core/page.ts';
import type { SearchIndexPort } from './search-types.ts';
import type { EntityStore } from './entity-types.ts';
import type { StoryStore } from './story-types.ts';
import type { TokenStore } from './token-types.ts';
import type { SourceStore } from './source-types.ts';
import type { ReadModelStore } from './read-model-types.ts';

/** One analysed page, as ingest writes it. */
export interface PageRecord {
  readonly page: RawPage;
  /** The text page-level spans index (`PageExtraction.pageText`). */
  readonly pageText: string;
  /** Every labelled span of the page, removed boilerplate included; `article` is the article index. */
  readonly spans: readonly PageSpan[];
  readonly articles: readonly ArticleRecord[];
}

export interface ArticleRecord {
  readonly article: ExtractedArticle;
  /** Annotation layers; null when the page was ingested without annotation. */
  readonly annotations: ArticleAnnotations | null;
}

export interface WriteResult {
  /** Ids of pages that were not stored before (the rest were duplicates and left untouched). */
  readonly newPageIds: readonly string[];
  /** Ids of the articles of the new pages. */
  readonly newArticleIds: readonly string[];
}

export interface ArticleSummary {
  readonly id: string;
  readonly pageId: string;
  readonly index: number;
  readonly headline: string | null;
  readonly published: { readonly date: string; readonly precision: PublishedDate['precision'] } | null;
  readonly outlet: string | null;
  readonly url: string;
  readonly bodyChars: number;
}

/** An article with everything `marsad article` and the API show. */
export interface StoredArticle extends ExtractedArticle {
  readonly id: string;
  readonly pageId: string;
  readonly index: number;
  readonly url: string;
  readonly fetchedAt: string;
  /** null when the page was ingested without annotation. */
  readonly annotations: ArticleAnnotations | null;
}

export interface StoredPage {
  readonly id: string;
  readonly url: string;
  readonly fetchedAt: string;
  readonly contentType: ContentType;
  readonly encoding: string | null;
  /** The decoded page as received. */
  readonly body: string;
  /** The text page spans index (equals `body` for plain text). */
  readonly pageText: string;
  readonly spans: readonly PageSpan[];
  readonly articleIds: readonly string[];
  /** How the bytes were decoded, with a warning when lossy; null for pages stored before this was recorded. */
  readonly decoding: PageDecoding | null;
}

export interface ListQuery {
  readonly limit: number;
  readonly offset?: number;
  /** Only articles from this outlet (exact stored name). */
  readonly outlet?: string;
}

/** Pages: idempotent batch writes by content hash. */
export interface PageStore {
  /** Which of these page ids are already stored. */
  existingPageIds(ids: readonly string[]): Promise<ReadonlySet<string>>;
  /** Writes the batch in one transaction; pages already stored are skipped, never rewritten. */
  writePages(records: readonly PageRecord[]): Promise<WriteResult>;
  getPage(id: string): Promise<StoredPage | null>;
  countPages(): Promise<number>;
}

/** Articles and their annotations. */
export interface ArticleStore {
  /** Newest first (by published date, undated last), then in ingest order. */
  listArticles(query: ListQuery): Promise<readonly ArticleSummary[]>;
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Ids starting with `prefix`, at most `limit`, sorted. */
  findArticleIds(prefix: string, limit: number): Promise<readonly string[]>;
  countArticles(): Promise<number>;
}

/** Pages and articles plus lifecycle: what every implementation provides first (and the contract tests check). */
export interface CoreStore extends PageStore, ArticleStore {
  /** 'sqlite' or 'postgres'. */
  readonly dialect: string;
  close(): Promise<void>;
}

/** The whole port. Other areas add their method groups to this `extends` list. */
export interface Store
  extends CoreStore,
    SearchIndexPort,
    EntityStore,
    StoryStore,
    TokenStore,
    SourceStore,
    ReadModelStore {}
