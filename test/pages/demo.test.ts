/**
 * `scripts/demo.mjs --no-serve` end to end: a fresh database, every demo page ingested, articles listed.
 * Skips while the pipeline it drives (src/pipeline/analyze-page.ts) is not in this checkout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../eval/shared-dir.ts';

/** Ingesting 20 pages with annotation takes ~35 s on the shared 2-core machine; leave room for contention. */
const DEMO_TIMEOUT_MS = 300_000;
const hasPipeline = existsSync(join(REPO_ROOT, 'src', 'pipeline', 'analyze-page.ts'));
const gold = JSON.parse(readFileSync(join(REPO_ROOT, 'examples', 'gold.json'), 'utf8')) as {
  pages: { file: string; articles: { headline: string }[] }[];
};
const dir = mkdtempSync(join(tmpdir(), 'marsad-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: readonly string[]) {
  return spawnSync(process.execPath, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: DEMO_TIMEOUT_MS });
}

describe.skipIf(!hasPipeline)('npm run demo (without the server)', () => {
  it(
    'replaces an existing database, ingests every demo page and lists the articles',
    () => {
      const db = join(dir, 'demo.db');
      writeFileSync(db, 'not a database: the demo must delete it first');
      const demo = run(['scripts/demo.mjs', '--no-serve', '--db', db]);
      expect(demo.status, demo.stderr).toBe(0);
      expect(demo.stdout).toContain('Articles found');

      const listed = run(['marsad', 'articles', '--db', db, '--json', '--limit', '1000']);
      expect(listed.status, listed.stderr).toBe(0);
      const articles = listed.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { headline?: string | null });
      // Every page yields at least one article; the exact count is the extractor's accuracy, scored by its eval.
      expect(articles.length).toBeGreaterThanOrEqual(gold.pages.length);
      const headlines = new Set(articles.map((a) => a.headline));
      const mainHeadlines = gold.pages.map((p) => p.articles[0]!.headline);
      expect(mainHeadlines.filter((h) => headlines.has(h)).length).toBeGreaterThanOrEqual(
        Math.floor(0.8 * mainHeadlines.length),
      );
    },
    DEMO_TIMEOUT_MS,
  );
});

describe('scripts/demo.mjs arguments', () => {
  it('rejects an unknown option with exit code 2 before touching any database', () => {
    const demo = run(['scripts/demo.mjs', '--bogus']);
    expect(demo.status).toBe(2);
    expect(demo.stderr).toContain('unknown option --bogus');
  });
});
