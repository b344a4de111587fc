/** The CLI on PostgreSQL: `--db postgres://…` and MARSAD_DATABASE_URL select server mode for ingest, articles, article and search. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeByFirstLine } from '../../src/app/testing/first-line-analyzer.ts';
import { runIngest } from '../../src/cli/commands/ingest.ts';
import { runSearch } from '../../src/cli/commands/search.ts';
import type { CliIo, CommandContext } from '../../src/cli/io.ts';
import { main } from '../../src/cli/main.ts';
import {
  postgresTestTarget,
  startTestDatabase,
  type TestDatabase,
} from '../../src/store/postgres/testing/test-database.ts';

function captureIo(): CliIo & { out: () => string; err: () => string } {
  const chunks = { out: '', err: '' };
  const sink = (key: 'out' | 'err') =>
    Object.assign(
      new Writable({
        write(chunk, _enc, done) {
          chunks[key] += String(chunk);
          done();
        },
      }),
      { isTTY: false },
    );
  return { stdout: sink('out'), stderr: sink('err'), out: () => chunks.out, err: () => chunks.err };
}

function contextFor(io: CliIo): CommandContext & { code: () => number } {
  let code = 0;
  return {
    io,
    setExitCode: (c) => {
      code = Math.max(code, c);
    },
    code: () => code,
  };
}

const FLOOD =
  'سيول جارفة تقطع طرقاً في وادي حضرموت\nجرفت السيول مساء الثلاثاء عدداً من السيارات في وادي حضرموت.\nوقالت السلطات المحلية إن فرق الإنقاذ انتشلت ثلاثة عالقين.\n';
const HARVEST =
  'موسم حصاد القمح يبدأ مبكراً في سهل البقاع\nبدأ المزارعون في سهل البقاع حصاد القمح قبل موعده بأسبوعين.\nاقرأ أيضاً: أسعار الطحين ترتفع\n';
const target = postgresTestTarget(process.env);

describe.skipIf(target === null)('marsad CLI on PostgreSQL', () => {
  let database: TestDatabase;
  let dir: string;
  let url: string;
  const deps = { loadAnalyzer: async () => analyzeByFirstLine, env: {} };

  beforeAll(async () => {
    database = await startTestDatabase(target!);
    // A URL that carries its schema (created on first use): what a team sharing one database puts in MARSAD_DATABASE_URL.
    // The password is ignored by the test cluster's trust authentication; it is here to check that it is never printed.
    const withPassword = database.url.replace(/^postgres:\/\/(?<user>[^@:]+)@/u, 'postgres://$<user>:kalimat-sirr@');
    url = `${withPassword}${withPassword.includes('?') ? '&' : '?'}schema=${database.freshSchema()}`;
    dir = mkdtempSync(join(tmpdir(), 'marsad-pg-cli-'));
    writeFileSync(join(dir, 'flood.txt'), FLOOD);
    writeFileSync(join(dir, 'harvest.txt'), HARVEST);
  });
  afterAll(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    await database?.stop();
  });

  it('ingests with --db postgres://… and is idempotent on a second run through MARSAD_DATABASE_URL', async () => {
    const io = captureIo();
    await runIngest(
      [join(dir, 'flood.txt'), join(dir, 'harvest.txt')],
      { db: url, annotate: true },
      contextFor(io),
      deps,
    );
    expect(io.out()).toContain(': 2 new, 0 duplicate, 2 articles stored; 0 failed');
    if (target?.kind === 'cluster') expect(io.out()).toContain(':***@');
    expect(io.out()).not.toContain('kalimat-sirr');
    const again = captureIo();
    await runIngest([join(dir, 'flood.txt')], { annotate: true }, contextFor(again), {
      ...deps,
      env: { MARSAD_DATABASE_URL: url },
    });
    expect(again.out()).toContain(': 0 new, 1 duplicate, 0 articles stored; 0 failed');
  });

  it('lists and shows the stored articles through main', async () => {
    const io = captureIo();
    expect(await main(['articles', '--db', url, '--json'], io)).toBe(0);
    const listed = io
      .out()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; headline: string });
    expect(listed.map((a) => a.headline).sort()).toEqual([
      'سيول جارفة تقطع طرقاً في وادي حضرموت',
      'موسم حصاد القمح يبدأ مبكراً في سهل البقاع',
    ]);
    const shown = captureIo();
    expect(await main(['article', listed[0]!.id.slice(0, 8), '--db', url, '--json'], shown)).toBe(0);
    const article = JSON.parse(shown.out()) as { body: string };
    expect(article.body.length).toBeGreaterThan(0);
  });

  it('searches with Arabic analysis: «السيول» finds the flood story by its stem, with exact highlight spans', async () => {
    const io = captureIo();
    await runSearch('السيول', { db: url, json: true }, contextFor(io), {});
    const response = JSON.parse(io.out()) as {
      total: number;
      hits: { headline: string; headlineHighlights: { start: number; end: number }[] }[];
    };
    expect(response.total).toBe(1);
    const [hit] = response.hits;
    expect(hit!.headline).toBe('سيول جارفة تقطع طرقاً في وادي حضرموت');
    expect(hit!.headlineHighlights.map((s) => hit!.headline.slice(s.start, s.end))).toEqual(['سيول']);
  });
});
