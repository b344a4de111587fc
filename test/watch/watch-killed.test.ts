import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { startNewsSites, type NewsSites } from './news-sites.ts';

const MARSAD = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'marsad');
const FLAGS = ['--allow-private-network', '--no-annotate', '--timeout', '2', '--delay', '0', '--max-bytes', '1000000'];
const KILLS = 6;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-watch-kill-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function addSources(sites: NewsSites, db: string): Promise<void> {
  for (const url of sites.sourceUrls) {
    const code = await main(['sources', 'add', url, '--db', db, '--allow-private-network', '--delay', '0'], {
      stdout: new PassThrough(),
      stderr: new PassThrough(),
    });
    expect(code).toBe(0);
  }
}

/** `marsad watch --once` in a child process; with `killAfterMs`, SIGKILLed then (if still running). Resolves with the run time. */
function watchChild(db: string, killAfterMs: number | null): Promise<{ ms: number; killed: boolean }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MARSAD, 'watch', '--once', '--db', db, ...FLAGS], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    const timer = killAfterMs === null ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') return resolve({ ms: Date.now() - started, killed: true });
      if (code === 0 || code === 1) return resolve({ ms: Date.now() - started, killed: false });
      reject(new Error(`watch exited with ${code}: ${err}`));
    });
  });
}

/** What a round leaves, with each site's origin replaced by its name so two server instances compare equal. */
function snapshot(db: string, sites: NewsSites): unknown {
  const raw = new Database(db, { readonly: true });
  try {
    const unport = (text: string | null | undefined): string | null => {
      let out = text ?? null;
      for (const site of Object.values(sites.sites)) out = out?.split(site.origin).join(`site:${site.name}`) ?? null;
      return out;
    };
    const articles = (
      raw
        .prepare(
          'SELECT a.headline, a.body, a.published_date, a.published_from, p.url FROM articles a JOIN pages p ON p.id = a.page_id',
        )
        .all() as { headline: string | null; url: string }[]
    )
      .map((row) => ({ ...row, url: unport(row.url) }))
      .sort((a, b) => String(a.headline).localeCompare(String(b.headline)));
    const items = (
      raw
        .prepare(
          'SELECT s.url AS source, i.url, i.state, i.error_code, i.page_id IS NOT NULL AS has_page FROM source_items i JOIN sources s ON s.id = i.source_id',
        )
        .all() as { source: string; url: string }[]
    )
      .map((row) => ({ ...row, source: unport(row.source), url: unport(row.url) }))
      .sort((a, b) => `${a.source} ${a.url}`.localeCompare(`${b.source} ${b.url}`));
    return { articles, items, pages: raw.prepare('SELECT count(*) FROM pages').pluck().get() };
  } finally {
    raw.close();
  }
}

function integrity(db: string): string {
  const raw = new Database(db);
  try {
    return raw.pragma('integrity_check', { simple: true }) as string;
  } finally {
    raw.close();
  }
}

describe('marsad watch killed with SIGKILL at random moments', () => {
  it(`passes the integrity check after each of ${KILLS} kills, and the finishing run ends equal to an uninterrupted round`, async () => {
    const cleanSites = await startNewsSites();
    const cleanDb = join(dir, 'clean.db');
    let fullMs: number;
    try {
      await addSources(cleanSites, cleanDb);
      fullMs = (await watchChild(cleanDb, null)).ms;
    } finally {
      await cleanSites.close();
    }
    const sites = await startNewsSites();
    const db = join(dir, 'killed.db');
    try {
      await addSources(sites, db);
      const random = seededRandom(17);
      let kills = 0;
      for (let attempt = 0; kills < KILLS && attempt < KILLS * 3; attempt++) {
        const run = await watchChild(db, Math.round(300 + random() * (fullMs - 300)));
        expect(integrity(db)).toBe('ok');
        if (run.killed) kills++;
      }
      expect(kills).toBe(KILLS);
      await watchChild(db, null);
      expect(integrity(db)).toBe('ok');
      const cleanSnapshot = snapshot(cleanDb, cleanSites);
      expect(snapshot(db, sites)).toEqual(cleanSnapshot);
      expect((cleanSnapshot as { articles: unknown[] }).articles).toHaveLength(sites.expectedHeadlines.length);
    } finally {
      await sites.close();
    }
  }, 240_000);
});
