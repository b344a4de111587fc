/**
 * Sources: the outlets `marsad watch` follows, with their health. POST stores a source without fetching it (the
 * server makes no outbound requests; the next watch round discovers its feeds); DELETE stops following it.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addSource, parseEvery } from '../../app/sources.ts';
import type { ServerDeps } from '../deps.ts';
import { HttpError } from '../http-errors.ts';
import { ID, parseRequest } from '../validate.ts';

const ID_PARAMS = z.object({ id: ID });
const NEW_SOURCE = z
  .object({
    url: z.string().min(1).max(2000),
    name: z.string().max(200).optional(),
    every: z.string().max(20).optional(),
  })
  .strict();

export function registerSourceRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/sources', async () => ({ items: await deps.store.listSources() }));

  app.get('/api/sources/:id', async (request) => {
    const { id } = parseRequest(ID_PARAMS, request.params, 'path');
    const found = await deps.store.getSource(id);
    const health = found ? await deps.store.sourceHealth(found.id) : null;
    if (!health) throw new HttpError(404, 'not-found', `No source with id ${id}.`);
    return health;
  });

  app.post('/api/sources', async (request, reply) => {
    const body = parseRequest(NEW_SOURCE, request.body, 'body');
    const everySeconds = body.every === undefined ? undefined : parseEvery(body.every);
    const source = await addSource(
      deps.store,
      { url: body.url, name: body.name ?? null, everySeconds, now: new Date() },
      null,
    );
    return reply.status(201).send(source);
  });

  app.delete('/api/sources/:id', async (request, reply) => {
    const { id } = parseRequest(ID_PARAMS, request.params, 'path');
    if (!(await deps.store.removeSource(id))) throw new HttpError(404, 'not-found', `No source with id ${id}.`);
    return reply.status(204).send();
  });
}
