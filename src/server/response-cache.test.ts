import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildApiFixture, type ApiFixture } from './testing/fixture.ts';
import { createAnswerCache } from './response-cache.ts';

let fx: ApiFixture | undefined;
afterEach(async () => {
  await fx?.app.close();
  await fx?.store.close();
  fx = undefined;
});

const get = (f: ApiFixture, url: string, headers: Record<string, string> = {}) =>
  f.app.inject({ method: 'GET', url, headers });

const PAGE_TEXT = [
  'البرلمان يقر قانون الموازنات العامة للسنة المقبلة',
  'أقر مجلس النواب مساء الأحد قانون الموازنات العامة بعد نقاش استمر ثلاثة أيام.',
].join('\n');

describe('answers kept while their data are unchanged', () => {
  it('answers a repeated read from the kept answer (same bytes and tag), and computes again after a write', async () => {
    const f = (fx = await buildApiFixture());
    const listEntities = vi.spyOn(f.store, 'listEntities');
    const searchDocuments = vi.spyOn(f.store, 'searchDocuments');
    const first = await get(f, '/api/entities?limit=5');
    const second = await get(f, '/api/entities?limit=5');
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(listEntities).toHaveBeenCalledTimes(1);
    // A kept answer still revalidates: 304 with no body.
    const revalidated = await get(f, '/api/entities?limit=5', { 'if-none-match': first.headers.etag as string });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    // Another URL is another answer.
    await get(f, '/api/entities?limit=4');
    expect(listEntities).toHaveBeenCalledTimes(2);

    const url = `/api/search?q=${encodeURIComponent('الموازنات')}`;
    expect((await get(f, url)).json().total).toBe(0);
    expect((await get(f, url)).json().total).toBe(0);
    expect(searchDocuments).toHaveBeenCalledTimes(1);
    const posted = await f.app.inject({
      method: 'POST',
      url: '/api/pages',
      payload: { url: 'https://example.test/budget', text: PAGE_TEXT },
      headers: f.editorHeaders,
    });
    expect(posted.statusCode).toBe(201);
    const after = await get(f, url);
    expect(after.json().total).toBe(1);
    expect(searchDocuments).toHaveBeenCalledTimes(2);
  });

  it('computes every answer when turned off', async () => {
    const f = (fx = await buildApiFixture({ responseCache: { enabled: false } }));
    const listEntities = vi.spyOn(f.store, 'listEntities');
    const first = await get(f, '/api/entities');
    const second = await get(f, '/api/entities');
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(listEntities).toHaveBeenCalledTimes(2);
  });

  it('bounds the kept answers by count and bytes, least recently used out first', () => {
    const cache = createAnswerCache(2, 1_000);
    const entry = (body: string) => ({ body, tag: `"${body}"`, contentType: 'application/json' });
    cache.set('a', entry('أ'));
    cache.set('b', entry('ب'));
    expect(cache.get('a')?.body).toBe('أ'); // a is now the most recent
    cache.set('c', entry('ج'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.body).toBe('أ');
    expect(cache.size).toBe(2);
    cache.set('big', entry('x'.repeat(2_000)));
    expect(cache.get('big')).toBeUndefined();
    const small = createAnswerCache(10, 25);
    small.set('k1', entry('x'.repeat(12)));
    small.set('k2', entry('y'.repeat(12)));
    expect(small.get('k1')).toBeUndefined();
    expect(small.get('k2')?.body).toBe('y'.repeat(12));
  });
});

describe('keyset pages of the lists', () => {
  it('walks /api/entities with nextCursor to the same entities as offsets, and refuses a forged cursor', async () => {
    const f = (fx = await buildApiFixture());
    const all = (await get(f, '/api/entities?limit=50')).json();
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    expect(all.nextCursor).toBeNull();
    const walked: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: unknown[]; nextCursor: string | null } = (
        await get(f, `/api/entities?limit=1${cursor ? `&after=${cursor}` : ''}`)
      ).json();
      walked.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all.items);
    for (const bad of ['nope!', Buffer.from('[1,2]').toString('base64url')]) {
      const refused = await get(f, `/api/entities?after=${bad}`);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ status: 400, message: expect.stringContaining('query.after') });
    }
  });

  it('lists every cluster without a limit (as before) and pages them with limit and after', async () => {
    const f = (fx = await buildApiFixture());
    const all = (await get(f, '/api/clusters')).json();
    expect(all).toEqual({ items: JSON.parse(JSON.stringify(f.storyline.eventClusters)), nextCursor: null });
    const first = (await get(f, '/api/clusters?limit=1')).json();
    expect(first.items).toEqual(all.items.slice(0, 1));
    expect(first.nextCursor).toBeNull();
    expect((await get(f, '/api/clusters?limit=0')).statusCode).toBe(400);
    expect((await get(f, '/api/clusters?after=@@')).statusCode).toBe(400);
  });
});
