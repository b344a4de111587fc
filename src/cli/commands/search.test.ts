import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePageRecord } from '../../store/sample-records.ts';
import { openSqliteStore } from '../../store/sqlite/sqlite-store.ts';
import type { CommandContext } from '../io.ts';
import { main } from '../main.ts';
import { markHighlights, runSearch } from './search.ts';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-search-cli-'));
  db = join(dir, 'test.db');
  const store = openSqliteStore(db);
  await store.writePages([samplePageRecord({ variant: 0 }), samplePageRecord({ variant: 1 })]);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): { context: CommandContext; out: () => string } {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { context: { io: { stdout, stderr: new PassThrough() }, setExitCode: () => {} }, out: () => chunks.join('') };
}

describe('marsad search', () => {
  it('indexes unindexed articles first and prints JSON with highlight spans', async () => {
    const { context, out } = capture();
    await runSearch('الزيتون إربد', { db, json: true }, context, {});
    const response = JSON.parse(out());
    expect(response.total).toBe(2);
    const hit = response.hits[0];
    expect(
      hit.headlineHighlights.map((h: { start: number; end: number }) => hit.headline.slice(h.start, h.end)),
    ).toEqual(['الزيتون', 'إربد']);
  });

  it('prints a readable page with [marked] matches and filters by outlet', async () => {
    const { context, out } = capture();
    await runSearch('اربد', { db, outlet: 'صحيفة الشمال' }, context, {});
    expect(out()).toMatch(/^1 result for «اربد» \(page 1\/1\)/u);
    expect(out()).toContain('[إربد]');
    expect(out()).toContain('صحيفة الشمال');
  });

  it('says when the query has nothing to search for', async () => {
    const { context, out } = capture();
    await runSearch('في من', { db }, context, {});
    expect(out()).toContain('nothing to search for');
  });

  it('exits 2 on a bad date and on a missing database', async () => {
    const stderr = new PassThrough();
    const io = { stdout: new PassThrough(), stderr };
    expect(await main(['search', 'اربد', '--db', db, '--from', 'أمس'], io)).toBe(2);
    expect(await main(['search', 'اربد', '--db', join(dir, 'none.db')], io)).toBe(1);
  });

  it('marks spans with brackets off a terminal', () => {
    expect(markHighlights('القوات الأميركية في العراق', [{ start: 7, end: 16 }], false)).toBe(
      'القوات [الأميركية] في العراق',
    );
  });
});
