/**
 * Reads the HTTP responses out of a WARC file (`.warc` or `.warc.gz`, warcio): one item per `response` record with a
 * 2xx status, its target URL, date, Content-Type and payload. Other record types (warcinfo, request, revisit,
 * metadata) are skipped; a record that cannot be read is reported and the file goes on where warcio can.
 *
 * The limits of src/ingest apply while the bytes arrive, as for any other input: a regular file only; per record, the
 * payload is read up to the page limit (a larger one is its own `input/too-large` error, the file goes on) and its
 * Content-Encoding is undone with the output capped at the page limit (a gzip/deflate/br bomb is refused); per file,
 * the decompressed bytes, the .gz expansion ratio and the reading time are capped (hitting one ends the file with an
 * error; the records before it stay valid).
 */
import type { FileHandle } from 'node:fs/promises';
import { AsyncIterReader, type WARCRecord, WARCParser } from 'warcio';
import { EngineError, isEngineError } from '../core/errors.ts';
import { decodeContentEncoding } from '../fetch/body-limits.ts';
import { openRegularFile } from '../ingest/bounded-read.ts';
import { GZIP_RATIO_GRACE_BYTES, type ReadLimits } from '../ingest/limits.ts';

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

/**
 * Bytes read from disk at a time. warcio inflates each piece it is given at once, so a small piece keeps the memory
 * a highly compressed piece expands to small (16 KB of deflate expands to at most ~16 MB).
 */
const READ_CHUNK_BYTES = 16 * 1024;

export interface WarcReadOptions {
  readonly limits: ReadLimits;
  /** Clock for the time limit (ms). */
  readonly now?: () => number;
}

/** The response records of `path`, in file order; `source` is `path#<record number>`. */
export async function* readWarcResponses(path: string, options: WarcReadOptions): AsyncGenerator<WarcResponse> {
  const { limits } = options;
  let handle: FileHandle;
  try {
    ({ handle } = await openRegularFile(path));
  } catch (error) {
    yield { ok: false, source: path, error: openError(path, error) };
    return;
  }
  const reader = new BoundedReader(path, readChunks(handle), limits, options.now ?? (() => performance.now()));
  let index = 0;
  try {
    for await (const record of new WARCParser(reader)) {
      index++;
      const source = `${path}#${index}`;
      if (record.warcType !== 'response' || !record.httpHeaders) continue;
      const status = Number(record.httpHeaders.statusCode);
      if (status < 200 || status >= 300) continue;
      let body: Uint8Array;
      try {
        body = await readPayload(record, source, limits.maxBytes);
      } catch (error) {
        if (!isEngineError(error) || reader.failure) throw error;
        // This record only: the parser skips the rest of it and the file goes on.
        reader.pause();
        yield { ok: false, source, error };
        reader.resume();
        continue;
      }
      reader.pause();
      yield {
        ok: true,
        source,
        url: record.warcTargetURI ?? source,
        fetchedAt: record.warcHeaders.headers.get('WARC-Date') ?? new Date(0).toISOString(),
        contentType: record.httpHeaders.headers.get('Content-Type') ?? null,
        body,
      };
      reader.resume();
    }
  } catch (error) {
    const failure = reader.failure ?? (isEngineError(error) ? error : null);
    yield {
      ok: false,
      source: `${path}#${index + 1}`,
      error:
        failure ??
        new EngineError(
          'input/malformed',
          `${path}: unreadable WARC record after record ${index}: ${(error as Error).message}`,
          { cause: error },
        ),
    };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * The payload of a response record with Transfer-Encoding and Content-Encoding undone: at most `maxBytes` read from
 * the record and at most `maxBytes` after decompression.
 */
async function readPayload(record: WARCRecord, source: string, maxBytes: number): Promise<Uint8Array> {
  const headers = record.httpHeaders!.headers;
  const chunks: Uint8Array[] = [];
  let size = 0;
  // The raw payload (record.reader), not warcio's decoding reader: decoding is done below, with a cap.
  for await (const chunk of record.reader) {
    size += chunk.length;
    if (size > maxBytes)
      throw new EngineError('input/too-large', `${source}: payload larger than ${maxBytes} bytes; record skipped.`);
    chunks.push(chunk);
  }
  let payload = Buffer.concat(chunks, size);
  if (/chunked/iu.test(headers.get('Transfer-Encoding') ?? '')) {
    payload = Buffer.from(await new AsyncIterReader([payload], null, true).readFully());
  }
  const encoding = headers.get('Content-Encoding') ?? undefined;
  if (encoding === undefined) return payload;
  try {
    return decodeContentEncoding(payload, encoding, { maxDecodedBytes: maxBytes, url: source });
  } catch (error) {
    if (isEngineError(error) && error.code === 'input/too-large') throw error;
    throw new EngineError('input/malformed', (error as Error).message, { cause: error });
  }
}

/** The file's bytes, READ_CHUNK_BYTES at a time. */
async function* readChunks(handle: FileHandle): AsyncGenerator<Uint8Array> {
  for (;;) {
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK_BYTES, null);
    if (bytesRead === 0) return;
    yield buffer.subarray(0, bytesRead);
  }
}

/** Passes `chunks` on, adding their length to `counter.bytes`. */
async function* countBytes(chunks: AsyncIterable<Uint8Array>, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    counter.bytes += chunk.length;
    yield chunk;
  }
}

