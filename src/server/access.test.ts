import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../app/tokens.ts';
import { hostName } from './access.ts';
import { buildApiFixture, type ApiFixture } from './testing/fixture.ts';

const PAGE = {
  text: 'الحكومة تقر خطة جديدة للنقل العام\nأقرت الحكومة في جلستها الأسبوعية خطة لتطوير النقل العام في العاصمة.\n',
};

let fx: ApiFixture;
afterEach(async () => {
  await fx.app.close();
  await fx.store.close();
});

describe('Host header check (DNS rebinding)', () => {
  it('answers loopback names and refuses any other host with 421 in the documented error shape', async () => {
    fx = await buildApiFixture();
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080', 'LOCALHOST']) {
      expect((await fx.app.inject({ method: 'GET', url: '/api/articles', headers: { host } })).statusCode, host).toBe(
        200,
      );
    }
    // A page on attacker.example re-points its name to 127.0.0.1: the browser still sends its own Host.
    const rebound = await fx.app.inject({
      method: 'POST',
      url: '/api/pages',
      payload: PAGE,
      headers: { host: 'attacker.example:8080', ...fx.editorHeaders },
    });
    expect(rebound.statusCode).toBe(421);
    expect(rebound.json()).toEqual({
      error: { status: 421, code: 'misdirected-host', message: expect.stringContaining('attacker.example') },
    });
    expect(await fx.store.countPages()).toBe(2);
    const read = await fx.app.inject({ method: 'GET', url: '/api/articles', headers: { host: 'attacker.example' } });
    expect(read.statusCode).toBe(421);
  });

  it('answers configured names', async () => {
    fx = await buildApiFixture({ access: { allowedHosts: ['marsad.newsroom.example'] } });
    expect(
      (await fx.app.inject({ method: 'GET', url: '/api/articles', headers: { host: 'marsad.newsroom.example:443' } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await fx.app.inject({ method: 'GET', url: '/api/articles', headers: { host: 'other.example' } })).statusCode,
    ).toBe(421);
  });

  it('parses host names', () => {
    expect(hostName('[::1]:80')).toBe('::1');
    expect(hostName('Example.ORG.:8080')).toBe('example.org');
    expect(hostName('bad host')).toBeNull();
    expect(hostName(undefined)).toBeNull();
  });
});

describe('API tokens', () => {
  it('writes need an editor token: none → 401, reader → 403, editor and admin → stored', async () => {
    fx = await buildApiFixture();
    const post = (authorization?: string) =>
      fx.app.inject({
        method: 'POST',
        url: '/api/pages',
        payload: PAGE,
        headers: authorization ? { authorization } : {},
      });
    const none = await post();
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect(none.json().error.code).toBe('unauthorized');
    expect((await post('Bearer marsad_000000000000_notarealtokennotarealtokennotarealtokennot')).statusCode).toBe(401);
    const reader = await post(`Bearer ${fx.tokens.reader}`);
    expect(reader.statusCode).toBe(403);
    expect(reader.json().error.code).toBe('forbidden');
    expect(await fx.store.countPages()).toBe(2);
    expect((await post(`Bearer ${fx.tokens.editor}`)).statusCode).toBe(201);
    expect((await post(`Bearer ${fx.tokens.admin}`)).statusCode).toBe(201);
    expect(await fx.store.countPages()).toBe(3);
  });

  it('reads are open on loopback, need a token when bound beyond it; health stays open', async () => {
    fx = await buildApiFixture({ access: { readsNeedToken: true } });
    expect((await fx.app.inject({ method: 'GET', url: '/api/articles' })).statusCode).toBe(401);
    expect(
      (
        await fx.app.inject({
          method: 'GET',
          url: '/api/articles',
          headers: { authorization: `Bearer ${fx.tokens.reader}` },
        })
      ).statusCode,
    ).toBe(200);
    expect((await fx.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('stores tokens hashed, never in clear, and refuses revoked ones', async () => {
    fx = await buildApiFixture();
    const stored = await fx.store.listApiTokens();
    expect(stored.map((t) => t.role).sort()).toEqual(['admin', 'editor', 'reader']);
    for (const token of Object.values(fx.tokens)) {
      expect(JSON.stringify(stored)).not.toContain(token);
      // The secret part (base64url, may itself contain «_») never appears either.
      expect(JSON.stringify(stored)).not.toContain(token.slice('marsad_'.length + 13));
    }
    const editor = stored.find((t) => t.role === 'editor')!;
    expect(editor.tokenHash).toBe(hashToken(fx.tokens.editor));
    expect(await fx.store.revokeApiToken(editor.id, '2026-01-01T00:00:00.000Z')).toBe(true);
    const after = await fx.app.inject({ method: 'POST', url: '/api/pages', payload: PAGE, headers: fx.editorHeaders });
    expect(after.statusCode).toBe(401);
  });
});

describe('errors in the documented shape', () => {
  it('answers a malformed path escape and an impossible date with {error: {status, code, message}}', async () => {
    fx = await buildApiFixture();
    const badUrl = await fx.app.inject({ method: 'GET', url: '/api/articles/%ZZ' });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json()).toEqual({ error: { status: 400, code: 'bad-url', message: expect.stringContaining('%ZZ') } });
    for (const date of ['2013-13-45', '2023-02-29', '2024-04-31']) {
      const response = await fx.app.inject({ method: 'GET', url: `/api/search?q=x&from=${date}` });
      expect(response.statusCode, date).toBe(400);
      expect(response.json().error).toMatchObject({
        status: 400,
        code: 'invalid-request',
        message: expect.stringContaining('calendar date'),
      });
    }
    expect((await fx.app.inject({ method: 'GET', url: '/api/search?q=x&from=2024-02-29' })).statusCode).toBe(200);
  });
});
