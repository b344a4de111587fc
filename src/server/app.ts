/**
 * The HTTP server: fastify with the JSON API under /api, the OpenAPI document, and the web UI (static
 * files from web/) from the same process. Built from injected deps so tests run it in-process.
 */
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { packagePath } from '../core/package-files.ts';
import type { ServerDeps } from './deps.ts';
import { installAccessControl, type AccessOptions } from './access.ts';
import { installHttpCache } from './http-cache.ts';
import { installResponseCache, type ResponseCacheOptions } from './response-cache.ts';
import { installErrorHandlers, toErrorBody } from './http-errors.ts';
import { openApiDocument } from './openapi.ts';
import { createEntityAliasReader } from '../app/entity-aliases.ts';
import { registerArticleRoutes } from './routes/articles.ts';
import { registerEntityRoutes } from './routes/entities.ts';
import { registerPageRoutes } from './routes/pages.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerStoryRoutes } from './routes/stories.ts';
import { registerSourceRoutes } from './routes/sources.ts';

/** 6 MB: one page up to the ingest limit (5 MB) plus JSON escaping; larger bodies get 413. */
export const DEFAULT_BODY_LIMIT_BYTES = 6 * 1024 * 1024;
export const DEFAULT_WEB_ROOT = packagePath('web');

/**
 * Pages and scripts come only from this server: no CDN, no outside fonts, nothing inline to inject into.
 * Coupled to web/index.html (no inline scripts or styles).
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export interface ServerOptions {
  readonly bodyLimitBytes?: number;
  /** Directory of the web UI; null serves the API only. */
  readonly webRoot?: string | null;
  readonly logger?: boolean;
  /** Host names and token rules (default: loopback names only, tokens for writes). */
  readonly access?: AccessOptions;
  /** Answers kept while their data are unchanged (default: on, where the store can tell). */
  readonly responseCache?: ResponseCacheOptions;
}

/** Builds (does not start) the server. */
export async function buildServer(deps: ServerDeps, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    // Long Arabic ids or queries are fine; a runaway URL is not.
    routerOptions: { maxParamLength: 200 },
    // Errors fastify raises before routing (a malformed %-escape in the path) answer in the documented shape too.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const body = toErrorBody(error);
      const status = body.error.status === 500 ? 400 : body.error.status;
      void reply
        .status(status)
        .type('application/json; charset=utf-8')
        .send({
          error: {
            status,
            code: error.code === 'FST_ERR_BAD_URL' ? 'bad-url' : body.error.code,
            message: error.message,
          },
        });
    },
  });
  installErrorHandlers(app);
  installAccessControl(app, deps.store, options.access);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    return payload;
  });
  installResponseCache(app, deps.store, options.responseCache);
  installHttpCache(app);
  app.get('/api/health', async () => ({
    ok: true,
    articles: await deps.store.countArticles(),
    pages: await deps.store.countPages(),
  }));
  app.get('/api/openapi.json', async () => openApiDocument());
  registerPageRoutes(app, deps);
  registerArticleRoutes(app, deps);
  // A person's short form is listed and searched under the one full name it fits («مبارك» under «حسني مبارك»).
  const entityAliases = createEntityAliasReader(deps.store);
  registerEntityRoutes(app, deps, entityAliases);
  registerStoryRoutes(app, deps);
  registerSearchRoutes(app, deps, entityAliases);
  registerSourceRoutes(app, deps);
  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot !== null && existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'], wildcard: true });
  }
  return app;
}
