import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiFixture, type ApiFixture } from './testing/fixture.ts';

let fx: ApiFixture;
beforeAll(async () => {
  fx = await buildApiFixture();
});
afterAll(async () => {
  await fx.app.close();
  await fx.store.close();
});

async function get(url: string) {
  const response = await fx.app.inject({ method: 'GET', url });
  return {
    status: response.statusCode,
    body: response.headers['content-type']?.toString().includes('json') ? response.json() : response.body,
    headers: response.headers,
  };
}

function expectClearError(result: { status: number; body: unknown }, status: number, pattern: RegExp) {
  expect(result.status).toBe(status);
  const body = result.body as { error: { status: number; message: string } };
  expect(body.error.status).toBe(status);
  expect(body.error.message).toMatch(pattern);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|node_modules/);
}

describe('GET /api/health and /api/openapi.json', () => {
  it('reports the corpus size', async () => {
    expect((await get('/api/health')).body).toEqual({ ok: true, articles: 2, pages: 2 });
  });

  it('serves an OpenAPI 3.1 document whose every path is routed', async () => {
    const doc = (await get('/api/openapi.json')).body as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, methods] of Object.entries(doc.paths)) {
      const url = path.replace('{id}', 'zzzz');
      for (const method of Object.keys(methods)) {
        const response = await fx.app.inject({ method: method.toUpperCase() as 'GET', url });
        const isUnrouted = response.statusCode === 404 && response.json().error.message.startsWith('No route');
        expect(isUnrouted, `${method} ${path}`).toBe(false);
      }
    }
  });
});

describe('articles', () => {
  it('lists articles with paging and an outlet filter', async () => {
    const all = await get('/api/articles?limit=1');
    expect(all.body.total).toBe(2);
    expect(all.body.items).toHaveLength(1);
    const byOutlet = await get(`/api/articles?outlet=${encodeURIComponent('صحيفة الشمال')}`);
    expect(byOutlet.body.items.map((a: { outlet: string }) => a.outlet)).toEqual(['صحيفة الشمال']);
  });

  it('returns an article with annotations whose spans index its body, removed boilerplate with reasons, and its storyline', async () => {
    const { status, body } = await get(`/api/articles/${fx.articleIds[0]}`);
    expect(status).toBe(200);
    for (const entity of body.annotations.entities) expect(body.body.slice(entity.start, entity.end)).toBe(entity.text);
    expect(body.removed.map((r: { reason: string }) => r.reason)).toEqual(['share', 'related-links']);
    expect(body.removed[1].text).toMatch(/^اقرأ أيضاً/u);
    expect(body.storylineId).toBe('story-olive');
    const text = await get(body.pageTextUrl);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect((text.body as string).slice(body.removed[1].start, body.removed[1].end)).toBe(body.removed[1].text);
  });

  it('resolves a unique id prefix', async () => {
    expect((await get(`/api/articles/${fx.articleIds[1]!.slice(0, 12)}`)).body.id).toBe(fx.articleIds[1]);
  });

  it('rejects bad paging and unknown ids with clear 4xx errors', async () => {
    expectClearError(await get('/api/articles?limit=abc'), 400, /query\.limit/);
    expectClearError(await get('/api/articles?limit=100000'), 400, /query\.limit/);
    expectClearError(await get('/api/articles?offset=-1'), 400, /query\.offset/);
    expectClearError(await get('/api/articles?sort=x'), 400, /sort|Unrecognized/i);
    expectClearError(await get('/api/articles/ffffffffffffffff'), 404, /No article/);
    expectClearError(await get('/api/articles/bad%20id!'), 400, /path\.id/);
    expectClearError(await get('/api/pages/ffffffffffffffff'), 404, /No page/);
  });
});

describe('pages', () => {
  it('returns page metadata and spans without the raw body', async () => {
    const article = (await get(`/api/articles/${fx.articleIds[0]}`)).body;
    const page = await get(`/api/pages/${article.pageId}`);
    expect(page.body.articleIds).toEqual([fx.articleIds[0]]);
    expect(page.body.body).toBeUndefined();
    expect(page.body.spans.some((s: { reason?: string }) => s.reason === 'related-links')).toBe(true);
  });
});

