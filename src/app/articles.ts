/**
 * Article use cases for the CLI and the API: resolve an id or unique id prefix, and assemble an article
 * with what was removed from its page and why (text cut here, in TS, from the stored page text).
 */
import type { SpanReason } from '../core/article.ts';
import { EngineError } from '../core/errors.ts';
import type { Store, StoredArticle } from '../store/store.ts';

export type { ArticleSummary } from '../store/store.ts';

/** Shortest prefix accepted, so a stray short argument doesn't silently pick an article. */
export const MIN_ID_PREFIX = 4;

export interface RemovedSpan {
  readonly reason: SpanReason | null;
  readonly start: number;
  readonly end: number;
  /** The removed page text. */
  readonly text: string;
  /** 'article' when extraction attributed it to this article, 'page' for page-level boilerplate. */
  readonly scope: 'article' | 'page';
}

export interface ArticleView {
  readonly article: StoredArticle;
  /** Boilerplate removed from the page, in page order; offsets index the page text. */
  readonly removed: readonly RemovedSpan[];
}

/** The article whose id is `idOrPrefix` or starts with it; not-found / ambiguous are EngineErrors. */
export async function resolveArticle(store: Store, idOrPrefix: string): Promise<StoredArticle> {
  const exact = await store.getArticle(idOrPrefix);
  if (exact) return exact;
  if (idOrPrefix.length < MIN_ID_PREFIX) {
    throw new EngineError(
      'store/not-found',
      `No article with id ${idOrPrefix} (prefixes need ${MIN_ID_PREFIX}+ characters).`,
    );
  }
  const candidates = await store.findArticleIds(idOrPrefix, 6);
  if (candidates.length === 0)
    throw new EngineError('store/not-found', `No article with id or id prefix ${idOrPrefix}.`);
  if (candidates.length > 1) {
    throw new EngineError(
      'usage/invalid',
      `Id prefix ${idOrPrefix} is ambiguous: ${candidates.slice(0, 5).join(', ')}${candidates.length > 5 ? ', …' : ''}.`,
    );
  }
  const article = await store.getArticle(candidates[0]!);
  if (!article) throw new EngineError('store/not-found', `Article ${candidates[0]} vanished while reading.`);
  return article;
}

/** The article plus the boilerplate removed from its page. */
export async function viewArticle(store: Store, idOrPrefix: string): Promise<ArticleView> {
  const article = await resolveArticle(store, idOrPrefix);
  const page = await store.getPage(article.pageId);
  if (!page) throw new EngineError('store/not-found', `Page ${article.pageId} of article ${article.id} is missing.`);
  const removed = page.spans
    .filter((span) => span.kind === 'boilerplate' && (span.article === undefined || span.article === article.index))
    .map(
      (span): RemovedSpan => ({
        reason: span.reason ?? null,
        start: span.start,
        end: span.end,
        text: page.pageText.slice(span.start, span.end),
        scope: span.article === undefined ? 'page' : 'article',
      }),
    );
  return { article, removed };
}
