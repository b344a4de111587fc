/** Stories: storylines (list, detail), event clusters, and per-storyline timeline and claims. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../deps.ts';
import { HttpError } from '../http-errors.ts';
import { cursorParam, encodeCursor } from '../cursor.ts';
import { ID, MAX_LIST_LIMIT, parseRequest } from '../validate.ts';

const ID_PARAMS = z.object({ id: ID });
const STORYLINE_QUERY = z.object({ storyline: ID }).strict();
/** Keyset position: the storyline id and place in it of the previous page's last cluster. */
const CLUSTER_CURSOR = z.tuple([z.string().max(200), z.number().int().min(0)]);
const CLUSTER_LIST_QUERY = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_LIST_LIMIT).optional(),
    after: cursorParam(CLUSTER_CURSOR).optional(),
  })
  .strict();

export function registerStoryRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const storyline = async (id: string) => {
    const detail = await deps.stories.getStoryline(id);
    if (!detail) throw new HttpError(404, 'not-found', `No storyline with id ${id}.`);
    return detail;
  };

  app.get('/api/storylines', { config: { dependsOn: ['stories', 'articles'] } }, async () => ({
    items: await deps.stories.listStorylines(),
  }));

  app.get('/api/storylines/:id', { config: { dependsOn: ['stories', 'articles'] } }, async (request) =>
    storyline(parseRequest(ID_PARAMS, request.params, 'path').id),
  );

  // Without `limit`, every cluster of the listed storylines, as before; the items arrive serialised from the read
  // model and are joined, not parsed and re-serialised.
  app.get('/api/clusters', { config: { dependsOn: ['stories', 'articles'] } }, async (request, reply) => {
    const query = parseRequest(CLUSTER_LIST_QUERY, request.query, 'query');
    const page = await deps.stories.eventClusterPage({
      ...(query.limit === undefined ? {} : { limit: query.limit }),
      ...(query.after === undefined ? {} : { after: { storylineId: query.after[0], position: query.after[1] } }),
    });
    const next = page.next && encodeCursor([page.next.storylineId, page.next.position]);
    return reply
      .type('application/json; charset=utf-8')
      .send(`{"items":[${page.itemsJson.join(',')}],"nextCursor":${JSON.stringify(next)}}`);
  });

  app.get('/api/clusters/:id', { config: { dependsOn: ['stories', 'articles'] } }, async (request) => {
    const { id } = parseRequest(ID_PARAMS, request.params, 'path');
    const cluster = await deps.stories.getEventCluster(id);
    if (!cluster) throw new HttpError(404, 'not-found', `No event cluster with id ${id}.`);
    return cluster;
  });

  app.get('/api/timeline', { config: { dependsOn: ['stories', 'articles'] } }, async (request) => {
    const { storyline: id } = parseRequest(STORYLINE_QUERY, request.query, 'query');
    const detail = await storyline(id);
    return { storylineId: id, timeline: detail.timeline, undated: detail.undated };
  });

  app.get('/api/claims', { config: { dependsOn: ['stories', 'articles'] } }, async (request) => {
    const { storyline: id } = parseRequest(STORYLINE_QUERY, request.query, 'query');
    return { storylineId: id, claims: (await storyline(id)).claims };
  });
}