describe('entities', () => {
  it('lists entities, optionally within a storyline or of a type', async () => {
    const all = await get('/api/entities');
    expect(all.body.items.map((e: { entityId: string }) => e.entityId)).toEqual(['e-irbid', 'e-minister-agriculture']);
    expect((await get('/api/entities?type=LOC')).body.items).toHaveLength(1);
    expect((await get('/api/entities?storyline=unknown')).body.items).toEqual([]);
    expectClearError(await get('/api/entities?type=PLANET'), 400, /query\.type/);
  });

  it('returns an entity with variants and mentions in context', async () => {
    const { body } = await get('/api/entities/e-irbid');
    expect(body.variants).toEqual([{ text: 'إربد', count: 2 }]);
    for (const m of body.mentions) expect(m.context.text.slice(m.context.start, m.context.end)).toBe('إربد');
    expectClearError(await get('/api/entities/no-such-entity'), 404, /No entity/);
  });
});

describe('storylines, clusters, timeline, claims', () => {
  it('lists storylines and returns one with timeline and claims', async () => {
    expect((await get('/api/storylines')).body.items.map((s: { id: string }) => s.id)).toEqual(['story-olive']);
    const story = (await get('/api/storylines/story-olive')).body;
    expect(story.claims[0].verdict).toBe('single-source');
    expect((await get('/api/timeline?storyline=story-olive')).body.timeline).toHaveLength(1);
    expect((await get('/api/claims?storyline=story-olive')).body.claims).toHaveLength(1);
    expect((await get('/api/clusters')).body.items).toHaveLength(1);
    expect((await get('/api/clusters/cluster-olive')).body.articles).toHaveLength(2);
  });

  it('answers 404 for unknown ids and 400 for a missing storyline parameter', async () => {
    expectClearError(await get('/api/storylines/nope'), 404, /No storyline/);
    expectClearError(await get('/api/clusters/nope'), 404, /No event cluster/);
    expectClearError(await get('/api/timeline'), 400, /query\.storyline/);
    expectClearError(await get('/api/claims?storyline='), 400, /query\.storyline/);
  });
});

describe('GET /api/search', () => {
  it('finds articles by an inflected form, with snippet highlights that index the snippet', async () => {
    // «بالزيتون» stems like «الزيتون» and «الزيت» (Light10 conflates olive and oil, one root).
    const { body } = await get(`/api/search?q=${encodeURIComponent('بالزيتون')}`);
    expect(body.total).toBe(2);
    for (const hit of body.hits) {
      const surfaces = hit.snippet.highlights.map((h: { start: number; end: number }) =>
        hit.snippet.text.slice(h.start, h.end),
      );
      expect(surfaces.length).toBeGreaterThan(0);
      expect(surfaces).toContain('الزيتون');
      expect(surfaces.every((s: string) => s.includes('زيت'))).toBe(true);
    }
  });

  it('filters by storyline, entity, outlet and dates, and paginates', async () => {
    const q = encodeURIComponent('الموسم');
    expect((await get(`/api/search?q=${q}&storyline=story-olive`)).body.total).toBe(2);
    expect((await get(`/api/search?q=${q}&storyline=other`)).body.total).toBe(0);
    expect((await get(`/api/search?q=${q}&entity=e-irbid`)).body.total).toBe(2);
    expect((await get(`/api/search?q=${q}&from=2024-10-15`)).body.total).toBe(0);
    const page2 = (await get(`/api/search?q=${q}&pageSize=1&page=2`)).body;
    expect([page2.total, page2.hits.length, page2.page]).toEqual([2, 1, 2]);
  });

  it('rejects a missing or empty query, bad dates and huge page sizes', async () => {
    expectClearError(await get('/api/search'), 400, /query\.q/);
    expectClearError(await get('/api/search?q=%20%20'), 400, /query\.q: must not be empty/);
    expectClearError(await get('/api/search?q=x&from=yesterday'), 400, /query\.from/);
    expectClearError(await get('/api/search?q=x&from=2024-02-01&to=2024-01-01'), 400, /from must not be after to/);
    expectClearError(await get('/api/search?q=x&pageSize=5000'), 400, /query\.pageSize/);
    expectClearError(await get(`/api/search?q=${'ا'.repeat(600)}`), 400, /query\.q/);
  });
});

describe('unknown routes and headers', () => {
  it('answers JSON 404 for unknown API routes and sets a strict CSP', async () => {
    const result = await get('/api/nothing-here');
    expectClearError(result, 404, /No route for GET \/api\/nothing-here/);
    expect(result.headers['content-security-policy']).toContain("default-src 'self'");
  });
});
