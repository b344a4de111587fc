/**
 * Team mode end to end on a throwaway PostgreSQL: `marsad ingest --enqueue`, two `marsad worker` processes, one of
 * them SIGKILLed mid-run three times (and restarted); every page must end up stored exactly once, with the same
 * articles and storylines as a single-process ingest of the same pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { generatePages } from '../../bench/generate-pages.ts';
import { afterWriteHooks } from '../../src/app/after-write.ts';
import { loadPageAnalyzer } from '../../src/app/analyzer.ts';
import { ingestInputs } from '../../src/app/ingest.ts';
import { rebuildAllStories } from '../../src/app/stories.ts';
import { storeSnapshot } from '../../src/app/testing/store-snapshot.ts';
import { main } from '../../src/cli/main.ts';
import { openPageQueue } from '../../src/queue/page-queue.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import {
  postgresTestTarget,
  startTestDatabase,
  type TestDatabase,
} from '../../src/store/postgres/testing/test-database.ts';
import { scaleFixturePages } from '../scale/fixtures.ts';

const target = postgresTestTarget(process.env);
const MARSAD = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'marsad');
const PAGES = 200;

const quietIo = () => {
  let out = '';
  const sink = (keep: boolean) =>
    new Writable({
      write(chunk, _e, done) {
        if (keep) out += String(chunk);
        done();
      },
    });
  return { stdout: sink(true), stderr: sink(false), out: () => out };
};

describe.skipIf(target === null)('marsad worker: two processes on one PostgreSQL, one SIGKILLed repeatedly', () => {
  let database: TestDatabase;
  let dir: string;
  let input: string;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    database = await startTestDatabase(target!);
    dir = mkdtempSync(join(tmpdir(), 'marsad-queue-'));
    input = join(dir, 'pages.jsonl');
    const generated = generatePages({ count: PAGES, seed: 18 }).map(({ page }) =>
      JSON.stringify({ url: page.url, [page.contentType === 'text/html' ? 'html' : 'text']: page.body }),
    );
    const events = Object.entries(scaleFixturePages()).map(([name, text]) =>
      JSON.stringify({ url: `https://news.example/${name}`, text }),
    );
    writeFileSync(input, [...events, ...generated, events[0]!].join('\n') + '\n');
  }, 60_000);
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    await database?.stop();
  });

  const schemaUrl = (schema: string) => `${database.url}${database.url.includes('?') ? '&' : '?'}schema=${schema}`;

  function startWorker(url: string): ChildProcess {
    const child = spawn(
      process.execPath,
      [
        MARSAD,
        'worker',
        '--db',
        url,
        '--threads',
        '1',
        '--batch-size',
        '6',
        '--exit-when-idle',
        '--maintenance-seconds',
        '1',
      ],
      { stdio: 'ignore' },
    );
    children.add(child);
    return child;
  }
  const exited = (child: ChildProcess) =>
    new Promise<number | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });

  it('stores every page exactly once and ends with the single-process storylines', async () => {
    // Reference: one process, in-process analysis, then the same final story rebuild the workers do when the queue drains.
    const reference = await openPostgresStore(schemaUrl(database.freshSchema()));
    const single = await ingestInputs(reference, [input], {
      analyze: await loadPageAnalyzer({ annotate: true }),
      maxBytes: 5_000_000,
      batchSize: 50,
      afterBatch: afterWriteHooks(reference),
    });
    await rebuildAllStories(reference);

    const url = schemaUrl(database.freshSchema());
    const io = quietIo();
    expect(await main(['ingest', '--enqueue', input, '--db', url, '--job-timeout', '3', '--json'], io)).toBe(0);
    const enqueued = JSON.parse(io.out()) as { enqueued: number; duplicates: number };
    expect(enqueued).toMatchObject({ enqueued: single.newPages, duplicates: 1 });

    const queue = await openPageQueue(url, { supervise: false });
    const steady = startWorker(url);
    let victim = startWorker(url);
    let kills = 0;
    let lastCompleted = 0;
    while (kills < 3) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const stats = await queue.stats();
      if (stats.queued + stats.retrying === 0) break;
      if (stats.active > 0 && stats.completed > lastCompleted) {
        victim.kill('SIGKILL'); // mid-run: jobs of this worker are claimed, perhaps half written
        await exited(victim);
        kills++;
        lastCompleted = stats.completed + 12;
        victim = startWorker(url);
      }
    }
    expect(kills).toBe(3);
    expect(await exited(steady)).toBe(0);
    expect(await exited(victim)).toBe(0);
    const stats = await queue.stats();
    expect(stats).toMatchObject({ queued: 0, retrying: 0, active: 0, failed: 0 });
    expect(stats.completed).toBeGreaterThanOrEqual(single.newPages);
    await queue.close();

    const store = await openPostgresStore(url);
    expect(await store.countPages()).toBe(single.newPages);
    const [mine, theirs] = [await storeSnapshot(store), await storeSnapshot(reference)];
    const byId = (items: readonly unknown[]) =>
      [...items].sort((a, b) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1));
    expect(byId(mine.articles)).toEqual(byId(theirs.articles));
    expect(theirs.stories.length).toBeGreaterThanOrEqual(2);
    expect(mine.stories).toEqual(theirs.stories);
    expect(await store.countStoryFeatures()).toBe(await reference.countStoryFeatures());
    await Promise.all([store.close(), reference.close()]);
  }, 400_000);
});