/**
 * warcio's reader (gzip members undone) with the file-level limits checked on every piece it hands on: decompressed
 * bytes read (its read offset, exact whatever it pushes back), expansion ratio of a .gz file and time spent reading
 * (the time the consumer holds a record, between pause and resume, does not count).
 */
class BoundedReader extends AsyncIterReader {
  /** The limit that stopped the file, once one did. */
  failure: EngineError | null = null;
  private readonly fromDisk: { bytes: number };
  private spentMs = 0;
  private resumedAt: number;
  private readonly path: string;
  private readonly limits: ReadLimits;
  private readonly now: () => number;

  constructor(path: string, chunks: AsyncIterable<Uint8Array>, limits: ReadLimits, now: () => number) {
    const fromDisk = { bytes: 0 };
    super(countBytes(chunks, fromDisk));
    this.fromDisk = fromDisk;
    this.path = path;
    this.limits = limits;
    this.now = now;
    this.resumedAt = now();
  }

  pause(): void {
    this.spentMs += this.now() - this.resumedAt;
  }

  resume(): void {
    this.resumedAt = this.now();
  }

  override async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for await (const chunk of super[Symbol.asyncIterator]()) {
      this.check();
      yield chunk;
    }
  }

  private check(): void {
    const read = this.getReadOffset();
    const { path, limits } = this;
    if (read > limits.maxFileBytes)
      this.fail(
        'input/too-large',
        `${path}: more than ${limits.maxFileBytes} bytes; the rest of the file is not read.`,
      );
    if (read > GZIP_RATIO_GRACE_BYTES && read > this.fromDisk.bytes * limits.maxGzipRatio)
      this.fail(
        'input/too-large',
        `${path}: expands more than ${limits.maxGzipRatio}× when decompressed (${read} bytes from ${this.fromDisk.bytes}), a compression bomb; the rest of the file is not read.`,
      );
    if (this.spentMs + this.now() - this.resumedAt > limits.maxFileSeconds * 1000)
      this.fail('input/timeout', `${path}: stopped after ${limits.maxFileSeconds} s at ${read} bytes.`);
  }

  private fail(code: 'input/too-large' | 'input/timeout', message: string): never {
    this.failure = new EngineError(code, message);
    throw this.failure;
  }
}

function openError(path: string, error: unknown): EngineError {
  if (isEngineError(error)) return error;
  const code = (error as NodeJS.ErrnoException).code;
  return new EngineError(
    code === 'ENOENT' ? 'input/not-found' : 'input/unreadable',
    `${path}: ${(error as Error).message}`,
    {
      cause: error,
    },
  );
}
