import { afterEach, describe, expect, it } from 'vitest';
import { buildApiFixture, type ApiFixture } from './testing/fixture.ts';

let fx: ApiFixture;
afterEach(async () => {
  await fx.app.close();
  await fx.store.close();
});

async function call(method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) {
  // Writes need an editor token (src/server/access.ts); reads on loopback do not.
  const auth = method === 'GET' ? {} : fx.editorHeaders;
  const response = await fx.app.inject({
    method,
    url,
    ...(payload === undefined
      ? { headers: auth }
      : { payload: JSON.stringify(payload), headers: { 'content-type': 'application/json', ...auth } }),
  });
  return { status: response.statusCode, body: response.body === '' ? null : response.json() };
}

describe('/api/sources', () => {
  it('adds a source (canonical URL, no fetch), lists it, shows its health and removes it', async () => {
    fx = await buildApiFixture();
    const added = await call('POST', '/api/sources', {
      url: 'HTTPS://Alwatan.Example:443/rss.xml?utm_source=x#top',
      name: 'الوطن',
      every: '30m',
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      url: 'https://alwatan.example/rss.xml',
      name: 'الوطن',
      everySeconds: 1800,
      endpoints: [],
      lastRunAt: null,
    });
    expect((await call('GET', '/api/sources')).body.items.map((s: { id: string }) => s.id)).toEqual([added.body.id]);
    const health = await call('GET', `/api/sources/${added.body.id}`);
    expect(health.body).toMatchObject({
      id: added.body.id,
      itemsSeen: 0,
      articlesStored: 0,
      errors: [],
      articlesPerDay: [],
    });
    expect((await call('POST', '/api/sources', { url: 'https://alwatan.example/rss.xml' })).status).toBe(400);
    expect((await call('DELETE', `/api/sources/${added.body.id}`)).status).toBe(204);
    expect((await call('GET', `/api/sources/${added.body.id}`)).status).toBe(404);
    expect((await call('DELETE', `/api/sources/${added.body.id}`)).status).toBe(404);
  });

  it('refuses a URL that is not http(s), a bad schedule and unknown fields with a 400 naming the problem', async () => {
    fx = await buildApiFixture();
    expect((await call('POST', '/api/sources', { url: 'file:///etc/passwd' })).body.error.message).toMatch(
      /not an http\(s\) URL/u,
    );
    expect((await call('POST', '/api/sources', { url: 'https://a.example/', every: '5s' })).body.error.message).toMatch(
      /--every/u,
    );
    expect((await call('POST', '/api/sources', { url: 'https://a.example/', extra: 1 })).status).toBe(400);
  });
});
