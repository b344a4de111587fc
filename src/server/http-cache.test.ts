import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiFixture, type ApiFixture } from './testing/fixture.ts';
import { entityTag, matchesIfNoneMatch } from './http-cache.ts';

let fx: ApiFixture;
beforeAll(async () => {
  fx = await buildApiFixture();
});
afterAll(async () => {
  await fx.app.close();
  await fx.store.close();
});

const get = (url: string, etag?: string) =>
  fx.app.inject({ method: 'GET', url, headers: etag ? { 'if-none-match': etag } : {} });

describe('ETag validators on API reads', () => {
  it('tags storyline pages and entity lists, answers 304 with no body to a matching If-None-Match, 200 otherwise', async () => {
    for (const url of [
      `/api/storylines/${fx.storyline.id}`,
      '/api/storylines',
      '/api/entities?limit=5',
      `/api/articles/${fx.articleIds[0]}`,
    ]) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      const tag = first.headers.etag as string;
      expect(tag).toBe(entityTag(first.body));
      expect(first.headers['cache-control']).toBe('no-cache');
      const revalidated = await get(url, tag);
      expect(revalidated.statusCode, url).toBe(304);
      expect(revalidated.body).toBe('');
      expect(revalidated.headers.etag).toBe(tag);
      expect((await get(url, `W/${tag}, "other"`)).statusCode).toBe(304);
      expect((await get(url, '"stale"')).statusCode).toBe(200);
    }
  });

  it('gives a new tag once the data behind a list changes (ingest), and never tags errors or health', async () => {
    const before = await get('/api/articles?limit=10');
    const text =
      'البرلمان يقر قانون الاستثمار الجديد\nأقر مجلس النواب بالأغلبية قانون الاستثمار الجديد بعد نقاش استمر ثلاث جلسات.\n';
    const posted = await fx.app.inject({
      method: 'POST',
      url: '/api/pages',
      payload: { text },
      headers: fx.editorHeaders,
    });
    expect(posted.statusCode).toBe(201);
    const after = await get('/api/articles?limit=10', before.headers.etag as string);
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect((await get('/api/articles/zzzz')).headers.etag).toBeUndefined();
    expect((await get('/api/health')).headers.etag).toBeUndefined();
  });

  it('matches If-None-Match lists and wildcards', () => {
    expect(matchesIfNoneMatch('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('*', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"b"')).toBe(false);
  });
});
