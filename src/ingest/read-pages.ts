/**
 * Ingest entry: paths (files, directories, JSON Lines, `-` for stdin) → a stream of decoded RawPages
 * or per-item errors. Streams file by file and line by line; never holds the corpus in memory.
 */
import { stat } from 'node:fs/promises';
import { EngineError } from '../core/errors.ts';
import { hashId } from '../core/ids.ts';
import type { RawPage } from '../core/page.ts';
import { readJsonlLines, readWholeFile } from './bounded-read.ts';
import { checkText, decodeBytes, type DecodeResult } from './decode.ts';
import { PAGE_BYTES_CEILING, readLimits, type ReadLimits } from './limits.ts';
import { parseJsonlLine, type JsonlPage } from './jsonl.ts';
import { contentTypeFromName } from './sniff.ts';
import { walkInputs } from './walk.ts';

export type PageResult =
  | { readonly ok: true; readonly source: string; readonly page: RawPage }
  | { readonly ok: false; readonly source: string; readonly error: EngineError };

export interface ReadPagesOptions extends Partial<Omit<ReadLimits, 'maxBytes'>> {
  /** Largest page accepted, in bytes (never above PAGE_BYTES_CEILING). */
  readonly maxBytes: number;
  /** Clock for pages with no better fetch time (stdin); files use their modification time. */
  readonly now?: () => Date;
  /** Stream read for `-` (default process.stdin). */
  readonly stdin?: NodeJS.ReadableStream;
}

const JSONL_FILE = /\.(?:jsonl|ndjson)(?:\.gz)?$/i;

/** Reads every input in order and yields one result per page (a JSONL file yields one per line). */
export async function* readPages(inputs: readonly string[], given: ReadPagesOptions): AsyncGenerator<PageResult> {
  const options: ReadOptions = { ...given, limits: readLimits(given) };
  for await (const entry of walkInputs(inputs)) {
    if (entry.kind === 'missing') {
      yield { ok: false, source: entry.path, error: new EngineError('input/not-found', entry.path) };
    } else if (entry.kind === 'unreadable') {
      yield { ok: false, source: entry.path, error: new EngineError('input/unreadable', entry.reason) };
    } else if (entry.kind === 'stdin') {
      yield await readStdin(options);
    } else if (JSONL_FILE.test(entry.path)) {
      yield* readJsonl(entry.path, options);
    } else {
      yield await readPageFile(entry.path, options);
    }
  }
}

/** Builds a RawPage from a decode result; the id is the content hash of the decoded text. */
export function toPageResult(
  source: string,
  decoded: DecodeResult,
  meta: { url: string; fetchedAt: string },
): PageResult {
  if (!decoded.ok) return { ok: false, source, error: decoded.error };
  const { text, encoding, contentType } = decoded.value;
  const page: RawPage = {
    id: hashId(['page', text]),
    url: meta.url,
    fetchedAt: meta.fetchedAt,
    contentType,
    body: text,
    encoding,
    decoding: decoded.value.decoding,
  };
  return { ok: true, source, page };
}

interface ReadOptions extends ReadPagesOptions {
  readonly limits: ReadLimits;
}

async function readPageFile(path: string, options: ReadOptions): Promise<PageResult> {
  const { maxBytes } = options.limits;
  try {
    const { bytes, info } = await readWholeFile(path, maxBytes);
    const decoded = decodeBytes(bytes, { maxBytes, contentType: contentTypeFromName(path) });
    return toPageResult(path, decoded, { url: path, fetchedAt: info.mtime.toISOString() });
  } catch (error) {
    return { ok: false, source: path, error: ioError(path, error) };
  }
}

async function* readJsonl(path: string, options: ReadOptions): AsyncGenerator<PageResult> {
  let fileTime: string | null = null;
  let lineNo = 0;
  try {
    for await (const line of readJsonlLines(path, {
      gzip: path.toLowerCase().endsWith('.gz'),
      limits: options.limits,
    })) {
      lineNo = line.lineNo;
      // The file's time is read once the file is open (a FIFO or device never gets here).
      fileTime ??= (await stat(path)).mtime.toISOString();
      const source = `${path}#${line.lineNo}`;
      if ('tooLong' in line) {
        yield {
          ok: false,
          source,
          error: new EngineError(
            'input/too-large',
            `Line of ${line.tooLong} bytes > line limit ${options.limits.maxLineBytes}; skipped without reading it whole.`,
          ),
        };
      } else {
        yield jsonlLineResult(source, line.bytes.toString('utf8'), { fileTime, maxBytes: options.limits.maxBytes });
      }
    }
  } catch (error) {
    yield { ok: false, source: lineNo === 0 ? path : `${path}#${lineNo + 1}`, error: ioError(path, error) };
  }
}

function jsonlLineResult(source: string, line: string, context: { fileTime: string; maxBytes: number }): PageResult {
  const record = parseJsonlLine(line);
  if (!record.ok) return { ok: false, source, error: record.error };
  return pageFromFields(source, record.value, { maxBytes: context.maxBytes, fetchedAt: context.fileTime });
}

/**
 * A page given as already-decoded fields (a JSONL record, an API request body): checked like file input
 * (empty, binary, size, malformed HTML), NFC-normalised, and identified by content hash.
 */
export function pageFromFields(
  source: string,
  fields: JsonlPage,
  defaults: { maxBytes: number; fetchedAt: string },
): PageResult {
  const decoded = checkText(fields.body, {
    maxBytes: Math.min(defaults.maxBytes, PAGE_BYTES_CEILING),
    contentType: fields.contentType,
  });
  return toPageResult(source, decoded, {
    url: fields.url ?? source,
    fetchedAt: fields.fetchedAt ?? defaults.fetchedAt,
  });
}

async function readStdin(options: ReadOptions): Promise<PageResult> {
  const { maxBytes } = options.limits;
  const stream = options.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > maxBytes) {
      return {
        ok: false,
        source: '-',
        error: new EngineError('input/too-large', `More than ${maxBytes} bytes on stdin.`),
      };
    }
    chunks.push(buffer);
  }
  const now = (options.now ?? (() => new Date()))().toISOString();
  return toPageResult('-', decodeBytes(Buffer.concat(chunks), { maxBytes }), { url: '-', fetchedAt: now });
}

function ioError(path: string, error: unknown): EngineError {
  if (error instanceof EngineError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new EngineError('input/not-found', path, { cause: error });
  if (code === 'ENXIO')
    return new EngineError('input/not-regular', `${path}: ${(error as Error).message}`, { cause: error });
  if (code === 'EACCES' || code === 'EISDIR' || code === 'EIO' || code === 'EPERM')
    return new EngineError('input/unreadable', `${path}: ${(error as Error).message}`, { cause: error });
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR')
    return new EngineError('input/malformed', `${path}: corrupt gzip data.`, { cause: error });
  return new EngineError('input/malformed', `${path}: ${(error as Error).message}`, { cause: error });
}
