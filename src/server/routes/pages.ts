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
  .refine((page) => (page.html === undefined) !== (page.text === undefined), {
    message: 'give exactly one of html or text',
  });

const BATCH = z.object({ pages: z.array(SUBMISSION).min(1).max(MAX_PAGES_PER_POST) }).strict();
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One page or {pages: [...]}; chosen by shape first so the error names the offending field, not "invalid union". */
function parseSubmissions(body: unknown): readonly z.infer<typeof SUBMISSION>[] {
  if (!isObject(body))
    throw new HttpError(
      400,
      'invalid-request',
      'Invalid request. body: must be a JSON object {url?, html? | text?} or {pages: [...]}.',
    );
  return 'pages' in body ? parseRequest(BATCH, body, 'body').pages : [parseRequest(SUBMISSION, body, 'body')];
}

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
    const results = await deps.ingest(parseSubmissions(request.body));
    const anyStored = results.some((r) => r.ok);
    // 201 when something was stored or found, 422 when every page failed.
    return reply.status(anyStored ? 201 : 422).send({ results });
  });
}
