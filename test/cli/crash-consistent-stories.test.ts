/**
 * Issue 16 acceptance: stories are a function of the stored articles and their order. `marsad ingest` of generated
 * real-shaped pages is SIGKILLed at 10 random moments and once exactly between a batch's commit and its story update
 * (MARSAD_TEST_KILL_AFTER_COMMIT), then re-run; the database must equal a clean single-batch run table by table
 * (pages, spans, articles, annotations, story features, events, storylines, search documents). The same holds for
 * batch sizes 1 and 37 and a two-run split, `marsad check` finds nothing on them, and on a database broken by hand it
 * finds every kind of damage and repairs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { checkStore } from '../../src/app/check.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import { seededRandom } from '../../src/core/seeded-random.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { generatePages } from '../../bench/generate-pages.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAGES = 300;
/** Batch size of the killed runs: small, so that every kill leaves work for the next run. */
const KILLED_BATCH = 8;
const KILLS = 10;

let dir: string;
let pages: string;

function quietIo(): CliIo {
  const sink = () =>
    new Writable({
      write(_chunk, _enc, done) {
        done();
      },
    });
  return { stdout: sink(), stderr: sink() };
}

async function ingest(db: string, inputs: readonly string[], batchSize: number): Promise<void> {
  const code = await main(
    ['ingest', ...inputs, '--db', db, '--no-annotate', '--batch-size', String(batchSize)],
    quietIo(),
  );
  expect(code).toBe(0);
}

const TABLES: Record<string, string> = {
  pages: 'SELECT id, url, fetched_at, content_type, encoding, body, page_text, decoding FROM pages ORDER BY id',
  spans: 'SELECT * FROM spans ORDER BY page_id, seq',
  articles:
    'SELECT id, page_id, idx, headline, dek, body, published_date, published_precision, published_text, published_from, published_start, published_end, outlet, cited_sources, paragraphs, annotated FROM articles ORDER BY id',
  articleOrder: 'SELECT id FROM articles ORDER BY seq',
  annotations: 'SELECT * FROM annotations ORDER BY article_id, layer, seq',
  storyFeatures: 'SELECT * FROM story_features ORDER BY article_id',
  events: 'SELECT * FROM article_events ORDER BY article_id',
  stories: 'SELECT * FROM stories ORDER BY id',
  searchDocs: 'SELECT article_id, outlet, published, analyzer_version FROM search_docs ORDER BY article_id',
  searchRows: 'SELECT count(*) AS n FROM search_fts',
};

/** Row count and content hash of every table a user can see, to compare two databases. */
function snapshot(db: string): Record<string, string> {
  const handle = new Database(db, { readonly: true });
  try {
    return Object.fromEntries(
      Object.entries(TABLES).map(([name, sql]) => {
        const rows = handle.prepare(sql).all();
        return [
          name,
          `${rows.length} rows ${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`,
        ];
      }),
    );
  } finally {
    handle.close();
  }
}

async function violations(db: string): Promise<string[]> {
  const store = openSqliteStore(db);
  try {
    return (await checkStore(store)).violations.map((v) => `${v.kind} ${v.id}`);
  } finally {
    await store.close();
  }
}

function pageCount(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const handle = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return handle.prepare('SELECT count(*) FROM pages').pluck().get() as number;
    } finally {
      handle.close();
    }
  } catch {
    return 0; // not created or migrated yet
  }
}

/**
 * Runs `marsad ingest` in a child. With `killAfterPages`, it is SIGKILLed once that many more pages are committed,
 * at whatever point of its work it then is (a random moment that always falls while work is going on, however fast
 * the machine); with `killAfterCommit`, it kills itself through the test hook.
 */
function childIngest(
  db: string,
  options: { killAfterPages?: number; killAfterCommit?: number },
): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const env = {
      ...process.env,
      ...(options.killAfterCommit ? { MARSAD_TEST_KILL_AFTER_COMMIT: String(options.killAfterCommit) } : {}),
    };
    const args = [
      join(ROOT, 'marsad'),
      'ingest',
      pages,
      '--db',
      db,
      '--no-annotate',
      '--batch-size',
      String(KILLED_BATCH),
    ];
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    const before = pageCount(db);
    const killAfterPages = options.killAfterPages;
    const poll =
      killAfterPages === undefined
        ? null
        : setInterval(() => {
            if (pageCount(db) - before >= killAfterPages) child.kill('SIGKILL');
          }, 5);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (poll) clearInterval(poll);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`ingest exited ${code}: ${err}`));
    });
  });
}

