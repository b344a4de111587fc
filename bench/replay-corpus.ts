/**
 * A corpus of any size for the clustering benches (issue 18), built AT RUN TIME from the two real corpora in
 * ../shared/data (egy-news-2013, SaudiNewsNet) and never written anywhere: both corpora are laid on one calendar
 * (each starts on day 0 of a round), and each round replays them ROUND_DAYS later with light text variation (a
 * different ninth of the body words dropped, so a replay is no exact copy), until the size is reached. Articles come
 * out in the corpus stage's assignment order — (date, id) — so a stream of them clusters exactly like one batch.
 *
 * Streaming: the base corpora are read once, record by record, into one gzip-compressed block of JSON lines per
 * calendar day (≈ a quarter of the text's size, held as bytes, not as strings); `articles(size)` inflates one day at
 * a time and generates that day's replayed articles lazily. Neither the replay nor the expanded corpora are ever
 * held in memory: at most one day of one round is.
 */
import { createGzip, gunzipSync, type Gzip } from 'node:zlib';
import type { ClusterInput } from '../src/corpus/types.ts';
import { newsRecords, recordToInput, type NewsRecord } from '../scripts/news-corpus.ts';
import { dayNumber, dayToIso } from '../src/corpus/cluster/dates.ts';

/** Days between rounds: the longer corpus spans 22 days (SaudiNewsNet 2015-07-21 … 08-11; egy-news-2013 14). */
export const ROUND_DAYS = 22;
/** Every n-th body word (from an offset that changes each round) is dropped in a replay. */
const DROP_EVERY = 9;
/** Day 0 of the replayed calendar (any date; the corpora's own years are dropped). */
const FIRST_DAY = dayNumber('2020-01-01')!;

export interface ReplayCorpus {
  /** Real articles read (both corpora, dated ones). */
  readonly baseArticles: number;
  /** Bytes the base corpora take in memory (compressed day blocks). */
  readonly baseBytes: number;
  /** The first `size` articles of the replay, in (date, id) order. */
  articles(size: number): Generator<ClusterInput>;
}

/** One calendar day's records as a gzip stream that collects its compressed bytes. */
interface DayBlock {
  readonly gzip: Gzip;
  readonly chunks: Buffer[];
  readonly done: Promise<void>;
}

function dayBlock(): DayBlock {
  const gzip = createGzip();
  const chunks: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    gzip.on('end', resolve);
    gzip.on('error', reject);
  });
  return { gzip, chunks, done };
}

/** Writes a line to a block, waiting for the compressor when its buffer is full (so input never piles up). */
async function writeLine(block: DayBlock, line: string): Promise<void> {
  if (!block.gzip.write(line)) await new Promise<void>((resolve) => block.gzip.once('drain', resolve));
}

/** Reads both corpora once, streaming, into compressed day blocks (their size does not grow with the replay). */
export async function loadReplayCorpus(sharedDir: string): Promise<ReplayCorpus> {
  const blocks: DayBlock[] = [];
  let count = 0;
  for (const name of ['egy-news-2013', 'saudinewsnet'] as const) {
    // First pass: the corpus' first day (its records are not all in date order).
    let first = Number.POSITIVE_INFINITY;
    for await (const record of newsRecords(sharedDir, name)) {
      const day = dayNumber(recordToInput(record).published);
      if (day !== null) first = Math.min(first, day);
    }
    for await (const record of newsRecords(sharedDir, name)) {
      const day = dayNumber(recordToInput(record).published);
      if (day === null) continue; // both corpora are fully dated; an undated record would break the order
      await writeLine((blocks[day - first] ??= dayBlock()), `${JSON.stringify(record)}\n`);
      count++;
    }
  }
  const days: (Buffer | undefined)[] = [];
  for (const [offset, block] of blocks.entries()) {
    if (!block) continue;
    block.gzip.end();
    await block.done;
    days[offset] = Buffer.concat(block.chunks);
  }
  return {
    baseArticles: count,
    baseBytes: days.reduce((sum, d) => sum + (d?.byteLength ?? 0), 0),
    *articles(size) {
      let emitted = 0;
      for (let round = 0; emitted < size; round++) {
        for (let offset = 0; offset < ROUND_DAYS && emitted < size; offset++) {
          const date = dayToIso(FIRST_DAY + round * ROUND_DAYS + offset);
          const block = days[offset];
          if (!block) continue;
          const day = gunzipSync(block)
            .toString('utf8')
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => replayed(recordToInput(JSON.parse(line) as NewsRecord), round, date));
          day.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
          for (const input of day) {
            if (emitted++ >= size) return;
            yield input;
          }
        }
      }
    },
  };
}

function replayed(input: ClusterInput, round: number, date: string): ClusterInput {
  if (round === 0) return { ...input, published: date };
  const body = input.body
    .split(' ')
    .filter((_, i) => i % DROP_EVERY !== round % DROP_EVERY)
    .join(' ');
  return { ...input, id: `${input.id}~${round}`, published: date, body };
}
