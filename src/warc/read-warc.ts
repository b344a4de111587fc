/**
 * Reads the HTTP responses out of a WARC file (`.warc` or `.warc.gz`, warcio): one item per `response` record with a
 * 2xx status, its target URL, date, Content-Type and payload. Other record types (warcinfo, request, revisit,
 * metadata) are skipped; a record that cannot be read is reported and the file goes on where warcio can.
 */
import { createReadStream } from 'node:fs';
import { WARCParser } from 'warcio';
import { EngineError } from '../core/errors.ts';

export type WarcResponse =
  | {
      readonly ok: true;
      readonly source: string;
      readonly url: string;
      readonly fetchedAt: string;
      readonly contentType: string | null;
      readonly body: Uint8Array;
    }
  | { readonly ok: false; readonly source: string; readonly error: EngineError };

export const WARC_FILE = /\.warc(?:\.gz)?$/iu;

/** The response records of `path`, in file order; `source` is `path#<record number>`. */
export async function* readWarcResponses(path: string, options: { maxBytes: number }): AsyncGenerator<WarcResponse> {
  let index = 0;
  let parser: WARCParser;
  try {
    parser = new WARCParser(createReadStream(path));
  } catch (error) {
    yield {
      ok: false,
      source: path,
      error: new EngineError('input/unreadable', `${path}: ${(error as Error).message}`, { cause: error }),
    };
    return;
  }
  try {
    for await (const record of parser) {
      index++;
      const source = `${path}#${index}`;
      if (record.warcType !== 'response' || !record.httpHeaders) continue;
      const status = Number(record.httpHeaders.statusCode);
      if (status < 200 || status >= 300) continue;
      const length = Number(record.warcHeaders.headers.get('Content-Length') ?? 0);
      if (length > options.maxBytes * 2) {
        yield { ok: false, source, error: new EngineError('input/too-large', `${source}: record of ${length} bytes.`) };
        continue;
      }
      const body = await record.readFully(true);
      yield {
        ok: true,
        source,
        url: record.warcTargetURI ?? source,
        fetchedAt: record.warcHeaders.headers.get('WARC-Date') ?? new Date(0).toISOString(),
        contentType: record.httpHeaders.headers.get('Content-Type') ?? null,
        body,
      };
    }
  } catch (error) {
    yield {
      ok: false,
      source: `${path}#${index + 1}`,
      error: new EngineError(
        'input/malformed',
        `${path}: unreadable WARC record after record ${index}: ${(error as Error).message}`,
        { cause: error },
      ),
    };
  }
}