let clean: Record<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-crash-'));
  pages = join(dir, 'pages');
  mkdirSync(pages);
  for (const { page } of generatePages({ count: PAGES, seed: 1616 }))
    writeFileSync(join(pages, page.url.slice('bench://generated/'.length)), page.body);
  await ingest(join(dir, 'clean.db'), [pages], 5_000);
  clean = snapshot(join(dir, 'clean.db'));
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stories do not depend on how the input was cut', () => {
  it('a clean run is consistent and has storylines', async () => {
    expect(clean.stories).not.toMatch(/^0 rows/u);
    expect(await violations(join(dir, 'clean.db'))).toEqual([]);
  });

  it('batch sizes 1 and 37 give the same database as one batch', async () => {
    for (const size of [1, 37]) {
      const db = join(dir, `batch-${size}.db`);
      await ingest(db, [pages], size);
      expect(snapshot(db), `batch size ${size}`).toEqual(clean);
      expect(await violations(db)).toEqual([]);
    }
  }, 600_000);

  it('two runs (half, then all) give the same database as one', async () => {
    const db = join(dir, 'two-runs.db');
    // The first run names the first half of the files (in walk order, the same paths a walk gives), the second the directory.
    const names = readdirSync(pages).sort();
    await ingest(
      db,
      names.slice(0, names.length / 2).map((name) => join(pages, name)),
      5_000,
    );
    expect(snapshot(db)).not.toEqual(clean);
    await ingest(db, [pages], 5_000);
    expect(snapshot(db)).toEqual(clean);
  }, 300_000);
});

describe('ingest killed at random moments (SIGKILL), then re-run', () => {
  it('ends identical to a clean run, with no check violations', async () => {
    const db = join(dir, 'killed.db');
    const random = seededRandom(16);
    const outcomes: string[] = [];
    // Once exactly between the third batch's commit and its search/story update: the check sees what is missing.
    outcomes.push(await childIngest(db, { killAfterCommit: 3 }));
    const afterHookKill = new Set((await violations(db)).map((v) => v.split(' ')[0]));
    expect([...afterHookKill]).toEqual(expect.arrayContaining(['features-missing', 'search-missing']));
    for (let i = 0; i < KILLS; i++)
      outcomes.push(await childIngest(db, { killAfterPages: 1 + Math.floor(random() * 20) }));
    outcomes.push(await childIngest(db, {}));
    process.stdout.write(`kill test outcomes: ${outcomes.join(', ')}\n`);
    expect(outcomes[0]).toBe('killed');
    expect(outcomes.filter((o) => o === 'killed').length).toBe(KILLS + 1);
    expect(outcomes.at(-1)).toBe('finished');
    expect(snapshot(db)).toEqual(clean);
    expect(await violations(db)).toEqual([]);
  }, 600_000);
});

describe('marsad check on a database broken by hand', () => {
  it('finds each kind of damage and --repair rebuilds the derived state', async () => {
    const db = join(dir, 'broken.db');
    copyFileSync(join(dir, 'clean.db'), db);
    const handle = new Database(db);
    const ids = handle.prepare('SELECT id FROM articles ORDER BY seq').pluck().all() as string[];
    const story = handle.prepare('SELECT id FROM stories ORDER BY article_count DESC LIMIT 1').pluck().get() as string;
    handle.prepare('DELETE FROM story_features WHERE article_id = ?').run(ids[5]);
    handle.prepare("UPDATE story_features SET features = '{broken' WHERE article_id = ?").run(ids[6]);
    handle.prepare('DELETE FROM article_events WHERE article_id = ?').run(ids[7]);
    handle.prepare("UPDATE article_events SET event_id = 'no-such-event' WHERE article_id = ?").run(ids[8]);
    handle
      .prepare(
        "INSERT INTO stories (id, label, article_count, event_count, outlets, detail, signature) SELECT 'stale-story', label, article_count, event_count, outlets, detail, signature FROM stories WHERE id = ?",
      )
      .run(story);
    handle.prepare("UPDATE stories SET signature = 'x' WHERE id = ?").run(story);
    handle.close();
    const store = openSqliteStore(db);
    await store.removeSearchDocuments([ids[9]!]);
    await store.close();

    const io = quietIo();
    const kinds = new Set((await violations(db)).map((v) => v.split(' ')[0]));
    // Missing features also change the replay itself, so more rows differ than were touched: every kind made must show.
    expect([...kinds]).toEqual(
      expect.arrayContaining([
        'article-in-two-storylines',
        'event-missing',
        'event-wrong',
        'features-broken',
        'features-missing',
        'search-missing',
        'story-changed',
        'story-stale',
      ]),
    );
    expect(await main(['check', '--db', db], io)).toBe(1);
    expect(await main(['check', '--db', db, '--repair'], io)).toBe(0);
    expect(await violations(db)).toEqual([]);
    const repaired = snapshot(db);
    expect({ ...repaired, searchRows: '' }).toEqual({ ...clean, searchRows: '' });
  }, 300_000);
});
