/**
 * Server composition: opens the store, wires search indexing, stories and ingest into the HTTP app,
 * starts listening, and catches up the search index in the background. Used by `marsad serve`.
 */
import type { FastifyInstance } from 'fastify';
import { openConfiguredStore } from '../app/open-store.ts';
import { loadPageAnalyzer } from '../app/analyzer.ts';
import type { Config } from '../config/schema.ts';
import { afterWriteHooks, catchUpDerivedState } from '../app/after-write.ts';
import { syncStoreSearchIndex } from '../app/search.ts';
import type { Store } from '../store/store.ts';
import { isLoopbackAddress } from './access.ts';
import { buildServer } from './app.ts';
import { startAnalysisPool, type AnalysisPool } from '../app/analysis-pool.ts';
import { createPageIngestor, type PageIngestor } from '../app/page-ingest.ts';
import { createStoryReader } from '../app/story-store-reader.ts';

export interface StartOptions {
  readonly config: Config;
  readonly port: number;
  readonly host: string;
  /** Accept POST /api/pages (default true). */
  readonly allowIngest?: boolean;
  /** Host names the server answers for besides the loopback names (and the bound address). */
  readonly allowedHosts?: readonly string[];
  /** Progress and warnings, one line each. */
  readonly log: (line: string) => void;
  /** Index stored articles the search index lacks, in the background (default true; one server worker of N does it). */
  readonly catchUpSearchIndex?: boolean;
  /** Keep answers while their data are unchanged (default true; src/server/response-cache.ts). */
  readonly responseCache?: boolean;
}

export interface RunningServer {
  readonly url: string;
  readonly app: FastifyInstance;
  close(): Promise<void>;
}

async function ingestorFor(
  store: Store,
  config: Config,
  log: (line: string) => void,
): Promise<{ ingest: PageIngestor; worker: AnalysisPool } | null> {
  try {
    const analyze = await loadPageAnalyzer({ annotate: true });
    // POSTed pages are analysed in a worker thread: a big page must not stop the server answering others.
    const worker = startAnalysisPool({ threads: 1, annotate: true });
    return {
      ingest: createPageIngestor({
        store,
        analyze,
        analyzeAsync: worker.analyze,
        maxBytes: config.maxPageBytes,
        afterWrite: afterWriteHooks(store),
      }),
      worker,
    };
  } catch (error) {
    log(`ingest disabled: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Starts the server; resolves once it listens. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const store = await openConfiguredStore(options.config, { mustExist: true });
  const ingestor = options.allowIngest === false ? null : await ingestorFor(store, options.config, options.log);
  const ingest = ingestor?.ingest ?? null;
  // Finish what an interrupted ingest left undone before answering (search documents, story features, stories).
  // One server process of N does it (`catchUpSearchIndex`), so workers of one server do not race on it.
  if (options.catchUpSearchIndex !== false)
    await catchUpDerivedState(store).then(
      (done) => {
        if (done.searchIndexed > 0) options.log(`search index: added ${done.searchIndexed} article(s)`);
      },
      (error: unknown) => options.log(`catch-up failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  const wildcard = options.host === '0.0.0.0' || options.host === '::';
  const access = {
    allowedHosts: [...(options.allowedHosts ?? []), ...(wildcard ? [] : [options.host])],
    readsNeedToken: !isLoopbackAddress(options.host),
  };
  const app = await buildServer(
    { store, stories: createStoryReader(store), ingest },
    { access, responseCache: { enabled: options.responseCache !== false } },
  );
  let address: string;
  try {
    address = await app.listen({ port: options.port, host: options.host });
  } catch (error) {
    await ingestor?.worker.close();
    await store.close();
    throw error;
  }
  // Articles stored before the search index existed (or by an older analyser) are indexed while serving.
  if (options.catchUpSearchIndex !== false)
    void syncStoreSearchIndex(store).then(
      (count) => {
        if (count > 0) options.log(`search index: added ${count} article(s)`);
      },
      (error: unknown) =>
        options.log(`search index catch-up failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  return {
    url: `${address.replace('[::1]', 'localhost')}/`,
    app,
    async close() {
      await app.close();
      await ingestor?.worker.close();
      await store.close();
    },
  };
}
