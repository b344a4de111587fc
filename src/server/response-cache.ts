/**
 * Keeps recent API answers while the data behind them are unchanged (issue 18 item 3). A route declares what its
 * answers depend on (`config: { dependsOn: ['entities', 'stories'] }`); before the handler runs, one indexed read
 * of the store's data generations (`Store.dataGeneration`, bumped by triggers in every writing transaction of any
 * process) tells whether a kept answer for the same URL is still current; if so it is sent as is, with the ETag
 * computed when it was made. Bounded by entries and bytes, least recently used first out. Stores that cannot tell
 * generations cheaply (PostgreSQL) get no caching. Reads are the same for every token, so answers are shared.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DataKind } from '../store/read-model-types.ts';
import type { Store } from '../store/store.ts';
import { entityTag } from './http-cache.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Data an answer depends on: it is kept and reused while their generations stay the same. */
    readonly dependsOn?: readonly DataKind[];
  }
}

export interface ResponseCacheOptions {
  /** false: no answer is kept (e.g. to measure the uncached cost). Default true. */
  readonly enabled?: boolean;
  readonly maxEntries?: number;
  readonly maxBytes?: number;
}

export const DEFAULT_CACHE_ENTRIES = 2_000;
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

interface Entry {
  readonly body: Buffer | string;
  readonly tag: string;
  readonly contentType: string;
}

/** Answers in least-recently-used order (a Map keeps insertion order; a hit moves its entry to the end). */
export function createAnswerCache(maxEntries: number, maxBytes: number) {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  return {
    get(key: string): Entry | undefined {
      const entry = entries.get(key);
      if (entry) {
        entries.delete(key);
        entries.set(key, entry);
      }
      return entry;
    },
    set(key: string, entry: Entry): void {
      const size = entry.body.length + key.length;
      if (size > maxBytes) return;
      const old = entries.get(key);
      if (old) {
        entries.delete(key);
        bytes -= old.body.length + key.length;
      }
      entries.set(key, entry);
      bytes += size;
      for (const [oldest, value] of entries) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        entries.delete(oldest);
        bytes -= value.body.length + oldest.length;
      }
    },
    get size(): number {
      return entries.size;
    },
  };
}

const pending = new WeakMap<FastifyRequest, string>();
const served = new WeakSet<FastifyRequest>();

/** Installs the cache; register before installHttpCache so the ETag hook reuses the kept tag. */
export function installResponseCache(app: FastifyInstance, store: Store, options: ResponseCacheOptions = {}): void {
  if (options.enabled === false) return;
  const cache = createAnswerCache(options.maxEntries ?? DEFAULT_CACHE_ENTRIES, options.maxBytes ?? DEFAULT_CACHE_BYTES);
  app.addHook('preHandler', async (request, reply) => {
    const dependsOn = request.routeOptions.config.dependsOn;
    if (!dependsOn || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    const generation = await store.dataGeneration(dependsOn);
    if (generation === null) return;
    const key = `${generation} ${request.url}`;
    const entry = cache.get(key);
    if (!entry) {
      pending.set(request, key);
      return;
    }
    served.add(request);
    reply.header('etag', entry.tag);
    return reply.type(entry.contentType).send(entry.body);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const key = pending.get(request);
    if (key === undefined || served.has(request) || reply.statusCode !== 200) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const tag = entityTag(payload);
    reply.header('etag', tag);
    const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
    // Kept as bytes: a hit is sent without encoding the text again (large lists are hundreds of KB).
    cache.set(key, { body: Buffer.isBuffer(payload) ? payload : Buffer.from(payload, 'utf8'), tag, contentType });
    return payload;
  });
}
