/**
 * Validators for API reads: every successful GET /api/… JSON answer gets a strong ETag (a hash of its bytes) and
 * `Cache-Control: no-cache`, so browsers and proxies keep it and revalidate; a request whose If-None-Match names
 * the current ETag gets 304 with no body. Storyline pages, entity lists and articles change only when an ingest
 * changes them, so a client polling them costs one hash and a few bytes. Static files have their own validators
 * (@fastify/static).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Reads whose answer depends on the moment rather than the stored data are left alone. */
const UNCACHED = new Set(['/api/health']);

/** The strong validator of a body: quoted base64url SHA-1 of its bytes (collisions are not a concern for caching). */
export function entityTag(body: string | Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when an If-None-Match header (a list, `*`, weak tags allowed) matches `tag` (weak comparison, RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = tag.replace(/^W\//u, '');
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//u, '') === bare);
}

function cacheable(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (reply.statusCode !== 200) return false;
  const path = request.url.split('?', 1)[0]!;
  return path.startsWith('/api/') && !UNCACHED.has(path);
}

/** Adds ETag/304 handling to every JSON read under /api/. */
export function installHttpCache(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!cacheable(request, reply) || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) return payload;
    // An answer kept by the response cache arrives with its tag.
    const kept = reply.getHeader('etag');
    const tag = typeof kept === 'string' ? kept : entityTag(payload);
    reply.header('etag', tag);
    reply.header('cache-control', 'no-cache');
    if (!matchesIfNoneMatch(request.headers['if-none-match'], tag)) return payload;
    reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    return '';
  });
}
