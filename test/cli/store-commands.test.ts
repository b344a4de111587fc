import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { analyzeByFirstLine } from '../../src/app/testing/first-line-analyzer.ts';
import { articleIdFor } from '../../src/core/ids.ts';
import { main } from '../../src/cli/main.ts';
import { runIngest } from '../../src/cli/commands/ingest.ts';
import type { CliIo, CommandContext } from '../../src/cli/io.ts';
import { samplePageRecord } from '../../src/store/sample-records.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

/** In-memory stdout/stderr for in-process CLI runs. */
function captureIo(isTTY = false): CliIo & { out: () => string; err: () => string } {
  const chunks = { out: '', err: '' };
  const sink = (key: 'out' | 'err') =>
    Object.assign(
      new Writable({
        write(chunk, _enc, done) {
          chunks[key] += String(chunk);
          done();
        },
      }),
      { isTTY },
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

const RAIN =
  'أمطار غزيرة تغمر شوارع الإسكندرية\nشهدت مدينة الإسكندرية أمطاراً غزيرة صباح اليوم.\nاقرأ أيضاً: توقعات الطقس للأسبوع المقبل\n';
const PORT = 'افتتاح رصيف جديد في ميناء العقبة\nافتتحت سلطة منطقة العقبة رصيفاً جديداً للحاويات.\n';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-cli-'));
  db = join(dir, 'store.db');
  const store = openSqliteStore(db);
  await store.writePages([samplePageRecord(), samplePageRecord({ variant: 1, annotate: false })]);
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('marsad ingest (runIngest with a stand-in analyzer)', () => {
  const deps = { loadAnalyzer: async () => analyzeByFirstLine, env: {} };

  it('prints a summary, lists failures on stderr and sets exit code 1', async () => {
    writeFileSync(join(dir, 'rain.txt'), RAIN);
    writeFileSync(join(dir, 'port.txt'), PORT);
    writeFileSync(join(dir, 'blank.txt'), '   ');
    const io = captureIo();
    const context = contextFor(io);
    const target = join(dir, 'ingest.db');
    await runIngest(
      [join(dir, 'rain.txt'), join(dir, 'port.txt'), join(dir, 'blank.txt'), join(dir, 'rain.txt')],
      { db: target, annotate: true },
      context,
      deps,
    );
    expect(io.out()).toBe(`ingested 3 pages into ${target}: 2 new, 1 duplicate, 2 articles stored; 1 failed\n`);
    expect(io.err()).toContain(`failed ${join(dir, 'blank.txt')}: [input/empty]`);
    expect(context.code()).toBe(1);
  });

  it('prints JSON with --json and keeps exit code 0 when nothing failed', async () => {
    const io = captureIo();
    const context = contextFor(io);
    await runIngest([join(dir, 'port.txt')], { db: join(dir, 'json.db'), annotate: true, json: true }, context, deps);
    expect(JSON.parse(io.out())).toMatchObject({ pages: 1, newPages: 1, duplicates: 0, articles: 1, failed: [] });
    expect(context.code()).toBe(0);
  });

  it('draws a progress bar on a terminal and clears it at the end', async () => {
    const io = captureIo(true);
    await runIngest([join(dir, 'rain.txt')], { db: join(dir, 'tty.db'), annotate: true }, contextFor(io), deps);
    expect(io.err()).toContain('ingest [');
    expect(io.out()).toContain('1 new');
  });
});

describe('marsad articles / article (through main)', () => {
  const record = samplePageRecord();
  const id = articleIdFor(record.page.id, 0);

  it('lists articles as a table and as JSON lines', async () => {
    const io = captureIo();
    expect(await main(['articles', '--db', db], io)).toBe(0);
    const lines = io.out().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(`^${id}  2024-10-14  وكالة الأنباء الأردنية  وزير الزراعة يفتتح موسم قطف الزيتون في إربد$`, 'u'),
    );
    const json = captureIo();
    expect(await main(['articles', '--db', db, '--json', '--limit', '1', '--outlet', 'صحيفة الشمال'], json)).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({
      outlet: 'صحيفة الشمال',
      published: { date: '2024-10-14', precision: 'day' },
    });
  });

  it('shows an article by id prefix with metadata, annotations and removed boilerplate', async () => {
    const io = captureIo();
    expect(await main(['article', id.slice(0, 6), '--db', db], io)).toBe(0);
    const text = io.out();
    expect(text).toContain('date: 2024-10-14 (day) «١٤ أكتوبر ٢٠٢٤» from body');
    expect(text).toContain('cited sources: بترا');
    expect(text).toContain('LOC «إربد»');
    expect(text).toContain('«نحو 25 ألف طن»');
    expect(text).toContain('= 25000 طن (about) about الزيت');
    expect(text).toContain('removed (2):');
    expect(text).toContain('[share] ');
    expect(text).toContain('[related-links, page] ');
    expect(text).toContain('«اقرأ أيضاً: ارتفاع أسعار الخضار في السوق المركزي»');
  });

  it('prints JSON whose removed texts are exact slices of the page text', async () => {
    const io = captureIo();
    expect(await main(['article', id, '--db', db, '--json'], io)).toBe(0);
    const json = JSON.parse(io.out()) as {
      removed: { start: number; end: number; text: string }[];
      entities: { start: number; end: number; text: string }[];
      body: string;
      annotated: boolean;
    };
    expect(json.annotated).toBe(true);
    for (const r of json.removed) expect(record.pageText.slice(r.start, r.end)).toBe(r.text);
    for (const e of json.entities) expect(json.body.slice(e.start, e.end)).toBe(e.text);
  });

  it('fails clearly for unknown ids, short prefixes and a missing database', async () => {
    const unknown = captureIo();
    expect(await main(['article', 'ffffffff', '--db', db], unknown)).toBe(1);
    expect(unknown.err()).toContain('No article with id or id prefix ffffffff');
    const missing = captureIo();
    expect(await main(['articles', '--db', join(dir, 'nope.db')], missing)).toBe(1);
    expect(missing.err()).toContain('run `marsad ingest');
    const usage = captureIo();
    expect(await main(['articles', '--db', db, '--limit', 'ten'], usage)).toBe(2);
  });

  it('refuses id prefixes shorter than four characters', async () => {
    const io = captureIo();
    expect(await main(['article', id.slice(0, 2), '--db', db], io)).toBe(1);
    expect(io.err()).toContain('prefixes need 4+ characters');
  });
});

describe('marsad ingest keeps the search index in step', () => {
  it('indexes the articles each batch wrote', async () => {
    const target = join(dir, 'indexed.db');
    writeFileSync(join(dir, 'port2.txt'), PORT);
    await runIngest([join(dir, 'port2.txt')], { db: target, annotate: true }, contextFor(captureIo()), {
      loadAnalyzer: async () => analyzeByFirstLine,
      env: {},
    });
    const store = openSqliteStore(target);
    expect(await store.countSearchDocuments()).toBe(1);
    expect(await store.listUnindexedArticleIds(1, 10)).toEqual([]);
    await store.close();
  });
});
