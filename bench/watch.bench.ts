/**
 * `marsad watch` throughput and memory: 20 local Arabic news sites (one HTTP server each on 127.0.0.1, RSS with
 * ETag, 10 new articles per site per round), rounds run back to back through the real fetch client, the real
 * analyser and the real ingest path with after-write hooks (search index, stories), into a SQLite file.
 * Reports pages fetched and analysed per second, and RSS over time: sampled every 250 ms, printed every minute, and
 * summed up at the start (5–15 % of the run), middle (45–55 %) and end (last 10 %). Flat means the end is less than
 * 5 % above the middle.
 *
 * MARSAD_BENCH_WATCH_SECONDS: duration (default 600, the issue's 10 minutes). MARSAD_BENCH_WATCH_STORIES=0 leaves
 * out the story updater and MARSAD_BENCH_WATCH_ANNOTATE=0 the annotation, to tell what grows with the stored corpus
 * from the watch loop itself. MARSAD_BENCH_WATCH_TRACE=1 prints memory after every round (with a full GC first when
 * node runs with --expose-gc). MARSAD_BENCH_WATCH_PER_DAY: articles each site publishes per day (default 40; the page
 * dates advance with it, and the stories' index keeps only the last 2 days of events in memory). Politeness delay is 0 for the local servers (robots.txt has no Crawl-delay).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DerivedArticles } from '../src/app/derived-articles.ts';
import { createStoryUpdater } from '../src/app/stories.ts';
import { loadPageAnalyzer } from '../src/app/analyzer.ts';
import { openFetchClient } from '../src/app/fetch-client.ts';
import { addSource } from '../src/app/sources.ts';
import { runWatchRound } from '../src/app/watch-round.ts';
import { seededRandom } from '../src/core/seeded-random.ts';
import { BENCH_WORDS } from './generate-pages.ts';
import { indexWrittenArticles } from '../src/search/store-search.ts';
import type { WriteResult } from '../src/store/store.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const SITES = 20;
const NEW_PER_ROUND = 10;
const FEED_ITEMS = 30;
/** Articles each site publishes per day (the page dates advance with the article number); MARSAD_BENCH_WATCH_PER_DAY. */
const ARTICLES_PER_DAY = Number(process.env.MARSAD_BENCH_WATCH_PER_DAY ?? 40);
const WORDS = [...BENCH_WORDS, 'بغداد', 'عمّان', 'القاهرة', 'الرياض', 'تونس', 'الرباط', 'بيروت'];

const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';

/**
 * Half common words, half pseudo-words of 3–5 random letters (~17.8 M strings: nearly every one is new, about 42 new
 * terms per page, six times real text; docs/scale.md «Not done»), so pages overlap like news does, not all at once.
 */
function sentence(random: () => number, words: number): string {
  return (
    Array.from({ length: words }, () => {
      if (random() < 0.5) return WORDS[Math.floor(random() * WORDS.length)];
      return Array.from(
        { length: 3 + Math.floor(random() * 3) },
        () => LETTERS[Math.floor(random() * LETTERS.length)],
      ).join('');
    }).join(' ') + '.'
  );
}

function pageHtml(site: number, n: number): string {
  const random = seededRandom(site * 100_003 + n);
  const headline = `${sentence(random, 7)} (${site}-${n})`;
  // Like a real feed, newer items are newer news: each site publishes ARTICLES_PER_DAY a day, so the publication dates
  // advance through the run (the stories' event index keeps only the last days in memory: with dates cycling over
  // one month, as this bench had them before, every event would stay open and memory would grow with the corpus).
  const published = new Date(Date.UTC(2026, 10, 1) + Math.floor(n / ARTICLES_PER_DAY) * 86_400_000);
  return `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>${headline}</title><meta property="article:published_time" content="${published.toISOString().slice(0, 10)}T08:00:00+03:00"></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>${headline}</h1>${Array.from({ length: 6 }, () => `<p>${sentence(random, 25)}</p>`).join('')}</article><footer>جميع الحقوق محفوظة</footer></body></html>`;
}

async function startSite(index: number): Promise<{ server: Server; origin: string }> {
  let newest = 0;
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    if (path === '/robots.txt')
      return void response
        .writeHead(200, { 'content-type': 'text/plain', etag: '"r"' })
        .end(request.headers['if-none-match'] === '"r"' ? '' : 'User-agent: *\nAllow: /\n');
    if (path === '/rss.xml') {
      newest += NEW_PER_ROUND;
      const etag = `"${newest}"`;
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const items = Array.from({ length: Math.min(FEED_ITEMS, newest) }, (_, i) => newest - i)
        .map(
          (n) =>
            `<item><title>خبر ${n}</title><link>${origin}/p/${n}?utm_source=rss</link><pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>`,
        )
        .join('');
      return void response
        .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag })
        .end(`<?xml version="1.0"?><rss version="2.0"><channel><title>موقع ${index}</title>${items}</channel></rss>`);
    }
    const page = /^\/p\/(\d+)/u.exec(path);
    if (page)
      return void response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(pageHtml(index, Number(page[1])));
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

