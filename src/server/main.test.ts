import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load.ts';
import { samplePageRecord } from '../store/sample-records.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { startServer } from './main.ts';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-serve-'));
  db = join(dir, 'serve.db');
  const store = openSqliteStore(db);
  await store.writePages([samplePageRecord({ variant: 0 })]);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('startServer', () => {
  it('serves the API and the RTL UI on loopback, and indexes stored articles for search in the background', async () => {
    const lines: string[] = [];
    const server = await startServer({
      config: loadConfig({ db }),
      port: 0,
      host: '127.0.0.1',
      allowIngest: false,
      log: (l) => lines.push(l),
    });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/u);
      expect(await (await fetch(`${server.url}api/health`)).json()).toEqual({ ok: true, articles: 1, pages: 1 });
      const html = await (await fetch(server.url)).text();
      expect(html).toContain('<html lang="ar" dir="rtl">');
      expect(await (await fetch(`${server.url}js/app.js`)).text()).toContain('ROUTES');
      await expect
        .poll(
          async () => (await (await fetch(`${server.url}api/search?q=${encodeURIComponent('الزيتون')}`)).json()).total,
        )
        .toBe(1);
      expect(lines).toContain('search index: added 1 article(s)');
      expect(
        (
          await fetch(`${server.url}api/pages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: '{"text":"x"}',
          })
        ).status,
      ).toBe(401);
    } finally {
      await server.close();
    }
  });

  it('refuses a database that does not exist', async () => {
    await expect(
      startServer({ config: loadConfig({ db: join(dir, 'missing.db') }), port: 0, host: '127.0.0.1', log: () => {} }),
    ).rejects.toThrow(/No database/);
  });
});
