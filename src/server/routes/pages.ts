/** Pages: GET one page (metadata, labelled spans), its text, and POST new pages for ingest. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ServerDeps } from '../deps.ts';
import { HttpError } from '../http-errors.ts';
import { ID, parseRequest } from '../validate.ts';

/** Pages per POST: a page is analysed in ~0.1 s, so a full batch stays within a few seconds. */
export const MAX_PAGES_PER_POST = 50;

const SUBMISSION = z
  .object({
    url: z.string().min(1).max(2048).optional(),
    html: z.string().min(1).optional(),
    text: z.string().min(1).optional(),
    fetchedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((page) => (page.html === undefined) !== (page.text === undefined), { message: 'give exactly one of html or text' });

const POST_BODY = z.union([
  SUBMISSION,
  z.object({ pages: z.array(SUBMISSION).min(1).max(MAX_PAGES_PER_POST) }).strict(),
]);

const PAGE_PARAMS = z.object({ id: ID });

export function registerPageRoutes(app: FastifyInstance, deps: ServerDeps): void {
  app.get('/api/pages/:id', async (request) => {
    const { id } = parseRequest(PAGE_PARAMS, request.params, 'path');
    const page = await deps.store.getPage(id);
    if (!page) throw new HttpError(404, 'not-found', `No page with id ${id}.`);
    const { body: _body, pageText, ...meta } = page;
    return { ...meta, pageTextChars: pageText.length, textUrl: `/api/pages/${page.id}/text` };
  });

  app.get('/api/pages/:id/text', async (request, reply) => {
    const { id } = parseRequest(PAGE_PARAMS, request.params, 'path');
    const page = await deps.store.getPage(id);
    if (!page) throw new HttpError(404, 'not-found', `No page with id ${id}.`);
    // Plain text, never rendered as HTML by the browser: the page text is untrusted.
    return reply.type('text/plain; charset=utf-8').header('x-content-type-options', 'nosniff').send(page.pageText);
  });

  app.post('/api/pages', async (request, reply) => {
    if (!deps.ingest) throw new HttpError(503, 'ingest-unavailable', 'Ingest is not available on this server.');
    const body = parseRequest(POST_BODY, request.body, 'body');
    const submissions = 'pages' in body ? body.pages : [body];
    const results = await deps.ingest(submissions);
    const anyStored = results.some((r) => r.ok);
    // 201 when something was stored or found, 422 when every page failed.
    return reply.status(anyStored ? 201 : 422).send({ results });
  });
}
