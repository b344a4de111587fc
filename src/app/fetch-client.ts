/**
 * Composition of the HTTP client for `ingest <url>` and `watch`: Marsad's User-Agent, robots.txt kept in the store
 * between runs, responses archived to WARC with `--archive DIR`, and the address-safety switch.
 */
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../fetch/http-client.ts';
import type { Resolver } from '../fetch/safe-lookup.ts';

export type { Resolver } from '../fetch/safe-lookup.ts';
export type { HttpClientOptions } from '../fetch/http-client.ts';
import { marsadUserAgent } from '../fetch/user-agent.ts';
import type { Store } from '../store/store.ts';
import { openWarcWriter, type WarcWriter } from '../warc/warc-writer.ts';

export interface FetchClientOptions {
  readonly store: Store | null;
  readonly allowPrivateNetwork: boolean;
  /** Largest page, on the wire and after decompression. */
  readonly maxBytes: number;
  /** Directory for WARC files; null archives nothing. */
  readonly archiveDir: string | null;
  /** Tests inject a DNS stub; production uses the system resolver. */
  readonly resolve?: Resolver;
  /** Timeouts, retries and politeness overrides (tests and the benchmark). */
  readonly tuning?: Pick<HttpClientOptions, 'timeouts' | 'retry' | 'politeness'>;
  readonly now?: () => Date;
}

export interface FetchClient {
  readonly client: HttpClient;
  /** The WARC file written, when archiving. */
  readonly archivePath: string | null;
  close(): Promise<void>;
}

export async function openFetchClient(options: FetchClientOptions): Promise<FetchClient> {
  const now = options.now ?? (() => new Date());
  const userAgent = marsadUserAgent();
  const archive: WarcWriter | null =
    options.archiveDir === null ? null : await openWarcWriter(options.archiveDir, { now: now(), software: userAgent });
  const store = options.store;
  const client = createHttpClient({
    userAgent,
    allowPrivateNetwork: options.allowPrivateNetwork,
    resolve: options.resolve,
    limits: { maxBytes: options.maxBytes, maxDecodedBytes: options.maxBytes },
    ...options.tuning,
    robotsCache:
      store === null
        ? undefined
        : {
            get: (url) => store.getValidators(url),
            put: (url, cached) => store.putValidators(url, cached, now().toISOString()),
          },
    onExchange: archive === null ? undefined : (exchange) => archive.write(exchange),
    now,
  });
  return { client, archivePath: archive?.path ?? null, close: () => client.close() };
}
