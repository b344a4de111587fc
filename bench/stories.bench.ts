/**
 * `npm run bench -- stories`: the stored stories' updater as the store grows (issue 18). Real articles (both corpora
 * of ../shared, replayed in date order by bench/replay-corpus.ts, unannotated) are written into a SQLite store in
 * batches of STORIES_BATCH (default 8, `marsad watch`'s batch) and the story updater runs after each batch, as after
 * every ingest or watch batch. Prints, per block of articles, the CPU-seconds the story updates of that block took
 * (process.cpuUsage around `update` only, so writing the pages is not counted) and the heap after a full GC when node
 * runs with --expose-gc. A per-batch cost that grows with the stored corpus is what the incremental updater removes.
 *
 * STORIES_ARTICLES: articles (default 6000). Skipped without ../shared.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractedArticle } from '../src/core/article.ts';
import { hashId } from '../src/core/ids.ts';
import type { ClusterInput } from '../src/corpus/types.ts';
import { createStoryUpdater } from '../src/app/stories.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { PageRecord } from '../src/store/store.ts';
import { loadReplayCorpus } from './replay-corpus.ts';

const SHARED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
const BLOCK = 1000;

function record(input: ClusterInput): PageRecord {
  const text = `${input.headline ?? ''}\n${input.body}\n`;
  const article: ExtractedArticle = {
    headline: input.headline,
    dek: null,
    body: input.body,
    outlet: input.outlet,
    citedSources: input.citedSources ?? [],
    spans: [],
    paragraphs: [],
    published: input.published ? { date: input.published, precision: 'day', text: input.published } : null,
  };
  return {
    page: {
      id: hashId(['page', input.id]),
      url: `file:///${encodeURIComponent(input.id)}.txt`,
      fetchedAt: '2026-12-01T00:00:00.000Z',
      contentType: 'text/plain',
      body: text,
    },
    pageText: text,
    spans: [],
    articles: [{ article, annotations: null }],
  };
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

export async function bench(): Promise<void> {
  if (!existsSync(join(SHARED, 'data'))) {
    console.log('stories: ../shared not found, skipped');
    return;
  }
  const size = Number(process.env.STORIES_ARTICLES ?? 6000);
  const batch = Number(process.env.STORIES_BATCH ?? 8);
  const corpus = await loadReplayCorpus(SHARED);
  const dir = mkdtempSync(join(tmpdir(), 'marsad-bench-stories-'));
  const store = openSqliteStore(join(dir, 'stories.db'));
  const updater = createStoryUpdater(store);
  console.log(
    `stories: ${size} articles in batches of ${batch}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on 2 cores`,
  );
  let pending: ClusterInput[] = [];
  let done = 0;
  let blockCpu = 0;
  let totalCpu = 0;
  let written = 0;
  const flush = async (): Promise<void> => {
    const result = await store.writePages(pending.map(record));
    done += pending.length;
    pending = [];
    const before = process.cpuUsage();
    const update = await updater.update(result.newArticleIds);
    const used = process.cpuUsage(before);
    blockCpu += (used.user + used.system) / 1e6;
    written += update.written;
    if (done % BLOCK < batch || done === size) {
      (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      totalCpu += blockCpu;
      console.log(
        `  ${done} articles: story updates of the last block ${blockCpu.toFixed(2)} CPU-s (${((blockCpu / BLOCK) * batch * 1000).toFixed(1)} ms per batch), stories written ${written}; heap ${mb(memory.heapUsed)}, RSS ${mb(memory.rss)}`,
      );
      blockCpu = 0;
    }
  };
  try {
    for (const input of corpus.articles(size)) {
      pending.push(input);
      if (pending.length >= batch) await flush();
    }
    if (pending.length > 0) await flush();
    console.log(`stories: ${done} articles, story updates ${totalCpu.toFixed(1)} CPU-s in all`);
  } finally {
    (updater as { close?: () => void }).close?.();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
