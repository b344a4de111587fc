/**
 * `marsad ingest` inputs of every kind, in the order given: http(s) URLs are fetched (fetch client), WARC files
 * (`.warc`, `.warc.gz`) yield their HTML responses, and everything else goes to src/ingest's readPages (files,
 * directories, JSONL, stdin). Each yields PageResults for the one ingest path.
 */
import { EngineError } from '../core/errors.ts';
import type { HttpClient } from '../fetch/http-client.ts';
import { readLimits } from '../ingest/limits.ts';
import { readPages, type PageResult, type ReadPagesOptions } from '../ingest/read-pages.ts';
import { readWarcResponses, WARC_FILE } from '../warc/read-warc.ts';
import { fetchPageResult, pageResultFromResponse } from './fetched-page.ts';

const URL_INPUT = /^https?:\/\//iu;

/** True when an input is a URL to fetch rather than a path. */
export function isUrlInput(input: string): boolean {
  return URL_INPUT.test(input);
}

export interface ReadInputsOptions extends ReadPagesOptions {
  /** Opened on the first URL input (null when there are none); its close is the caller's. */
  readonly client: () => Promise<HttpClient>;
}

/** PageResults for every input, in order; consecutive plain paths are read by one readPages call. */
export async function* readInputs(inputs: readonly string[], options: ReadInputsOptions): AsyncGenerator<PageResult> {
  let paths: string[] = [];
  const flushPaths = async function* (): AsyncGenerator<PageResult> {
    if (paths.length > 0) yield* readPages(paths, options);
    paths = [];
  };
  for (const input of inputs) {
    if (isUrlInput(input)) {
      yield* flushPaths();
      yield await fetchPageResult(await options.client(), input, { maxBytes: options.maxBytes });
    } else if (WARC_FILE.test(input)) {
      yield* flushPaths();
      yield* readWarc(input, options);
    } else {
      paths.push(input);
    }
  }
  yield* flushPaths();
}

/** The HTML responses of one WARC file, read within the same limits as any other input (src/ingest/limits.ts). */
async function* readWarc(path: string, options: ReadPagesOptions): AsyncGenerator<PageResult> {
  const limits = readLimits(options);
  const { maxBytes } = limits;
  let html = 0;
  for await (const response of readWarcResponses(path, { limits })) {
    if (!response.ok) {
      html++; // a response record that failed its limits still counts as one found
      yield response;
      continue;
    }
    // Feeds, robots.txt and images archived alongside the pages are not articles.
    if (response.contentType !== null && !/html|text\/plain/iu.test(response.contentType)) continue;
    html++;
    yield pageResultFromResponse(response, { maxBytes });
  }
  if (html === 0)
    yield { ok: false, source: path, error: new EngineError('input/empty', `${path}: no HTML response records.`) };
}
