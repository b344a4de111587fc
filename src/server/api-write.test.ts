import { afterEach, describe, expect, it } from 'vitest';
import { analyzeByFirstLine } from '../app/testing/first-line-analyzer.ts';
import type { RawPage } from '../core/page.ts';
import { buildApiFixture, type ApiFixture } from './testing/fixture.ts';

const PAGE_TEXT = [
  'البرلمان يقر موازنة العام المقبل بعد جلسة مطولة',
  'أقر مجلس النواب مساء الأحد مشروع قانون الموازنة العامة بعد نقاش استمر أكثر من ثماني ساعات.',
  'وقال رئيس اللجنة المالية إن الموازنة تتضمن زيادة في مخصصات الصحة والتعليم.',
  'اقرأ أيضاً: ارتفاع أسعار الوقود في الأسواق المحلية',
].join('\n');

let fx: ApiFixture;
afterEach(async () => {
  await fx.app.close();
  await fx.store.close();
});

async function post(payload: unknown, contentType = 'application/json') {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const response = await fx.app.inject({
    method: 'POST',
    url: '/api/pages',
    payload: body,
    headers: { 'content-type': contentType, ...fx.editorHeaders },
  });
  return { status: response.statusCode, body: response.json() };
}

describe('POST /api/pages', () => {
  it('ingests a text page, makes it searchable, and reports a second post as a duplicate', async () => {
    fx = await buildApiFixture();
    const first = await post({ url: 'https://example.test/budget', text: PAGE_TEXT });
    expect(first.status).toBe(201);
    expect(first.body.results[0]).toMatchObject({ ok: true, duplicate: false });
    expect(first.body.results[0].articleIds).toHaveLength(1);
    const search = await fx.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent('الموازنات')}` });
    expect(search.json().hits.map((h: { articleId: string }) => h.articleId)).toEqual(first.body.results[0].articleIds);
    const again = await post({ text: PAGE_TEXT });
    expect(again.body.results[0]).toMatchObject({
      ok: true,
      duplicate: true,
      articleIds: first.body.results[0].articleIds,
    });
  });

  it('accepts HTML and batches; one bad page fails alone', async () => {
    fx = await buildApiFixture();
    const html = `<html><body><h1>افتتاح معرض الكتاب</h1>\n<p>افتتح وزير الثقافة معرض الكتاب الدولي بمشاركة مئات دور النشر.</p></body></html>`;
    const result = await post({
      pages: [{ html }, { text: 'عنوان فقط' }, { text: `${PAGE_TEXT}\n\u0000\u0000\u0000` }],
    });
    expect(result.status).toBe(201);
    expect(result.body.results.map((r: { ok: boolean; code?: string }) => r.code ?? 'ok')).toEqual([
      'ok',
      'analyze/failed',
      'input/binary',
    ]);
  });

  it('answers 422 when every page failed, e.g. a page over the size limit', async () => {
    fx = await buildApiFixture({ maxPageBytes: 1000 });
    const result = await post({ text: PAGE_TEXT.repeat(10) });
    expect(result.status).toBe(422);
    expect(result.body.results[0]).toMatchObject({ ok: false, code: 'input/too-large' });
  });

  it('rejects wrong types, missing or double content, unknown fields and oversize batches with 400', async () => {
    fx = await buildApiFixture();
    const cases: [unknown, RegExp][] = [
      [{ text: 5 }, /body\.text/],
      [{}, /exactly one of html or text/],
      [{ html: '<p>x</p>', text: 'x' }, /exactly one of html or text/],
      [{ text: 'x', author: 'y' }, /author|Unrecognized/],
      [{ url: 7, text: 'x' }, /body\.url/],
      [{ text: 'x', fetchedAt: 'yesterday' }, /body\.fetchedAt/],
      [{ pages: [] }, /body\.pages/],
      [{ pages: Array.from({ length: 51 }, () => ({ text: 'x' })) }, /body\.pages/],
      [[1, 2], /Invalid request/],
    ];
    for (const [payload, message] of cases) {
      const result = await post(payload);
      expect(result.status, JSON.stringify(payload).slice(0, 60)).toBe(400);
      expect(result.body.error.message).toMatch(message);
    }
  });

  it('rejects malformed JSON (400), other content types (415) and huge bodies (413) without stack traces', async () => {
    fx = await buildApiFixture({ bodyLimitBytes: 10_000 });
    const malformed = await post('{"text": "غير مكتمل', 'application/json');
    expect(malformed.status).toBe(400);
    const wrongType = await post('text=x', 'application/x-www-form-urlencoded');
    expect(wrongType.status).toBe(415);
    const huge = await post({ text: 'ا'.repeat(20_000) });
    expect(huge.status).toBe(413);
    for (const result of [malformed, wrongType, huge]) {
      expect(result.body.error.status).toBe(result.status);
      expect(JSON.stringify(result.body)).not.toMatch(/\n\s+at |node_modules/);
    }
  });

  it('keeps answering other requests while a batch is being ingested', async () => {
    const slowAnalyze = (page: RawPage) => {
      const until = Date.now() + 20;
      while (Date.now() < until); // a CPU-bound page analysis
      return analyzeByFirstLine(page);
    };
    fx = await buildApiFixture({ analyze: slowAnalyze });
    const pages = Array.from({ length: 15 }, (_, i) => ({ text: `${PAGE_TEXT}\nفقرة إضافية رقم ${i}.` }));
    let ingestDone = false;
    const ingest = post({ pages }).then((r) => {
      ingestDone = true;
      return r;
    });
    await new Promise((resolve) => setImmediate(resolve));
    const health = await fx.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(ingestDone).toBe(false);
    expect((await ingest).body.results).toHaveLength(15);
  });

  it('answers 503 when the server has no ingest pipeline', async () => {
    fx = await buildApiFixture();
    const { buildServer } = await import('./app.ts');
    const { EMPTY_STORY_READER } = await import('../app/story-reader.ts');
    const readOnly = await buildServer(
      { store: fx.store, stories: EMPTY_STORY_READER, ingest: null },
      { webRoot: null },
    );
    const response = await readOnly.inject({
      method: 'POST',
      url: '/api/pages',
      payload: { text: PAGE_TEXT },
      headers: fx.editorHeaders,
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('ingest-unavailable');
    await readOnly.close();
  });
});
