/** Articles: the list (newest first) and one article with annotations, removed boilerplate and its storyline. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { viewArticle } from '../../app/articles.ts';
import type { ServerDeps } from '../deps.ts';
import { ID, PAGING, parseRequest } from '../validate.ts';

const LIST_QUERY = PAGING.extend({ outlet: z.string().min(1).max(200).optional() }).strict();
const ARTICLE_PARAMS = z.object({ id: ID });

export function registerArticleRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/articles', { config: { dependsOn: ['articles'] } }, async (request) => {
    const query = parseRequest(LIST_QUERY, request.query, 'query');
    const [items, total] = await Promise.all([deps.store.listArticles(query), deps.store.countArticles()]);
    return { total, limit: query.limit, offset: query.offset, items };
  });

  app.get('/api/articles/:id', { config: { dependsOn: ['articles', 'stories'] } }, async (request) => {
    const { id } = parseRequest(ARTICLE_PARAMS, request.params, 'path');
    const { article, removed } = await viewArticle(deps.store, id);
    const storylineId = await deps.stories.storylineOfArticle(article.id);
    return { ...article, removed, storylineId, pageTextUrl: `/api/pages/${article.pageId}/text` };
  });
}
