import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { articleIdFor } from '../core/ids.ts';
import type { RawPage } from '../core/page.ts';
import { openSqliteStore } from '../store/sqlite/sqlite-store.ts';
import type { Store } from '../store/store.ts';
import { pageFromFields } from '../ingest/read-pages.ts';
import { ingestInputs, ingestPageResults, type IngestOptions, type IngestProgress } from './ingest.ts';
import { analyzeByFirstLine } from './testing/first-line-analyzer.ts';

const PAGES: Record<string, string> = {
  '01-rain.txt':
    'أمطار غزيرة تغمر شوارع الإسكندرية\nشهدت مدينة الإسكندرية أمطاراً غزيرة صباح اليوم.\nاقرأ أيضاً: توقعات الطقس للأسبوع المقبل\n',
  '02-port.txt':
    'افتتاح رصيف جديد في ميناء العقبة\nافتتحت سلطة منطقة العقبة الاقتصادية رصيفاً جديداً للحاويات.\nوقال المدير إن الطاقة الاستيعابية سترتفع بنسبة 30%.\n',
  '03-copy.txt':
    'أمطار غزيرة تغمر شوارع الإسكندرية\nشهدت مدينة الإسكندرية أمطاراً غزيرة صباح اليوم.\nاقرأ أيضاً: توقعات الطقس للأسبوع المقبل\n',
  '04-empty.txt': '\n\n   \n',
  '05-headline-only.txt': 'عنوان بلا متن\n',
  '07-match.txt': 'المنتخب يتأهل إلى نصف النهائي\nتأهل المنتخب الوطني إلى الدور نصف النهائي بعد فوزه بهدفين.\n',
  '08-budget.txt': 'البرلمان يقر الموازنة العامة\nأقر مجلس النواب الموازنة العامة للدولة بأغلبية الأعضاء.\n',
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-ingest-'));
  for (const [name, text] of Object.entries(PAGES)) writeFileSync(join(dir, name), text);
  writeFileSync(
    join(dir, '06-legacy.txt'),
    iconv.encode(
      'انطلاق مهرجان جرش للثقافة والفنون\nانطلقت فعاليات المهرجان مساء أمس بمشاركة فرق عربية.\n',
      'windows-1256',
    ),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BASE: IngestOptions = { analyze: analyzeByFirstLine, maxBytes: 100_000, batchSize: 3 };

/** Everything a user can see of a store, to compare two runs. */
async function snapshot(store: Store): Promise<unknown> {
  const articles = await store.listArticles({ limit: 100 });
  const full = await Promise.all(articles.map((a) => store.getArticle(a.id)));
  return { pages: await store.countPages(), full };
}

describe('ingestInputs', () => {
  it('stores new pages, counts duplicates and reports bad items without stopping', async () => {
    const store = openSqliteStore(':memory:');
    const summary = await ingestInputs(store, [dir, join(dir, 'missing.txt')], BASE);
    expect(summary).toMatchObject({ pages: 7, newPages: 5, duplicates: 1, articles: 5 });
    // The undeclared windows-1256 page is read as such, and the guess is reported (and stored with the page).
    expect(summary.warnings.map((w) => [w.source.slice(dir.length + 1), w.message.split(':')[0]])).toEqual([
      ['06-legacy.txt', 'decoding'],
    ]);
    expect(summary.failed.map((f) => [f.source.slice(dir.length + 1) || f.source, f.code])).toEqual([
      ['04-empty.txt', 'input/empty'],
      ['05-headline-only.txt', 'analyze/failed'],
      ['missing.txt', 'input/not-found'],
    ]);
    const legacy = await store.listArticles({ limit: 10 });
    expect(legacy.map((a) => a.headline)).toContain('انطلاق مهرجان جرش للثقافة والفنون');
    await store.close();
  });

  it('is idempotent: a second run stores nothing new and equals the first', async () => {
    const store = openSqliteStore(':memory:');
    await ingestInputs(store, [dir], BASE);
    const before = await snapshot(store);
    const again = await ingestInputs(store, [dir], BASE);
    // The page that failed analysis is not stored, so it is analysed (and fails) again.
    expect(again).toMatchObject({ pages: 7, newPages: 0, duplicates: 6, articles: 0 });
    expect(again.failed).toHaveLength(2);
    expect(await snapshot(store)).toEqual(before);
    await store.close();
  });

  it('keeps committed batches when interrupted, and a rerun reaches the state of a clean run', async () => {
    const clean = openSqliteStore(':memory:');
    await ingestInputs(clean, [dir], { ...BASE, batchSize: 2 });
    const interrupted = openSqliteStore(':memory:');
    let writes = 0;
    const failing: Store = {
      ...interrupted,
      writePages: async (records) => {
        if (++writes === 2) throw new Error('simulated crash during the second batch');
        return interrupted.writePages(records);
      },
    };
    await expect(ingestInputs(failing, [dir], { ...BASE, batchSize: 2 })).rejects.toThrow(/simulated crash/);
    expect(await interrupted.countPages()).toBe(2);
    const resumed = await ingestInputs(interrupted, [dir], { ...BASE, batchSize: 2 });
    expect(resumed).toMatchObject({ newPages: 3, duplicates: 3 });
    expect(await snapshot(interrupted)).toEqual(await snapshot(clean));
    await Promise.all([clean.close(), interrupted.close()]);
  });

  it('records an analyser crash as a failed item and stores the rest of the batch', async () => {
    const store = openSqliteStore(':memory:');
    const analyze = (page: RawPage) => {
      if (page.body.includes('ميناء')) throw new TypeError('Cannot read properties of undefined');
      return analyzeByFirstLine(page);
    };
    const summary = await ingestInputs(
      store,
      [join(dir, '01-rain.txt'), join(dir, '02-port.txt'), join(dir, '07-match.txt')],
      { ...BASE, analyze },
    );
    expect(summary.failed).toEqual([
      {
        source: join(dir, '02-port.txt'),
        code: 'analyze/failed',
        message: 'The page could not be analysed. Cannot read properties of undefined',
      },
    ]);
    expect(summary.newPages).toBe(2);
    await store.close();
  });

  it('drops an annotation whose span does not match the body, with a warning', async () => {
    const store = openSqliteStore(':memory:');
    const analyze = (page: RawPage) => {
      const analyzed = analyzeByFirstLine(page);
      const [article] = analyzed.articles;
      const start = article!.body.indexOf('الإسكندرية');
      const good = {
        type: 'LOC' as const,
        text: 'الإسكندرية',
        start,
        end: start + 'الإسكندرية'.length,
        entityId: 'e1',
        canonical: 'الإسكندرية',
      };
      const bad = { ...good, start: start + 1, end: start + 5 };
      return { ...analyzed, articles: [{ ...article!, entities: [good, bad], quantities: [], quotes: [], times: [] }] };
    };
    const summary = await ingestInputs(store, [join(dir, '01-rain.txt')], { ...BASE, analyze });
    expect(summary.warnings).toHaveLength(1);
    expect(summary.warnings[0]?.source).toBe(join(dir, '01-rain.txt'));
    expect(summary.warnings[0]?.message).toContain('dropped entities «الإسكندرية»');
    const stored = await store.getArticle(articleIdFor((await store.listArticles({ limit: 1 }))[0]!.pageId, 0));
    expect(stored?.annotations?.entities).toHaveLength(1);
    expect(stored?.body.slice(stored.annotations!.entities[0]!.start, stored.annotations!.entities[0]!.end)).toBe(
      'الإسكندرية',
    );
    await store.close();
  });

  it('reports progress after each batch and calls afterBatch with the new article ids', async () => {
    const store = openSqliteStore(':memory:');
    const progress: IngestProgress[] = [];
    const batches: number[] = [];
    await ingestInputs(store, [dir], {
      ...BASE,
      onProgress: (p) => progress.push(p),
      afterBatch: (w) => void batches.push(w.newArticleIds.length),
    });
    expect(progress.at(-1)).toMatchObject({ pages: 7, newPages: 5, failed: 2 });
    expect(batches.reduce((a, b) => a + b, 0)).toBe(5);
    await store.close();
  });

  it('ingests pages given as fields (the API path) with the same checks and dedup', async () => {
    const store = openSqliteStore(':memory:');
    const defaults = { maxBytes: 100_000, fetchedAt: '2024-05-01T00:00:00.000Z' };
    const html =
      '<html><body><h1>قمة اقتصادية في الدوحة</h1><p>انطلقت أعمال القمة الاقتصادية بمشاركة وزراء المالية.</p></body></html>';
    const results = [
      pageFromFields(
        'api#1',
        { url: 'https://news.example/qatar', body: html, contentType: 'text/html', fetchedAt: null },
        defaults,
      ),
      pageFromFields(
        'api#2',
        { url: null, body: '\u0000\u0001', contentType: 'text/plain', fetchedAt: null },
        defaults,
      ),
      pageFromFields(
        'api#3',
        { url: 'https://mirror.example/qatar', body: html, contentType: 'text/html', fetchedAt: null },
        defaults,
      ),
    ];
    const summary = await ingestPageResults(store, results, BASE);
    expect(summary).toMatchObject({ pages: 2, newPages: 1, duplicates: 1, articles: 1 });
    expect(summary.failed.map((f) => [f.source, f.code])).toEqual([['api#2', 'input/binary']]);
    const [row] = await store.listArticles({ limit: 1 });
    expect(row).toMatchObject({ headline: 'قمة اقتصادية في الدوحة', url: 'https://news.example/qatar' });
    await store.close();
  });
});

describe('ingestPageResults with an asynchronous analyser and lookahead (the worker-pool path)', () => {
  /** Answers out of order (later pages first), as a pool of threads does. */
  const slowFirst = (analyze: (page: RawPage) => ReturnType<typeof analyzeByFirstLine>) => {
    let calls = 0;
    return (page: RawPage) => {
      const delay = Math.max(0, 12 - 3 * calls++);
      return new Promise<ReturnType<typeof analyzeByFirstLine>>((resolve, reject) => {
        setTimeout(() => {
          try {
            resolve(analyze(page));
          } catch (error) {
            reject(error);
          }
        }, delay);
      });
    };
  };

  it('stores the same articles in the same order, with the same summary, as the in-process run', async () => {
    const plain = openSqliteStore(':memory:');
    const expected = await ingestInputs(plain, [dir, join(dir, 'missing.txt')], { ...BASE, batchSize: 2 });
    for (const lookahead of [1, 3]) {
      const pooled = openSqliteStore(':memory:');
      const batches: string[][] = [];
      const summary = await ingestInputs(pooled, [dir, join(dir, 'missing.txt')], {
        ...BASE,
        batchSize: 2,
        lookahead,
        analyze: slowFirst(analyzeByFirstLine),
        afterBatch: (w) => void batches.push([...w.newPageIds]),
      });
      expect(summary).toEqual(expected);
      expect(await snapshot(pooled)).toEqual(await snapshot(plain));
      expect(batches.flat()).toHaveLength(5);
      await pooled.close();
    }
    await plain.close();
  });

  it('counts a page repeated while its first copy is still being analysed as a duplicate, or as failed when the first failed', async () => {
    const page = (id: string, body: string): RawPage => ({
      id,
      url: `u-${id}`,
      fetchedAt: '2024-01-01T00:00:00.000Z',
      contentType: 'text/plain',
      body,
    });
    const good = PAGES['02-port.txt']!;
    const results = [
      { ok: true as const, source: 'a', page: page('p1', good) },
      { ok: true as const, source: 'b', page: page('p2', 'عنوان بلا متن\n') },
      { ok: true as const, source: 'c', page: page('p1', good) },
      { ok: true as const, source: 'd', page: page('p2', 'عنوان بلا متن\n') },
    ];
    let analysed = 0;
    const analyze = slowFirst((p) => {
      analysed++;
      return analyzeByFirstLine(p);
    });
    const store = openSqliteStore(':memory:');
    const summary = await ingestPageResults(store, results, { ...BASE, batchSize: 2, lookahead: 1, analyze });
    expect(analysed).toBe(2);
    expect(summary).toMatchObject({ pages: 4, newPages: 1, duplicates: 1, articles: 1 });
    expect(summary.failed.map((f) => [f.source, f.code])).toEqual([
      ['b', 'analyze/failed'],
      ['d', 'analyze/failed'],
    ]);
    await store.close();
  });

  it('a store failure rejects the run while later batches are still being analysed, without unhandled rejections', async () => {
    const base = openSqliteStore(':memory:');
    const failing: Store = {
      ...base,
      writePages: async () => {
        throw new Error('disk full');
      },
    };
    const analyze = slowFirst((p) => {
      if (p.body.includes('ميناء')) throw new TypeError('boom');
      return analyzeByFirstLine(p);
    });
    await expect(ingestInputs(failing, [dir], { ...BASE, batchSize: 1, lookahead: 3, analyze })).rejects.toThrow(
      /disk full/,
    );
    await new Promise((resolve) => setTimeout(resolve, 50)); // pending analyses settle; an unhandled rejection would fail the run
    await base.close();
  });
});

describe('withAnnotationFallback', () => {
  const page: RawPage = {
    id: 'p',
    url: 'u',
    fetchedAt: '2024-01-01T00:00:00.000Z',
    contentType: 'text/plain',
    body: PAGES['02-port.txt']!,
  };

  it('stores extraction only, with a warning, when the annotation model is missing', async () => {
    const { withAnnotationFallback } = await import('./analyzer.ts');
    const { EngineError } = await import('../core/errors.ts');
    const analyze = withAnnotationFallback(
      (p, o) => {
        if (o.annotate) throw new EngineError('model/missing', 'NER model not trained.');
        return analyzeByFirstLine(p);
      },
      { annotate: true },
    );
    const store = openSqliteStore(':memory:');
    const summary = await ingestPageResults(store, [{ ok: true, source: 'port', page }], { ...BASE, analyze });
    expect(summary.newPages).toBe(1);
    expect(summary.warnings).toEqual([
      { source: 'port', message: 'annotations skipped: A trained model file is missing. NER model not trained.' },
    ]);
    await store.close();
  });

  it('still fails the page on any other analysis error', async () => {
    const { withAnnotationFallback } = await import('./analyzer.ts');
    const analyze = withAnnotationFallback(
      () => {
        throw new RangeError('offset out of range');
      },
      { annotate: true },
    );
    const store = openSqliteStore(':memory:');
    const summary = await ingestPageResults(store, [{ ok: true, source: 'port', page }], { ...BASE, analyze });
    expect(summary.failed.map((f) => f.code)).toEqual(['analyze/failed']);
    await store.close();
  });
});

describe('ingestInputs after-write hooks', () => {
  it('keeps the pages and records the failure when a hook throws, then goes on with the next batch', async () => {
    const store = openSqliteStore(':memory:');
    let calls = 0;
    const afterBatch = () => {
      if (++calls === 1) throw new Error('index unavailable');
    };
    const summary = await ingestInputs(store, [dir], { ...BASE, batchSize: 2, afterBatch });
    expect(summary.newPages).toBe(5);
    expect(calls).toBeGreaterThan(1);
    expect(summary.failed.filter((f) => f.source.startsWith('after-write:'))).toEqual([
      {
        source: `after-write:${join(dir, '01-rain.txt')}`,
        code: 'store/failed',
        message: 'The database operation failed. After-write update failed: index unavailable',
      },
    ]);
    await store.close();
  });
});
