import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestInputs } from '../../src/app/ingest.ts';
import { analyzeByFirstLine } from '../../src/app/testing/first-line-analyzer.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'ingest-child.ts');
const TOPICS = ['الزراعة', 'الصحة', 'التعليم', 'النقل', 'الطاقة', 'السياحة', 'المياه', 'الإسكان', 'الثقافة'];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-kill-'));
  TOPICS.forEach((topic, i) => {
    // Page 5 (second batch) says «توقف»: the child hangs there, mid-batch, until killed.
    const extra = i === 4 ? 'وأعلنت الوزارة توقف العمل مؤقتاً.' : 'وأكدت الوزارة استمرار العمل.';
    writeFileSync(
      join(dir, `page-${i}.txt`),
      `وزارة ${topic} تعلن خطتها للعام المقبل\nأعلنت وزارة ${topic} خطتها السنوية في مؤتمر صحفي.\n${extra}\n`,
    );
  });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until it reports its first committed batch, then kills it with SIGKILL. */
function ingestAndKill(db: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('committed 1')) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(out) : reject(new Error(`child exited without being killed: ${err}`)),
    );
  });
}

async function snapshot(store: Store): Promise<unknown> {
  const summaries = await store.listArticles({ limit: 100 });
  return { pages: await store.countPages(), articles: await Promise.all(summaries.map((a) => store.getArticle(a.id))) };
}

describe('ingest killed mid-batch (child process, SIGKILL)', () => {
  it('keeps the committed batch, and a rerun ends equal to an uninterrupted run', async () => {
    const db = join(dir, 'killed.db');
    expect(await ingestAndKill(db)).toBe('committed 1\n');
    const store = openSqliteStore(db);
    expect(await store.countPages()).toBe(3);
    const options = { analyze: analyzeByFirstLine, maxBytes: 100_000, batchSize: 3 };
    const resumed = await ingestInputs(store, [dir], options);
    expect(resumed).toMatchObject({ pages: 9, newPages: 6, duplicates: 3, failed: [] });
    const clean = openSqliteStore(':memory:');
    await ingestInputs(clean, [dir], options);
    expect(await snapshot(store)).toEqual(await snapshot(clean));
    await Promise.all([store.close(), clean.close()]);
  });
});
