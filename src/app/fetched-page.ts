/**
 * A fetched (or archived) HTTP response → the PageResult ingest takes: decoded with the response's charset, checked
 * like any input, stored under its canonical URL. Used by `marsad ingest <url>`, `marsad watch` and WARC reading.
 */
import { EngineError, isEngineError } from '../core/errors.ts';
import { decodeResponse } from '../fetch/decode-response.ts';
import type { HttpClient } from '../fetch/http-client.ts';
import { toPageResult, type PageResult } from '../ingest/read-pages.ts';
import { pageUrlFor } from '../sources/page-url.ts';

export interface ResponseFields {
  /** What failures and progress name: the requested URL, or `file.warc.gz#7`. */
  readonly source: string;
  /** The URL the body came from (after redirects). */
  readonly url: string;
  readonly fetchedAt: string;
  readonly contentType: string | null;
  readonly body: Uint8Array;
}

/** Decodes and identifies one response; a body that is not a usable page becomes a failed result. */
export function pageResultFromResponse(response: ResponseFields, options: { maxBytes: number }): PageResult {
  const decoded = decodeResponse(response.body, {
    contentTypeHeader: response.contentType,
    maxBytes: options.maxBytes,
    url: response.url,
  });
  if (!decoded.ok) return { ok: false, source: response.source, error: decoded.error };
  const url = pageUrlFor(response.url, decoded.value);
  return toPageResult(response.source, decoded, { url, fetchedAt: response.fetchedAt });
}

/** GETs `url` and turns the response into a PageResult; every failure is a per-item error. */
export async function fetchPageResult(
  client: HttpClient,
  url: string,
  options: { maxBytes: number },
): Promise<PageResult> {
  try {
    const outcome = await client.fetch(url);
    if (outcome.kind !== 'ok') throw new EngineError('fetch/failed', `${url}: unexpected 304 without validators.`);
    return pageResultFromResponse(
      {
        source: url,
        url: outcome.url,
        fetchedAt: outcome.fetchedAt,
        contentType: outcome.contentType,
        body: outcome.body,
      },
      options,
    );
  } catch (error) {
    return { ok: false, source: url, error: asEngineError(error) };
  }
}

/** Any thrown value as an EngineError (the per-item boundary). */
export function asEngineError(error: unknown): EngineError {
  if (isEngineError(error)) return error;
  return new EngineError('fetch/failed', error instanceof Error ? error.message : String(error), { cause: error });
}
