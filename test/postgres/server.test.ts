/** `marsad serve` on PostgreSQL: the real server composition (startServer) over a postgres:// URL, driven in-process. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { indexWrittenArticles } from '../../src/search/store-search.ts';
import { startServer, type RunningServer } from '../../src/server/main.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import {
  postgresTestTarget,
  startTestDatabase,
  type TestDatabase,
} from '../../src/store/postgres/testing/test-database.ts';
import { samplePageRecord } from '../../src/store/sample-records.ts';

const target = postgresTestTarget(process.env);

describe.skipIf(target === null)('HTTP API on PostgreSQL', () => {
  let database: TestDatabase;
  let server: RunningServer;
  const log: string[] = [];

  beforeAll(async () => {
    database = await startTestDatabase(target!);
    const url = `${database.url}${database.url.includes('?') ? '&' : '?'}schema=${database.freshSchema()}`;
    const seed = await openPostgresStore(url);
    const written = await seed.writePages([samplePageRecord({ variant: 0 }), samplePageRecord({ variant: 1 })]);
    await indexWrittenArticles(seed, written);
    await seed.close();
    server = await startServer({
      config: loadConfig({ db: url }),
      port: 0,
      host: '127.0.0.1',
      allowIngest: false,
      log: (line) => log.push(line),
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.stop();
  });

  async function get(url: string) {
    const response = await server.app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json() };
  }

  it('reports the corpus and lists articles', async () => {
    expect((await get('/api/health')).body).toEqual({ ok: true, articles: 2, pages: 2 });
    const { body } = await get('/api/articles');
    expect(body.items).toHaveLength(2);
  });

  it('searches by an inflected form with highlights that index the snippet', async () => {
    const { body } = await get(`/api/search?q=${encodeURIComponent('بالزيتون')}`);
    expect(body.total).toBe(2);
    for (const hit of body.hits) {
      const surfaces = hit.snippet.highlights.map((h: { start: number; end: number }) =>
        hit.snippet.text.slice(h.start, h.end),
      );
      expect(surfaces).toContain('الزيتون');
    }
    expect((await get(`/api/search?q=${encodeURIComponent('الزيتون -إربد')}`)).body.total).toBe(0);
  });

  it('serves entities with mentions whose spans cut the right text', async () => {
    const list = (await get('/api/entities')).body;
    expect(list.items.map((e: { entityId: string }) => e.entityId)).toEqual(['e-irbid', 'e-minister-agriculture']);
    const { body } = await get('/api/entities/e-irbid');
    expect(body.variants).toEqual([{ text: 'إربد', count: 2 }]);
    for (const m of body.mentions) expect(m.context.text.slice(m.context.start, m.context.end)).toBe('إربد');
    expect((await get('/api/entities/no-such-entity')).status).toBe(404);
  });
});
