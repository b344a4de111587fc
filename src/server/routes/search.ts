/** GET /api/search: full-text search with filters, highlighted snippets and pagination. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_QUERY_CHARS, searchStore } from '../../app/search.ts';
import type { EntityAliasReader } from '../../app/entity-aliases.ts';
import type { ServerDeps } from '../deps.ts';
import { ID, ISO_DAY, parseRequest } from '../validate.ts';

const SEARCH_QUERY = z
  .object({
    q: z.string().trim().min(1, 'must not be empty').max(MAX_QUERY_CHARS),
    outlet: z.string().min(1).max(200).optional(),
    from: ISO_DAY.optional(),
    to: ISO_DAY.optional(),
    entity: z.string().min(1).max(200).optional(),
    storyline: ID.optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['from'],
  });

export function registerSearchRoutes(app: FastifyInstance, deps: ServerDeps, aliases: EntityAliasReader): void {
  // An entity filter covers the entity and the short forms listed under it.
  const entityArticles = async (entityId: string): Promise<readonly string[]> => {
    const known = await aliases.current();
    const target = known.targetOf(entityId) ?? entityId;
    const ids = [target, ...known.joinedInto(target)];
    if (ids.length === 1) return deps.store.articleIdsForEntity(target);
    const all = new Set<string>();
    for (const id of ids) for (const articleId of await deps.store.articleIdsForEntity(id)) all.add(articleId);
    return [...all].sort();
  };
  app.get('/api/search', { config: { dependsOn: ['search', 'articles', 'stories', 'entities'] } }, async (request) => {
    const query = parseRequest(SEARCH_QUERY, request.query, 'query');
    return searchStore(
      deps.store,
      {
        query: query.q,
        outlet: query.outlet,
        from: query.from,
        to: query.to,
        entityId: query.entity,
        storylineId: query.storyline,
        page: query.page,
        pageSize: query.pageSize,
      },
      (id) => deps.stories.storylineArticleIds(id),
      entityArticles,
    );
  });
}
