import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { storeSnapshot } from '../../src/app/testing/store-snapshot.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { scaleFixturePages } from './fixtures.ts';

// `marsad ingest --workers 2` (worker-thread pool, real pipeline and NER model) against the in-process run.
const PAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'pages');

function captureIo(): CliIo & { out: () => string; err: () => string } {
  const chunks = { out: '', err: '' };
  const sink = (key: 'out' | 'err') =>
    new Writable({
      write(chunk, _enc, done) {
        chunks[key] += String(chunk);
        done();
      },
    });
  return { stdout: sink('out'), stderr: sink('err'), out: () => chunks.out, err: () => chunks.err };
}

let dir: string;
let input: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-workers-'));
  input = join(dir, 'in');
  mkdirSync(input);
  // The project's page fixtures (many outlets' layouts), two three-outlet events, a repeated page and an empty one.
  for (const name of readdirSync(PAGES_DIR).filter((n) => /^t\d+.*\.(txt|html)$/u.test(n)))
    copyFileSync(join(PAGES_DIR, name), join(input, name));
  for (const [name, text] of Object.entries(scaleFixturePages())) writeFileSync(join(input, name), text);
  copyFileSync(join(input, 'dam-2.txt'), join(input, 'zz-dam-2-again.txt'));
  writeFileSync(join(input, 'zz-empty.txt'), '\n\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function ingest(db: string, workers: number): Promise<{ code: number; summary: Record<string, unknown> }> {
  const io = captureIo();
  const code = await main(
    ['ingest', input, '--db', db, '--workers', String(workers), '--batch-size', '4', '--json'],
    io,
  );
  return { code, summary: JSON.parse(io.out()) as Record<string, unknown> };
}

describe('marsad ingest --workers', () => {
  it('stores the same pages, articles, ids, annotations and storylines with 2 workers as with 1, and stays idempotent', async () => {
    const one = await ingest(join(dir, 'one.db'), 1);
    const two = await ingest(join(dir, 'two.db'), 2);
    expect(one.code).toBe(1); // the empty page
    expect(two.code).toBe(1);
    const { db: _a, ...summaryOne } = one.summary;
    const { db: _b, ...summaryTwo } = two.summary;
    expect(summaryTwo).toEqual(summaryOne);
    expect(summaryTwo).toMatchObject({ duplicates: 1 });
    expect((summaryTwo.failed as { code: string }[]).map((f) => f.code)).toEqual(['input/empty']);

    const [storeOne, storeTwo] = [openSqliteStore(join(dir, 'one.db')), openSqliteStore(join(dir, 'two.db'))];
    const [snapOne, snapTwo] = [await storeSnapshot(storeOne), await storeSnapshot(storeTwo)];
    expect(snapTwo.articles.length).toBeGreaterThan(40);
    expect(snapTwo.stories.length).toBeGreaterThanOrEqual(2);
    const annotated = snapTwo.articles.filter(
      (a) => (a as { annotations: { entities: unknown[] } | null }).annotations?.entities.length,
    );
    expect(annotated.length).toBeGreaterThan(30);
    expect(snapTwo).toEqual(snapOne);

    const again = await ingest(join(dir, 'two.db'), 2);
    expect(again.summary).toMatchObject({ newPages: 0, articles: 0 });
    expect(await storeSnapshot(storeTwo)).toEqual(snapTwo);
    await Promise.all([storeOne.close(), storeTwo.close()]);
  }, 120_000);
});
