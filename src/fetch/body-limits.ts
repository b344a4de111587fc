/**
 * Reading a response body within limits: the wire bytes are capped while streaming (a 50 MB page is cut off at the
 * limit, not buffered), and Content-Encoding (gzip, deflate, br) is undone with a cap on the output, so a
 * decompression bomb fails with a clear error instead of filling memory.
 */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { EngineError } from '../core/errors.ts';

export interface BodyLimits {
  /** Largest body accepted on the wire, in bytes. */
  readonly maxBytes: number;
  /** Largest body accepted after decompression, in bytes. */
  readonly maxDecodedBytes: number;
}

/** Collects a body stream, aborting it once more than `maxBytes` arrived. */
export async function readLimited(
  body: AsyncIterable<Uint8Array> & { destroy?: (error?: Error) => void },
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      const error = new EngineError(
        'input/too-large',
        `${url}: the body is larger than ${maxBytes} bytes; stopped reading.`,
      );
      body.destroy?.(error);
      throw error;
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(chunks, size);
}

/** Undoes `Content-Encoding` (identity, gzip, x-gzip, deflate, br) with the output capped at `maxDecodedBytes`. */
export function decodeContentEncoding(
  bytes: Buffer,
  encoding: string | undefined,
  options: { maxDecodedBytes: number; url: string },
): Buffer {
  const codings = (encoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity');
  let out = bytes;
  // Codings are listed in the order they were applied; undo them last first.
  for (const coding of codings.reverse()) out = undoCoding(out, coding, options);
  return out;
}

function undoCoding(bytes: Buffer, coding: string, options: { maxDecodedBytes: number; url: string }): Buffer {
  const limit = { maxOutputLength: options.maxDecodedBytes };
  try {
    if (coding === 'gzip' || coding === 'x-gzip') return gunzipSync(bytes, limit);
    if (coding === 'br') return brotliDecompressSync(bytes, limit);
    if (coding === 'deflate') return isZlibWrapped(bytes) ? inflateSync(bytes, limit) : inflateRawSync(bytes, limit);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
      throw new EngineError(
        'input/too-large',
        `${options.url}: ${coding} body expands past ${options.maxDecodedBytes} bytes (compression bomb refused).`,
        { cause: error },
      );
    }
    throw new EngineError('fetch/failed', `${options.url}: corrupt ${coding} body: ${(error as Error).message}`, {
      cause: error,
    });
  }
  throw new EngineError('fetch/failed', `${options.url}: unsupported Content-Encoding «${coding}».`);
}

/** "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: a zlib header has CMF 0x78. */
function isZlibWrapped(bytes: Buffer): boolean {
  return bytes.length >= 2 && (bytes[0]! & 0x0f) === 8 && ((bytes[0]! << 8) | bytes[1]!) % 31 === 0;
}
