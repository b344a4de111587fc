/**
 * Browser-test harness: ingests a page directory into an in-memory store with the real pipeline,
 * serves API + UI on loopback (port 0), and drives Debian's chromium headless with playwright-core
 * (no sandbox, no background networking, fresh profile). Failure screenshots go to test/browser/failures/.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadPageAnalyzer } from '../../src/app/analyzer.ts';
import { ingestInputs, type IngestSummary } from '../../src/app/ingest.ts';
import { DEFAULT_MAX_PAGE_BYTES } from '../../src/config/schema.ts';
import { afterWriteHooks } from '../../src/app/after-write.ts';
import type { AccessOptions } from '../../src/server/access.ts';
import { buildServer } from '../../src/server/app.ts';
import { createStoryReader } from '../../src/app/story-store-reader.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FAILURES = join(REPO, 'test', 'browser', 'failures');

/** Flags that keep a headless chromium off the network except for our loopback server. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--metrics-recording-only',
  '--no-default-browser-check',
  '--disable-features=Translate,OptimizationHints,MediaRouter',
];

export interface Served {
  readonly url: string;
  readonly store: Store;
  readonly ingest: IngestSummary;
  close(): Promise<void>;
}

/** Ingests `inputs` (files or directories) with the production analyzer and serves them. */
export async function serveCorpus(inputs: readonly string[], access?: AccessOptions): Promise<Served> {
  const store = openSqliteStore(':memory:');
  const analyze = await loadPageAnalyzer({ annotate: true });
  const ingest = await ingestInputs(store, inputs, {
    analyze,
    maxBytes: DEFAULT_MAX_PAGE_BYTES,
    batchSize: 50,
    afterBatch: afterWriteHooks(store),
  });
  const app: FastifyInstance = await buildServer(
    { store, stories: createStoryReader(store), ingest: null },
    access ? { access } : {},
  );
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    url: address,
    store,
    ingest,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export interface Browser {
  readonly page: Page;
  /** Requests that tried to leave loopback (and were aborted). */
  readonly blockedRequests: readonly string[];
  /** Saves a full-page screenshot named after the test; returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'marsad-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'ar',
    viewport: { width: 1200, height: 900 },
  });
  // Anything not served from loopback is refused: the UI must work with no outside network.
  const blockedRequests: string[] = [];
  await context.route(
    (url) => !['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:',
    (route) => {
      blockedRequests.push(route.request().url());
      return route.abort();
    },
  );
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    blockedRequests,
    async screenshot(name) {
      mkdirSync(FAILURES, { recursive: true });
      const path = join(FAILURES, `${name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
