/** Stories: storylines (list, detail), event clusters, and per-storyline timeline and claims. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../deps.ts';
import { HttpError } from '../http-errors.ts';
import { ID, parseRequest } from '../validate.ts';

const ID_PARAMS = z.object({ id: ID });
const STORYLINE_QUERY = z.object({ storyline: ID }).strict();

export function registerStoryRoutes(app: FastifyInstance, deps: ServerDeps): void {
  const storyline = async (id: string) => {
    const detail = await deps.stories.getStoryline(id);
    if (!detail) throw new HttpError(404, 'not-found', `No storyline with id ${id}.`);
    return detail;
  };

  app.get('/api/storylines', async () => ({ items: await deps.stories.listStorylines() }));

  app.get('/api/storylines/:id', async (request) => storyline(parseRequest(ID_PARAMS, request.params, 'path').id));

  app.get('/api/clusters', async () => ({ items: await deps.stories.listEventClusters() }));

  app.get('/api/clusters/:id', async (request) => {
    const { id } = parseRequest(ID_PARAMS, request.params, 'path');
    const cluster = await deps.stories.getEventCluster(id);
    if (!cluster) throw new HttpError(404, 'not-found', `No event cluster with id ${id}.`);
    return cluster;
  });

  app.get('/api/timeline', async (request) => {
    const { storyline: id } = parseRequest(STORYLINE_QUERY, request.query, 'query');
    const detail = await storyline(id);
    return { storylineId: id, timeline: detail.timeline, undated: detail.undated };
  });

  app.get('/api/claims', async (request) => {
    const { storyline: id } = parseRequest(STORYLINE_QUERY, request.query, 'query');
    return { storylineId: id, claims: (await storyline(id)).claims };
  });
}
