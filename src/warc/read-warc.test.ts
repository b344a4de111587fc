import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import { main } from '../cli/main.ts';
import { readLimits } from '../ingest/limits.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import { readWarcResponses, type WarcResponse } from './read-warc.ts';

const MAX_BYTES = 100_000;

function page(headline: string, paragraphs: string[]): Buffer {
  return Buffer.from(
    `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>${headline}</title></head><body><article><h1>${headline}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`,
  );
}

const PAGE_A = page('وزير المالية يعلن موازنة العام المقبل', [
  'أعلن وزير المالية صباح الثلاثاء أن موازنة العام المقبل ستركز على دعم الصناعات الصغيرة وتوسيع شبكة الحماية الاجتماعية.',
  'وقال الوزير في مؤتمر صحفي بالعاصمة إن العجز المتوقع سينخفض إلى أربعة في المئة من الناتج المحلي.',
]);
const PAGE_B = page('افتتاح معرض الكتاب في دورته الجديدة بمشاركة واسعة', [
  'افتتح معرض الكتاب أبوابه أمام الزوار بمشاركة أكثر من ثلاثمئة دار نشر عربية وأجنبية.',
  'وتتضمن الدورة الحالية ندوات عن الترجمة وأدب الطفل وأمسيات شعرية يومية حتى نهاية الشهر.',
]);
const PAGE_C = page('هطول أمطار غزيرة على المناطق الساحلية', [
  'شهدت المناطق الساحلية هطول أمطار غزيرة أدت إلى إغلاق عدد من الطرق الفرعية لساعات.',
  'ودعت هيئة الأرصاد المواطنين إلى توخي الحذر حتى مساء الغد مع توقع استمرار الحالة الجوية.',
]);

async function record(options: {
  url: string;
  type?: 'response' | 'resource';
  status?: string;
  headers?: Record<string, string>;
  payload: Uint8Array;
}): Promise<Uint8Array> {
  const created = WARCRecord.create(
    {
      url: options.url,
      date: '2026-11-30T08:00:00Z',
      type: options.type ?? 'response',
      warcVersion: 'WARC/1.1',
      statusline: options.status ?? 'HTTP/1.1 200 OK',
      httpHeaders: { 'content-type': 'text/html; charset=utf-8', ...options.headers },
    },
    (function* () {
      yield options.payload;
    })(),
  );
  return WARCSerializer.serialize(created, { gzip: true });
}

/** HTTP/1.1 chunked transfer coding of `bytes`, in pieces of `size`. */
function chunked(bytes: Buffer, size: number): Buffer {
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) {
    const piece = bytes.subarray(at, at + size);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

async function collect(path: string, limits = readLimits({ maxBytes: MAX_BYTES }), now?: () => number) {
  const out: WarcResponse[] = [];
  for await (const item of readWarcResponses(path, { limits, ...(now ? { now } : {}) })) out.push(item);
  return out;
}

const summary = (items: WarcResponse[]) =>
  items.map((item) =>
    item.ok
      ? { source: item.source, url: item.url, bytes: item.body.length }
      : { source: item.source, error: item.error.code },
  );

let dir: string;
let mixed: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-read-warc-'));
  mixed = join(dir, 'mixed.warc.gz');
  const records = [
    await record({ url: 'https://akhbar.example/a', payload: PAGE_A }),
    // 300 KB of page: over the 100 KB page limit on the wire.
    await record({
      url: 'https://akhbar.example/huge',
      payload: Buffer.concat([PAGE_A, Buffer.alloc(300_000, ' ')]),
    }),
    // 20 MB of zeros gzipped to ~20 KB: a Content-Encoding bomb inside a small record.
    await record({
      url: 'https://akhbar.example/bomb',
      headers: { 'content-encoding': 'gzip' },
      payload: gzipSync(Buffer.alloc(20 * 1024 * 1024)),
    }),
    await record({
      url: 'https://akhbar.example/b',
      headers: { 'content-encoding': 'gzip' },
      payload: gzipSync(PAGE_B),
    }),
    await record({ url: 'https://akhbar.example/missing', status: 'HTTP/1.1 404 Not Found', payload: PAGE_B }),
    await record({
      url: 'https://akhbar.example/c',
      headers: { 'transfer-encoding': 'chunked' },
      payload: chunked(PAGE_C, 200),
    }),
  ];
  writeFileSync(mixed, Buffer.concat(records));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readWarcResponses: limits per record', () => {
  it('an oversized record and a gzip bomb get their own error; the good records around them are read', async () => {
    const items = await collect(mixed);
    expect(summary(items)).toEqual([
      { source: `${mixed}#1`, url: 'https://akhbar.example/a', bytes: PAGE_A.length },
      { source: `${mixed}#2`, error: 'input/too-large' },
      { source: `${mixed}#3`, error: 'input/too-large' },
      { source: `${mixed}#4`, url: 'https://akhbar.example/b', bytes: PAGE_B.length },
      { source: `${mixed}#6`, url: 'https://akhbar.example/c', bytes: PAGE_C.length },
    ]);
    const bomb = items[2]!;
    expect(!bomb.ok && bomb.error.message).toMatch(/compression bomb/u);
    // Content-Encoding and chunked transfer coding are undone: the bytes are the page's own.
    expect(items.filter((i) => i.ok).map((i) => Buffer.from((i as { body: Uint8Array }).body).toString())).toEqual([
      PAGE_A.toString(),
      PAGE_B.toString(),
      PAGE_C.toString(),
    ]);
  });

  it('`marsad ingest` stores the good pages of the mixed WARC and reports the two bad records', async () => {
    const db = join(dir, 'mixed.db');
    const stderr = new PassThrough();
    let errors = '';
    stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await main(['ingest', mixed, '--db', db, '--no-annotate', '--max-bytes', String(MAX_BYTES)], {
      stdout: new PassThrough(),
      stderr,
    });
    expect(code).toBe(1);
    expect(errors).toContain(`${mixed}#2`);
    expect(errors).toContain(`${mixed}#3`);
    const store = openSqliteStore(db);
    try {
      const stored = await store.listArticles({ limit: 10 });
      expect(stored.map((a) => a.headline).sort()).toEqual(
        [
          'وزير المالية يعلن موازنة العام المقبل',
          'افتتاح معرض الكتاب في دورته الجديدة بمشاركة واسعة',
          'هطول أمطار غزيرة على المناطق الساحلية',
        ].sort(),
      );
    } finally {
      await store.close();
    }
  });
});

