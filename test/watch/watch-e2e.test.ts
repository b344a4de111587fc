import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { FAILING_PATHS, startNewsSites, type NewsSites } from './news-sites.ts';

/** Runs the CLI in-process; returns exit code, stdout and stderr. */
async function cli(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  const code = await main(args, { stdout, stderr });
  return { code, stdout: out, stderr: err };
}

/** Fast but real settings: short timeout, no extra politeness delay (robots.txt Crawl-delay still applies), 1 MB pages. */
export const TEST_FETCH_FLAGS = [
  '--allow-private-network',
  '--no-annotate',
  '--timeout',
  '2',
  '--delay',
  '0',
  '--max-bytes',
  '1000000',
];

let sites: NewsSites;
let dir: string;
let db: string;

async function headlines(store: Store): Promise<string[]> {
  return (await store.listArticles({ limit: 100 })).map((a) => a.headline ?? '').sort();
}

beforeAll(async () => {
  sites = await startNewsSites();
  dir = mkdtempSync(join(tmpdir(), 'marsad-watch-'));
  db = join(dir, 'watch.db');
});
afterAll(async () => {
  await sites.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('marsad watch --once against local Arabic news sites', () => {
  it('adds every kind of source (RSS, Atom, JSON Feed, news sitemap, a broken feed)', async () => {
    for (const url of sites.sourceUrls) {
      const result = await cli([
        'sources',
        'add',
        url,
        '--db',
        db,
        '--allow-private-network',
        '--timeout',
        '2',
        '--delay',
        '0',
      ]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const listed = await cli(['sources', 'list', '--db', db, '--json']);
    const kinds = (JSON.parse(listed.stdout) as { kind: string }[]).map((s) => s.kind);
    expect(kinds).toEqual(['feed', 'feed', 'feed', 'sitemap', 'feed', 'feed']);
  });

  it("stores exactly the expected articles in one round, and every failing link has a clear error in its source's health", async () => {
    sites.requests.length = 0;
    const round = await cli(['watch', '--once', '--json', '--db', db, ...TEST_FETCH_FLAGS]);
    expect(round.code).toBe(1); // some links failed, the rest was stored
    const events = round.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string });
    expect(events.at(-1)).toMatchObject({ event: 'round-done', sources: 6 });

    const store = openSqliteStore(db);
    try {
      expect(await headlines(store)).toEqual(sites.expectedHeadlines);
      // The article listed twice under tracking parameters was fetched once.
      expect(sites.requests.filter((r) => r.path.startsWith('/news/wheat'))).toHaveLength(1);
      expect(sites.requests.some((r) => r.path.startsWith('/private/'))).toBe(false);
      expect(sites.requests.every((r) => /^Marsad\/\d+\.\d+\.\d+ /u.test(r.userAgent))).toBe(true);

      const articles = await store.listArticles({ limit: 100 });
      const port = articles.find((a) => a.headline?.startsWith('افتتاح المرحلة الثانية'));
      expect(port?.url).toBe(`${sites.sites.alwatan.origin}/news/port?ref=rss`); // the page's rel=canonical
      const rain = await store.getArticle(articles.find((a) => a.headline?.startsWith('الأرصاد'))!.id);
      expect(rain?.published).toMatchObject({ date: '2026-12-02', from: 'feed' }); // the page has no date: the feed's is kept
      const wheat = await store.getArticle(articles.find((a) => a.headline?.startsWith('وزارة الزراعة'))!.id);
      expect(wheat?.published).toMatchObject({ date: '2026-12-01', from: 'meta-tag' }); // the page's own date wins
      expect(wheat?.url).toBe(`${sites.sites.alwatan.origin}/news/wheat`);

      const sources = await store.listSources();
      const trouble = await store.sourceHealth(
        sources.find((s) => s.url === `${sites.sites.trouble.origin}/rss.xml`)!.id,
      );
      for (const [path, code] of Object.entries(FAILING_PATHS)) {
        const error = trouble?.errors.find((e) => e.url === `${sites.sites.trouble.origin}${path}`);
        expect(error, path).toMatchObject({ code });
        expect(error?.message.length).toBeGreaterThan(20);
      }
      expect(trouble?.errors.find((e) => e.url?.endsWith('/loop-a'))?.message).toMatch(/More than 5 redirects/u);
      expect(trouble?.errors.find((e) => e.url?.endsWith('/bomb'))?.message).toMatch(/compression bomb/u);
      expect(trouble).toMatchObject({ lastStatus: 'partial', itemsSeen: 8, itemsFailed: 5, articlesStored: 3 });
      const broken = await store.sourceHealth(sources.find((s) => s.url.endsWith('/broken-feed.xml'))!.id);
      expect(broken?.lastStatus).toBe('failed');
      expect(broken?.errors[0]).toMatchObject({ code: 'input/malformed' });
      expect(broken?.errors[0]?.message).toMatch(/broken XML at line \d+, column \d+/u);
      const alwatan = await store.sourceHealth(
        sources.find((s) => s.url === `${sites.sites.alwatan.origin}/rss.xml`)!.id,
      );
      expect(alwatan?.errors.map((e) => e.code)).toEqual(['fetch/disallowed']);
      expect(alwatan?.articlesPerDay.reduce((n, d) => n + d.articles, 0)).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('makes only conditional requests on a second round and stores nothing new', async () => {
    sites.requests.length = 0;
    const round = await cli(['watch', '--once', '--all', '--json', '--db', db, ...TEST_FETCH_FLAGS]);
    expect(round.code).toBe(0);
    expect(sites.requests.length).toBeGreaterThan(0);
    expect(sites.requests.filter((r) => !r.conditional)).toEqual([]);
    const store = openSqliteStore(db);
    try {
      expect(await headlines(store)).toEqual(sites.expectedHeadlines);
      expect((await store.listSources()).every((s) => s.lastStatus === 'ok')).toBe(true);
    } finally {
      await store.close();
    }
  });

  it("shows a source's health and removes it", async () => {
    const store = openSqliteStore(db);
    const id = (await store.listSources())[0]!.id;
    await store.close();
    const shown = await cli(['sources', 'show', id.slice(0, 6), '--db', db]);
    expect(shown.stdout).toMatch(/articles stored 3/u);
    expect(shown.stdout).toMatch(/\[fetch\/disallowed\]/u);
    const removed = await cli(['sources', 'remove', id, '--db', db]);
    expect(removed.stdout).toMatch(/^removed /u);
    expect((await cli(['sources', 'show', id, '--db', db])).code).toBe(1);
  });
});
