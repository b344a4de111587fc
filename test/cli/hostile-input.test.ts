/**
 * Issue 16 acceptance: a bad-input corpus built here (compression bomb, newline bomb, a 600 MB line in a sparse file,
 * /dev/zero and a FIFO named directly and through symlinks, UTF-8 with 1/3/8/13 bad bytes, a 60 MB page with a raised
 * limit, empty/binary/broken-JSON items) mixed with good pages in one `marsad ingest` run, in a child process measured
 * with /usr/bin/time: every bad item gets its own clear error, every good page is stored, the run ends within a
 * minute and under 1 GB, exit code 1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIME = '/usr/bin/time';
const HAS_MKFIFO = spawnSync('sh', ['-c', 'command -v mkfifo'], { encoding: 'utf8' }).status === 0;

const TOPICS = [
  'الزراعة',
  'الصحة',
  'التعليم',
  'النقل',
  'الطاقة',
  'السياحة',
  'المياه',
  'الإسكان',
  'الثقافة',
  'الرياضة',
  'الصناعة',
  'التجارة',
];
/** A plausible news page about `topic`, ~1 KB, distinct per topic and variant. */
function goodPage(topic: string, variant: string): string {
  return (
    [
      `وزارة ${topic} تعلن خطة ${variant} للعام المقبل`,
      `أعلنت وزارة ${topic} صباح الأحد خطتها ${variant} للعام المقبل، في مؤتمر صحفي عقده الوزير في مقر الوزارة بالعاصمة.`,
      `وقال الوزير إن الخطة تتضمن مشروعات جديدة بقيمة 250 مليون دينار، وتستهدف تحسين الخدمات في المحافظات كافة.`,
      `وأضاف أن الوزارة ستنشر تقارير دورية عن سير العمل، داعياً المواطنين إلى متابعة المنصة الإلكترونية للوزارة.`,
    ].join('\n') + '\n'
  );
}
const GZIP_PIECE_BYTES = 100 * 1024 * 1024;

let dir: string;
let pages: string;
const good = new Map<string, string>(); // file or file#line → headline expected stored
const direct: string[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-hostile-'));
  pages = join(dir, 'pages');
  mkdirSync(pages);
  const headline = (text: string): string => text.split('\n')[0]!;
  // Good plain pages, interleaved (by name) with the bad ones.
  TOPICS.slice(0, 4).forEach((topic, i) => {
    const text = goodPage(topic, `الخمسية ${i}`);
    writeFileSync(join(pages, `${String.fromCharCode(97 + i * 5)}-good.txt`), text);
    good.set(`${String.fromCharCode(97 + i * 5)}-good.txt`, headline(text));
  });
  const jsonLine = (topic: string, n: number): string =>
    `${JSON.stringify({ url: `https://example.org/${n}`, text: goodPage(topic, `رقم ${n}`) })}\n`;
  // Compression bomb: a good line, then 10 GB of NUL bytes (one endless line) in ~10 MB of gzip members.
  const zeros = gzipSync(Buffer.alloc(GZIP_PIECE_BYTES), { level: 9 });
  writeFileSync(
    join(pages, 'b-bomb.jsonl.gz'),
    Buffer.concat([gzipSync(jsonLine(TOPICS[4]!, 1)), ...Array.from({ length: 100 }, () => zeros)]),
  );
  good.set('b-bomb.jsonl.gz#1', headline(goodPage(TOPICS[4]!, 'رقم 1')));
  // Newline bomb: a good line, then 10 GB of newlines.
  const newlines = gzipSync(Buffer.alloc(GZIP_PIECE_BYTES, 0x0a), { level: 9 });
  writeFileSync(
    join(pages, 'c-newlines.jsonl.gz'),
    Buffer.concat([gzipSync(jsonLine(TOPICS[5]!, 2)), ...Array.from({ length: 100 }, () => newlines)]),
  );
  good.set('c-newlines.jsonl.gz#1', headline(goodPage(TOPICS[5]!, 'رقم 2')));
  // A 600 MB line (sparse: no disk used) between two good lines.
  const longLine = join(pages, 'd-long-line.jsonl');
  const first = Buffer.from(jsonLine(TOPICS[6]!, 3));
  const last = Buffer.from(`\n${jsonLine(TOPICS[7]!, 4)}`);
  const fd = openSync(longLine, 'w');
  writeSync(fd, first);
  ftruncateSync(fd, first.length + 600 * 1024 * 1024);
  writeSync(fd, last, 0, last.length, first.length + 600 * 1024 * 1024);
  closeSync(fd);
  good.set('d-long-line.jsonl#1', headline(goodPage(TOPICS[6]!, 'رقم 3')));
  good.set('d-long-line.jsonl#3', headline(goodPage(TOPICS[7]!, 'رقم 4')));
  // Devices and FIFOs, through symlinks inside the directory and named directly.
  symlinkSync('/dev/zero', join(pages, 'g-zero.txt'));
  if (HAS_MKFIFO) {
    execFileSync('mkfifo', [join(dir, 'fifo.jsonl')]);
    symlinkSync(join(dir, 'fifo.jsonl'), join(pages, 'h-fifo.txt'));
    direct.push(join(dir, 'fifo.jsonl'));
  }
  direct.push('/dev/zero');
  // UTF-8 Arabic with 1, 3, 8 and 13 invalid bytes: stored as UTF-8 with a warning.
  for (const bad of [1, 3, 8, 13]) {
    const sentences = Array.from(
      { length: 30 },
      (_, k) =>
        `وأوضح المتحدث أن المرحلة ${k + 1} من الخطة تشمل ${k * 7 + 12} مشروعاً في ${k + 3} محافظات، بكلفة تقديرية تبلغ ${k * 3 + 40} مليون دينار.`,
    );
    const text = `${goodPage(TOPICS[8]!, `المعدلة ${bad}`)}${sentences.join('\n')}\n`;
    const parts = text.split('\n').map((line) => Buffer.from(`${line}\n`, 'utf8'));
    for (let i = 0; i < bad; i++) parts.splice(4 + i * 2, 0, Buffer.from([0xff]));
    writeFileSync(join(pages, `i-utf8-${String(bad).padStart(2, '0')}.txt`), Buffer.concat(parts));
    good.set(`i-utf8-${String(bad).padStart(2, '0')}.txt`, headline(text));
  }
  // A 60 MB page (the run raises --max-bytes to 100 MB), an empty page, a binary one, a broken JSONL line.
  writeFileSync(join(pages, 'j-huge.txt'), goodPage(TOPICS[9]!, 'الكبيرة').repeat(60_000));
  writeFileSync(join(pages, 'k-empty.txt'), '');
  writeFileSync(
    join(pages, 'l-image.html'),
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  );
  writeFileSync(join(pages, 'm-feed.jsonl'), `{"url": "x", "text": \n${jsonLine(TOPICS[10]!, 5)}`);
  good.set('m-feed.jsonl#2', headline(goodPage(TOPICS[10]!, 'رقم 5')));
}, 120_000);