export async function bench(): Promise<void> {
  const seconds = Number(process.env.MARSAD_BENCH_WATCH_SECONDS ?? 600);
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-watch-'));
  const sites = await Promise.all(Array.from({ length: SITES }, (_, i) => startSite(i)));
  const store = openSqliteStore(join(dir, 'watch.db'));
  const annotate = process.env.MARSAD_BENCH_WATCH_ANNOTATE !== '0';
  const stories = process.env.MARSAD_BENCH_WATCH_STORIES !== '0';
  const analyze = await loadPageAnalyzer({ annotate });
  const fetch = await openFetchClient({
    store,
    allowPrivateNetwork: true,
    maxBytes: 5 * 1024 * 1024,
    archiveDir: null,
    tuning: { politeness: { minDelayMs: 0 } },
  });
  const samples: { at: number; rss: number }[] = [];
  let started = performance.now();
  let nextMinute = 60;
  const sampler = setInterval(() => {
    const at = (performance.now() - started) / 1000;
    samples.push({ at, rss: process.memoryUsage().rss });
    if (at >= nextMinute) {
      nextMinute += 60;
      const m = process.memoryUsage();
      console.log(
        `  ${at.toFixed(0)} s: RSS ${mb(m.rss)}, heap used ${mb(m.heapUsed)}, array buffers ${mb(m.arrayBuffers)}`,
      );
    }
  }, 250);
  try {
    for (const site of sites) await addSource(store, { url: `${site.origin}/rss.xml`, now: new Date() }, fetch.client);
    // MARSAD_BENCH_WATCH_STORIES=0 keeps only the search index after each batch, to tell the story updater's
    // in-memory event index (it grows with the corpus) apart from the watch loop itself.
    // The after-write hooks of `marsad watch` (src/app/after-write.ts: search index, then stories), spelled out so
    // the trace can print what the story updater holds.
    const updater = stories ? createStoryUpdater(store) : null;
    const afterBatch = async (written: WriteResult, derived?: DerivedArticles): Promise<void> => {
      if (written.newArticleIds.length === 0) return;
      await indexWrittenArticles(store, written, derived && ((id) => derived.get(id)?.search));
      await updater?.update(written.newArticleIds, derived && ((id) => derived.get(id)?.features));
    };
    console.log(
      `watch: ${SITES} sources, ${seconds} s, annotation ${annotate ? 'on' : 'off'}, stories ${stories ? 'on' : 'off'}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores`,
    );
    started = performance.now();
    samples.length = 0;
    let pages = 0;
    let articles = 0;
    let rounds = 0;
    while (performance.now() - started < seconds * 1000) {
      const round = await runWatchRound(
        { store, client: fetch.client, analyze, afterBatch, maxBytes: 5 * 1024 * 1024, now: () => new Date() },
        { all: true },
      );
      pages += round.pages;
      articles += round.articles;
      rounds++;
      if (process.env.MARSAD_BENCH_WATCH_TRACE === '1') {
        (globalThis as { gc?: () => void }).gc?.();
        const m = process.memoryUsage();
        console.log(
          `round ${rounds} t=${((performance.now() - started) / 1000).toFixed(0)}s pages=${pages} rss=${mb(m.rss)} heap=${mb(m.heapUsed)} external=${mb(m.external)} arrayBuffers=${mb(m.arrayBuffers)}`,
        );
        const sizes = updater?.sizes();
        if (sizes)
          console.log(
            `  story updater: ${Object.entries(sizes)
              .map(([k, v]) => `${k}=${v}`)
              .join(' ')}`,
          );
      }
    }
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    updater?.close();
    const window = (from: number, to: number): number => {
      const inside = samples.filter((x) => x.at >= from * elapsed && x.at <= to * elapsed).map((x) => x.rss);
      return inside.reduce((a, b) => a + b, 0) / Math.max(1, inside.length);
    };
    const [begin, middle, end] = [window(0.05, 0.15), window(0.45, 0.55), window(0.9, 1)];
    const growth = (end / middle - 1) * 100;
    console.log(
      `watch: ${rounds} rounds in ${elapsed.toFixed(0)} s: ${pages} pages fetched and analysed (${(pages / elapsed).toFixed(1)} pages/s), ${articles} articles stored; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      `memory (RSS): start ${mb(begin)}, middle ${mb(middle)}, end ${mb(end)}, peak ${mb(Math.max(...samples.map((x) => x.rss)))}; second half ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % (${growth < 5 ? 'flat' : 'NOT flat'})`,
    );
  } finally {
    clearInterval(sampler);
    await fetch.close();
    await store.close();
    for (const site of sites) {
      site.server.closeAllConnections();
      site.server.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}
