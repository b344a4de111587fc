import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import type { CliIo } from '../io.ts';

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

const PAGE = [
  'افتتاح جسر جديد يربط ضفتي النهر في المدينة',
  'تاريخ النشر: 4th, April 2022 GMT',
  'الضفة نيوز/ افتتح رئيس الوزراء، اليوم الاثنين، جسراً جديداً يربط ضفتي النهر بطول 800 متر، بعد ثلاث سنوات من العمل.',
  'وقال وزير الإعمار إن الجسر سيخفف الازدحام المروري في وسط المدينة بنسبة تصل إلى 30 في المئة.',
  'كلمات دلالية: جسر النهر الإعمار',
].join('\n');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-analyze-'));
  writeFileSync(join(dir, 'page.txt'), PAGE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('marsad analyze', () => {
  it('prints one JSON line per file with the public article shape', async () => {
    const io = captureIo();
    const file = join(dir, 'page.txt');
    const code = await main(['analyze', '--no-annotate', file], io);
    expect(code).toBe(0);
    const lines = io.out().trim().split('\n');
    expect(lines).toHaveLength(1);
    const json = JSON.parse(lines[0]!);
    expect(json.file).toBe(file);
    expect(json.articles).toHaveLength(1);
    const [article] = json.articles;
    expect(Object.keys(article)).toEqual(['headline', 'dek', 'body', 'published', 'outlet', 'citedSources', 'spans']);
    expect(article).toMatchObject({
      headline: 'افتتاح جسر جديد يربط ضفتي النهر في المدينة',
      outlet: 'الضفة نيوز',
      published: { date: '2022-04-04', precision: 'day', text: '4th, April 2022' },
    });
    expect(article.body.startsWith('افتتح رئيس الوزراء')).toBe(true);
    for (const span of article.spans) expect(PAGE.slice(span.start, span.end).length).toBe(span.end - span.start);
    const tags = article.spans.find((s: { reason?: string }) => s.reason === 'tags');
    expect(PAGE.slice(tags.start, tags.end)).toBe('كلمات دلالية: جسر النهر الإعمار');
  });

  it('reports a missing file on its own line, goes on, and exits 1', async () => {
    const io = captureIo();
    const code = await main(['analyze', '--no-annotate', join(dir, 'missing.txt'), join(dir, 'page.txt')], io);
    expect(code).toBe(1);
    const [first, second] = io
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(first).toEqual({
      file: join(dir, 'missing.txt'),
      error: { code: 'input/not-found', message: expect.any(String) },
    });
    expect(second.articles).toHaveLength(1);
  });

  it('is a usage error without files', async () => {
    expect(await main(['analyze'], captureIo())).toBe(2);
  });
});
