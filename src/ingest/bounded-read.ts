/**
 * Byte-level reading with limits checked as the bytes arrive: regular files only (devices, FIFOs and sockets are
 * refused, however they are reached), whole-page reads capped at the page limit, and a JSONL line splitter that
 * skips an over-long line without buffering it and stops a file at its decompressed-size, ratio, line or time limit.
 */
import { constants, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { EngineError } from '../core/errors.ts';
import { GZIP_RATIO_GRACE_BYTES, type ReadLimits } from './limits.ts';

/** What kind of file system object `info` is, for an error message. */
function kindOf(info: Stats): string {
  if (info.isCharacterDevice()) return 'character device';
  if (info.isBlockDevice()) return 'block device';
  if (info.isFIFO()) return 'FIFO (named pipe)';
  if (info.isSocket()) return 'socket';
  if (info.isDirectory()) return 'directory';
  return 'special file';
}

/**
 * Opens `path` for reading when it is (or a symlink leads to) a regular file. Opened non-blocking and checked on the
 * open descriptor, so a FIFO can't hang the open and a path swapped after a check can't slip a device through.
 */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; info: Stats }> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new EngineError('input/not-regular', `${path} is a ${kindOf(info)}.`);
    return { handle, info };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Reads a whole regular file of at most `maxBytes` bytes; larger fails before reading. */
export async function readWholeFile(path: string, maxBytes: number): Promise<{ bytes: Buffer; info: Stats }> {
  const { handle, info } = await openRegularFile(path);
  try {
    if (info.size > maxBytes) throw new EngineError('input/too-large', `${info.size} bytes > limit ${maxBytes}.`);
    // Read one byte past the limit: a file that grew since stat is caught, not read whole.
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new EngineError('input/too-large', `More than ${maxBytes} bytes.`);
      if (length === buffer.length) break;
    }
    return { bytes: buffer.subarray(0, length), info };
  } finally {
    await handle.close();
  }
}

/** One line of a JSONL file: its bytes, or the length of a line skipped for being over the limit. */
export type JsonlLine =
  | { readonly lineNo: number; readonly bytes: Buffer }
  | { readonly lineNo: number; readonly tooLong: number };

const NEWLINE = 0x0a;

/** True when a line holds only ASCII whitespace. */
function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  return true;
}

/**
 * The lines of a JSONL file (gunzipped when `gzip`), blank ones skipped but counted. Throws an EngineError when a
 * file-level limit is hit; lines yielded before it stay valid.
 */
export async function* readJsonlLines(
  path: string,
  options: { gzip: boolean; limits: ReadLimits; now?: () => number },
): AsyncGenerator<JsonlLine> {
  const { limits } = options;
  const now = options.now ?? (() => performance.now());
  // Time spent reading this file, not counting the time the consumer holds a line (analysis, writes).
  let spentMs = 0;
  let resumedAt = now();
  const { handle } = await openRegularFile(path);
  const raw = handle.createReadStream({ highWaterMark: 256 * 1024 });
  let compressed = 0;
  // Counts the bytes read from disk before decompression (for the ratio check).
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      compressed += chunk.length;
      done(null, chunk);
    },
  });
  const source = options.gzip ? raw.pipe(counter).pipe(createGunzip()) : raw;
  let decompressed = 0;
  let lineNo = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;
  let skipping = false;
  const endLine = function* (): Generator<JsonlLine> {
    lineNo++;
    if (lineNo > limits.maxLines)
      throw new EngineError(
        'input/too-large',
        `${path}: more than ${limits.maxLines} lines; the rest of the file is not read.`,
      );
    const bytes = skipping ? null : Buffer.concat(parts, partBytes);
    if (bytes === null || !isBlank(bytes)) {
      spentMs += now() - resumedAt;
      yield bytes === null ? { lineNo, tooLong: partBytes } : { lineNo, bytes };
      resumedAt = now();
    }
    parts = [];
    partBytes = 0;
    skipping = false;
  };
  const take = (piece: Buffer): void => {
    partBytes += piece.length;
    if (skipping) return;
    if (partBytes > limits.maxLineBytes) {
      skipping = true;
      parts = [];
    } else if (piece.length > 0) parts.push(piece);
  };
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      decompressed += chunk.length;
      if (decompressed > limits.maxFileBytes)
        throw new EngineError(
          'input/too-large',
          `${path}: more than ${limits.maxFileBytes} bytes; the rest of the file is not read.`,
        );
      if (options.gzip && decompressed > GZIP_RATIO_GRACE_BYTES && decompressed > compressed * limits.maxGzipRatio) {
        throw new EngineError(
          'input/too-large',
          `${path}: expands more than ${limits.maxGzipRatio}× when decompressed (${decompressed} bytes from ${compressed}), a compression bomb; the rest of the file is not read.`,
        );
      }
      if (spentMs + now() - resumedAt > limits.maxFileSeconds * 1000)
        throw new EngineError(
          'input/timeout',
          `${path}: stopped after ${limits.maxFileSeconds} s at line ${lineNo + 1}.`,
        );
      let at = 0;
      for (let nl = chunk.indexOf(NEWLINE, at); nl >= 0; nl = chunk.indexOf(NEWLINE, at)) {
        take(chunk.subarray(at, nl));
        yield* endLine();
        at = nl + 1;
      }
      take(chunk.subarray(at));
    }
    if (partBytes > 0 || skipping) yield* endLine();
  } finally {
    raw.destroy();
    if (source !== raw) source.destroy();
    await handle.close().catch(() => undefined);
  }
}
