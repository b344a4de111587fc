import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { runIngest } from '../../src/cli/commands/ingest.ts';
import { runSourcesAdd } from '../../src/cli/commands/sources.ts';
import { loadPageAnalyzer } from '../../src/app/analyzer.ts';
import { main } from '../../src/cli/main.ts';
import type { Resolver } from '../../src/fetch/safe-lookup.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { startNewsSites, type NewsSites } from './news-sites.ts';

const FLAGS = ['--allow-private-network', '--no-annotate', '--timeout', '2', '--delay', '0', '--max-bytes', '1000000'];
const quiet = () => ({ stdout: new PassThrough(), stderr: new PassThrough() });

let sites: NewsSites;
let dir: string;
beforeAll(async () => {
  sites = await startNewsSites();
  dir = mkdtempSync(join(tmpdir(), 'marsad-archive-'));
});
afterAll(async () => {
  await sites.close();
  rmSync(dir, { recursive: true, force: true });
});

async function articles(db: string) {
  const store = openSqliteStore(db);
  try {
    const list = await store.listArticles({ limit: 100 });
    const full = await Promise.all(list.map((a) => store.getArticle(a.id)));
    return full
      .map((a) => ({
        id: a!.id,
        headline: a!.headline,
        body: a!.body,
        url: a!.url,
        published: a!.published?.from === 'feed' ? 'feed' : a!.published,
      }))
      .sort((x, y) => x.id.localeCompare(y.id));
  } finally {
    await store.close();
  }
}

describe('--archive writes a WARC that reads back to the same articles', () => {
  it('watch --archive, then ingest of the .warc.gz into a fresh database', async () => {
    const db = join(dir, 'watched.db');
    const archive = join(dir, 'warc');
    for (const url of sites.sourceUrls.slice(0, 4)) {
      expect(await main(['sources', 'add', url, '--db', db, '--allow-private-network', '--delay', '0'], quiet())).toBe(
        0,
      );
    }
    // 1: the link robots.txt disallows is a failed item; everything else is stored.
    expect(await main(['watch', '--once', '--db', db, '--archive', archive, ...FLAGS], quiet())).toBe(1);
    const files = readdirSync(archive).filter((f) => f.endsWith('.warc.gz'));
    expect(files).toHaveLength(1);
    const replayDb = join(dir, 'replayed.db');
    expect(await main(['ingest', join(archive, files[0]!), '--db', replayDb, '--no-annotate'], quiet())).toBe(0);
    const watched = await articles(db);
    expect(watched).toHaveLength(8);
    // Same pages (content hash), same article ids, texts and URLs; only the feed-date fallback is the feed's, not the archive's.
    const replayed = await articles(replayDb);
    expect(replayed.map(({ published: _published, ...rest }) => rest)).toEqual(
      watched.map(({ published: _published, ...rest }) => rest),
    );
    expect(
      replayed.filter((a) => watched.find((w) => w.id === a.id)!.published !== 'feed').map((a) => a.published),
    ).toEqual(watched.filter((w) => w.published !== 'feed').map((w) => w.published));
  });
});

describe('without --allow-private-network', () => {
  const stub: Resolver = async (hostname) => {
    if (hostname === 'akhbar.example') return [{ address: '127.0.0.1', family: 4 }];
    if (hostname === 'meta.example') return [{ address: '169.254.169.254', family: 4 }];
    throw new Error(`ENOTFOUND ${hostname}`);
  };
  const deps = { loadAnalyzer: loadPageAnalyzer, env: {}, resolve: stub };

  it.each([
    [() => `${sites.sites.alwatan.origin}/news/rain`, /127\.0\.0\.1 is a loopback address/u],
    [() => 'http://10.20.30.40/news', /10\.20\.30\.40 is a private address/u],
    [() => 'http://169.254.169.254/latest/meta-data/', /link-local \(cloud metadata\)/u],
    [() => `http://[::1]:${new URL(sites.sites.alwatan.origin).port}/news/rain`, /::1 is a loopback address/u],
    [
      () => `http://akhbar.example:${new URL(sites.sites.alwatan.origin).port}/news/rain`,
      /akhbar\.example resolves to 127\.0\.0\.1/u,
    ],
    [() => 'http://meta.example/latest/', /meta\.example resolves to 169\.254\.169\.254/u],
  ])('marsad ingest refuses %s with a clear error', async (url, message) => {
    const before = sites.requests.length;
    const context = { io: quiet(), setExitCode: () => undefined };
    const summary = await runIngest([url()], { db: join(dir, 'refused.db'), annotate: false, delay: 0 }, context, deps);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]).toMatchObject({ code: 'fetch/blocked', message: expect.stringMatching(message) });
    expect(summary.failed[0]!.message).toMatch(/--allow-private-network/u);
    expect(sites.requests.length).toBe(before);
  });

  it('marsad sources add refuses a source on a name that resolves to a private address', async () => {
    const port = new URL(sites.sites.alwatan.origin).port;
    await expect(
      runSourcesAdd(
        `http://akhbar.example:${port}/rss.xml`,
        { db: join(dir, 'refused.db'), check: true, delay: 0 },
        { env: {}, resolve: stub },
      ),
    ).rejects.toMatchObject({ code: 'fetch/blocked' });
  });

  it('with the flag, the same name is fetched through the stub and ingested', async () => {
    const port = new URL(sites.sites.alwatan.origin).port;
    const context = { io: quiet(), setExitCode: () => undefined };
    const summary = await runIngest(
      [`http://akhbar.example:${port}/news/wheat?utm_source=x`],
      { db: join(dir, 'allowed.db'), annotate: false, delay: 0, allowPrivateNetwork: true },
      context,
      deps,
    );
    expect(summary).toMatchObject({ newPages: 1, articles: 1, failed: [] });
    const store = openSqliteStore(join(dir, 'allowed.db'));
    expect((await store.listArticles({ limit: 5 }))[0]?.url).toBe(`http://akhbar.example:${port}/news/wheat`);
    await store.close();
  });
});
