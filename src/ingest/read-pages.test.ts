import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { hashId } from '../core/ids.ts';
import { readPages, type PageResult, type ReadPagesOptions } from './read-pages.ts';

const NEWS =
  'افتتح وزير الثقافة مساء الخميس معرض الكتاب في دورته الخامسة والعشرين.\nوشارك في المعرض أكثر من ٤٠٠ دار نشر.\n';
const OTHER = 'أعلن البنك المركزي رفع سعر الفائدة ربع نقطة مئوية.\n';
const HTML =
  '<!DOCTYPE html><html><head><title>خبر</title></head><body><article><p>وصل الوفد إلى الرباط.</p></article></body></html>';
const OPTIONS = { maxBytes: 100_000 };

let dir: string;

async function collect(inputs: readonly string[], options: ReadPagesOptions = OPTIONS): Promise<PageResult[]> {
  const out: PageResult[] = [];
  for await (const result of readPages(inputs, options)) out.push(result);
  return out;
}

function summary(results: readonly PageResult[]): string[] {
  return results.map(
    (r) => `${r.source.slice(dir.length + 1)} ${r.ok ? `${r.page.contentType} ${r.page.encoding}` : r.error.code}`,
  );
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-read-'));
  mkdirSync(join(dir, 'b-sub', 'deeper'), { recursive: true });
  mkdirSync(join(dir, '.hidden'));
  writeFileSync(join(dir, 'a.txt'), NEWS);
  writeFileSync(join(dir, 'b-sub', 'page.html'), HTML);
  writeFileSync(join(dir, 'b-sub', 'deeper', 'old.txt'), iconv.encode(OTHER, 'windows-1256'));
  writeFileSync(
    join(dir, 'b-sub', 'utf16.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(OTHER, 'utf16le')]),
  );
  writeFileSync(join(dir, 'c-empty.txt'), '');
  writeFileSync(join(dir, 'd-image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  writeFileSync(join(dir, 'e-big.txt'), NEWS.repeat(200));
  writeFileSync(join(dir, 'notes.md'), '# not a page');
  writeFileSync(join(dir, '.hidden', 'x.txt'), NEWS);
  writeFileSync(join(dir, '.dotfile.txt'), NEWS);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readPages: files and directories', () => {
  it('walks a directory recursively in sorted order, skipping hidden entries and non-page files', async () => {
    const results = await collect([dir], { maxBytes: 5_000 });
    expect(summary(results)).toEqual([
      'a.txt text/plain utf-8',
      'b-sub/deeper/old.txt text/plain windows-1256',
      'b-sub/page.html text/html utf-8',
      'b-sub/utf16.txt text/plain utf-16le',
      'c-empty.txt input/empty',
      'd-image.html input/binary',
      'e-big.txt input/too-large',
    ]);
  });

  it('gives each page its content hash as id and the decoded text as body', async () => {
    const [first, old] = await collect([join(dir, 'a.txt'), join(dir, 'b-sub', 'deeper', 'old.txt')]);
    expect(first?.ok && first.page).toMatchObject({ id: hashId(['page', NEWS]), body: NEWS, url: join(dir, 'a.txt') });
    expect(old?.ok && old.page.body).toBe(OTHER);
    expect(first?.ok && Number.isNaN(Date.parse(first.page.fetchedAt))).toBe(false);
  });

  it('reports a missing path as an item error and goes on', async () => {
    const results = await collect([join(dir, 'nope.txt'), join(dir, 'a.txt')]);
    expect(results.map((r) => r.ok || r.error.code)).toEqual(['input/not-found', true]);
  });

  it('follows a symlinked file, reports a symlinked directory as not a regular file and goes on', async () => {
    const links = mkdtempSync(join(tmpdir(), 'marsad-links-'));
    symlinkSync(join(dir, 'a.txt'), join(links, 'linked.txt'));
    symlinkSync(join(dir, 'b-sub'), join(links, 'loop'));
    writeFileSync(join(links, 'z.txt'), OTHER);
    const results = await collect([links]);
    rmSync(links, { recursive: true, force: true });
    expect(
      results.map((r) => `${r.source.slice(links.length + 1)} ${r.ok ? r.page.body.length : r.error.code}`),
    ).toEqual([`linked.txt ${NEWS.length}`, 'loop input/not-regular', `z.txt ${OTHER.length}`]);
  });

  it('reads a page from stdin with the injected clock', async () => {
    const stdin = Readable.from([Buffer.from(NEWS.slice(0, 20)), Buffer.from(NEWS.slice(20))]);
    const [result] = await collect(['-'], { ...OPTIONS, stdin, now: () => new Date('2024-03-01T10:00:00Z') });
    expect(result?.ok && result.page).toMatchObject({ body: NEWS, url: '-', fetchedAt: '2024-03-01T10:00:00.000Z' });
  });
});

describe('readPages: JSON Lines', () => {
  it('yields one page per line with path#line sources; a bad line fails alone', async () => {
    const lines = [
      JSON.stringify({ url: 'https://example.org/a', text: NEWS, fetched_at: '2024-01-26T08:00:00+03:00' }),
      '',
      '{"text": "غير مكتمل',
      JSON.stringify({ url: 'https://example.org/b', html: HTML }),
      JSON.stringify({ url: 'https://example.org/c' }),
      JSON.stringify({ text: '   ' }),
      JSON.stringify({ text: OTHER, html: HTML }),
    ];
    const path = join(dir, 'batch.jsonl');
    writeFileSync(path, lines.join('\n') + '\n');
    const results = await collect([path]);
    rmSync(path);
    expect(results.map((r) => `${r.source.slice(path.length)} ${r.ok ? r.page.contentType : r.error.code}`)).toEqual([
      '#1 text/plain',
      '#3 input/malformed',
      '#4 text/html',
      '#5 input/malformed',
      '#6 input/empty',
      '#7 input/malformed',
    ]);
    const first = results[0];
    expect(first?.ok && first.page).toMatchObject({
      url: 'https://example.org/a',
      fetchedAt: '2024-01-26T05:00:00.000Z',
      body: NEWS,
    });
    const missing = results[3];
    expect(missing?.ok === false && missing.error.message).toContain('exactly one of "html" or "text"');
  });

  it('reads gzip-compressed JSON Lines and reports a corrupt archive as an item error', async () => {
    const good = join(dir, 'pages.jsonl.gz');
    writeFileSync(good, gzipSync(JSON.stringify({ text: OTHER }) + '\n' + JSON.stringify({ text: NEWS }) + '\n'));
    const bad = join(dir, 'broken.jsonl.gz');
    writeFileSync(
      bad,
      Buffer.concat([gzipSync(JSON.stringify({ text: OTHER }) + '\n').subarray(0, 15), Buffer.from('garbage')]),
    );
    const results = await collect([good, bad]);
    rmSync(good);
    rmSync(bad);
    expect(results.map((r) => (r.ok ? r.page.body : r.error.code))).toEqual([OTHER, NEWS, 'input/malformed']);
  });
});
