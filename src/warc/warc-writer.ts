/**
 * `--archive DIR`: every response Marsad fetches is appended to a WARC 1.1 file (one gzip member per record, so a
 * crash loses at most the record being written). The payload is stored as the page's bytes after Content-Encoding
 * was undone, with the encoding headers dropped, so the record replays as it reads.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Exchange } from '../fetch/http-client.ts';

/** Headers that describe the wire form, not the stored payload. */
const WIRE_HEADERS: ReadonlySet<string> = new Set([
  'content-encoding',
  'transfer-encoding',
  'content-length',
  'connection',
  'keep-alive',
]);

export interface WarcWriter {
  readonly path: string;
  write(exchange: Exchange): Promise<void>;
}

/** Opens `DIR/marsad-<time>-<pid>.warc.gz` (created on the first record) and writes a warcinfo record first. */
export async function openWarcWriter(dir: string, options: { now: Date; software: string }): Promise<WarcWriter> {
  await mkdir(dir, { recursive: true });
  const stamp = options.now
    .toISOString()
    .replace(/[-:]/gu, '')
    .replace(/\.\d+Z$/u, 'Z');
  const path = join(dir, `marsad-${stamp}-${process.pid}.warc.gz`);
  let queue: Promise<void> = Promise.resolve();
  const append = (record: WARCRecord): Promise<void> => {
    queue = queue.then(async () => {
      await appendFile(path, await WARCSerializer.serialize(record, { gzip: true }));
    });
    return queue;
  };
  const info = WARCRecord.createWARCInfo(
    { filename: path, warcVersion: 'WARC/1.1' },
    { software: options.software, format: 'WARC File Format 1.1' },
  );
  await append(info);
  return {
    path,
    write(exchange) {
      const httpHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(exchange.headers))
        if (!WIRE_HEADERS.has(name)) httpHeaders[name] = value;
      httpHeaders['content-length'] = String(exchange.body.length);
      const body = exchange.body;
      const record = WARCRecord.create(
        {
          url: exchange.url,
          date: exchange.fetchedAt,
          type: 'response',
          warcVersion: 'WARC/1.1',
          statusline: `HTTP/1.1 ${exchange.status} ${exchange.statusText}`.trim(),
          httpHeaders,
        },
        (function* () {
          yield new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
        })(),
      );
      return append(record);
    },
  };
}