afterAll(() => {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(TIME))('marsad ingest on a hostile corpus mixed with good pages', () => {
  it('gives each bad item its own error, stores every good page, ends within a minute under 1 GB, exit 1', () => {
    const db = join(dir, 'hostile.db');
    const started = performance.now();
    const run = spawnSync(
      TIME,
      [
        '-f',
        'MAXRSS_KB=%M',
        process.execPath,
        join(ROOT, 'marsad'),
        'ingest',
        pages,
        ...direct,
        '--db',
        db,
        '--max-bytes',
        '100000000',
        '--batch-size',
        '500',
        '--json',
      ],
      { encoding: 'utf8', timeout: 120_000, cwd: ROOT },
    );
    const seconds = (performance.now() - started) / 1000;
    const rssKb = Number(/MAXRSS_KB=(\d+)/u.exec(run.stderr)?.[1]);
    process.stdout.write(`hostile ingest: ${seconds.toFixed(1)} s, max RSS ${(rssKb / 1024).toFixed(0)} MB\n`);
    expect(run.status, run.stderr).toBe(1);
    expect(seconds).toBeLessThan(60);
    expect(rssKb).toBeLessThan(1024 * 1024);

    const summary = JSON.parse(run.stdout) as {
      failed: { source: string; code: string; message: string }[];
      warnings: { source: string; message: string }[];
    };
    const failed = new Map(summary.failed.map((f) => [f.source.replace(`${pages}/`, ''), f]));
    const expectFailure = (source: string, code: string, text: string): void => {
      const failure = failed.get(source);
      expect(failure, `no failure for ${source}: ${JSON.stringify([...failed.keys()])}`).toBeDefined();
      expect(failure!.code).toBe(code);
      expect(failure!.message).toContain(text);
    };
    expectFailure('b-bomb.jsonl.gz#2', 'input/too-large', 'compression bomb');
    expectFailure('c-newlines.jsonl.gz#2', 'input/too-large', 'more than 2000000 lines');
    expectFailure('d-long-line.jsonl#2', 'input/too-large', 'skipped without reading it whole');
    expectFailure('g-zero.txt', 'input/not-regular', 'character device');
    expectFailure('/dev/zero', 'input/not-regular', 'character device');
    if (HAS_MKFIFO) {
      expectFailure('h-fifo.txt', 'input/not-regular', 'FIFO');
      expectFailure(join(dir, 'fifo.jsonl'), 'input/not-regular', 'FIFO');
    }
    expectFailure('j-huge.txt', 'input/too-large', 'bytes');
    expectFailure('k-empty.txt', 'input/empty', 'empty');
    expectFailure('l-image.html', 'input/binary', 'binary');
    expectFailure('m-feed.jsonl#1', 'input/malformed', 'JSON');
    expect(summary.failed).toHaveLength(HAS_MKFIFO ? 11 : 9);
    for (const bad of ['01', '03', '08', '13']) {
      expect(summary.warnings.find((w) => w.source.endsWith(`i-utf8-${bad}.txt`))?.message).toContain(
        `${Number(bad)} invalid UTF-8 byte sequence`,
      );
    }

    const store = openSqliteStore(db);
    const stored = store.listArticles({ limit: 100 });
    return stored.then(async (articles) => {
      const headlines = new Set(articles.map((a) => a.headline));
      for (const [source, headline] of good) expect(headlines.has(headline), `${source} not stored`).toBe(true);
      expect(await store.countPages()).toBe(good.size);
      const repaired = articles.find((a) => a.headline === good.get('i-utf8-13.txt'))!;
      const page = await store.getPage(repaired.pageId);
      expect(page!.encoding).toBe('utf-8');
      expect(page!.decoding).toMatchObject({ method: 'utf-8-repaired', replaced: 13 });
      await store.close();
    });
  }, 150_000);
});