describe('readWarcResponses: limits per file', () => {
  it('a .warc.gz member that expands past the ratio ends the file with its error; earlier records stay', async () => {
    const path = join(dir, 'member-bomb.warc.gz');
    writeFileSync(path, await record({ url: 'https://akhbar.example/a', payload: PAGE_A }));
    // A resource record of 40 MB of zeros: the WARC's own gzip member is the bomb (~1000× expansion).
    appendFileSync(
      path,
      await record({ url: 'https://akhbar.example/z', type: 'resource', payload: Buffer.alloc(40 * 1024 * 1024) }),
    );
    appendFileSync(path, await record({ url: 'https://akhbar.example/b', payload: PAGE_B }));
    const items = await collect(path);
    expect(summary(items)).toEqual([
      { source: `${path}#1`, url: 'https://akhbar.example/a', bytes: PAGE_A.length },
      { source: `${path}#3`, error: 'input/too-large' },
    ]);
    expect(!items[1]!.ok && items[1]!.error.message).toMatch(/expands more than 100×/u);
  });

  it('the decompressed-bytes limit of a file stops it after the records that fit', async () => {
    const path = join(dir, 'three.warc.gz');
    const one = await record({ url: 'https://akhbar.example/a', payload: PAGE_A });
    writeFileSync(path, Buffer.concat([one, await record({ url: 'https://akhbar.example/b', payload: PAGE_B })]));
    appendFileSync(path, await record({ url: 'https://akhbar.example/c', payload: PAGE_C }));
    const items = await collect(path, readLimits({ maxBytes: MAX_BYTES, maxFileBytes: PAGE_A.length + 1500 }));
    expect(items[0]!.ok).toBe(true);
    expect(items.length).toBeLessThan(3);
    expect(summary(items).at(-1)).toEqual({ source: expect.any(String), error: 'input/too-large' });
  });

  it('the time limit counts reading time only, and stops a slow file', async () => {
    let clock = 0;
    // Every reading step costs 1 s on this clock; 3 records cannot be read within 2 s.
    const items = await collect(mixed, readLimits({ maxBytes: MAX_BYTES, maxFileSeconds: 2 }), () => (clock += 1000));
    expect(summary(items).at(-1)).toEqual({ source: expect.any(String), error: 'input/timeout' });
  });

  it('a FIFO named .warc is refused without hanging, a missing file is not-found', async () => {
    const fifo = join(dir, 'pipe.warc');
    execFileSync('mkfifo', [fifo]);
    expect(summary(await collect(fifo))).toEqual([{ source: fifo, error: 'input/not-regular' }]);
    const missing = join(dir, 'missing.warc.gz');
    expect(summary(await collect(missing))).toEqual([{ source: missing, error: 'input/not-found' }]);
  });
});
