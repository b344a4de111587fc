/**
 * Locality-sensitive hashing over MinHash signatures: bands of rows hashed into buckets, so that
 * near-duplicate candidates are found without comparing all pairs. Grows incrementally; the buckets live in
 * memory, or in an event archive when clustering keeps a bounded window (cluster/event-archive.ts).
 */
import { SIGNATURE_LENGTH } from './minhash.ts';

/** Rows per band: 16 bands × 4 rows make a pair with Jaccard 0.5 a candidate with p ≈ 0.64, 0.6 with p ≈ 0.9, 0.7 with p ≈ 0.99. */
export const ROWS_PER_BAND = 4;
const BANDS = SIGNATURE_LENGTH / ROWS_PER_BAND;
/** Bucket size cap: a bucket this full holds boilerplate-only bodies; more entries add no information. */
export const MAX_BUCKET = 64;

/**
 * Where buckets are kept. Items are appended in increasing order, so "the first `limit` items" and "the `limit`
 * smallest" are the same set: a store may keep every item and cut on reading.
 */
export interface LshBuckets {
  /** The first `limit` items of a bucket, ascending (empty when the bucket does not exist). */
  items(key: string, limit: number): readonly number[];
  /** Appends an item (greater than every item already in the bucket); a bucket holding `limit` items may drop it. */
  append(key: string, item: number, limit: number): void;
}

/** An incremental LSH index from band keys to item numbers. */
export interface LshIndex {
  readonly buckets: LshBuckets;
}

/** Buckets in a Map (every item of a run in memory). */
export function memoryLshBuckets(): LshBuckets {
  const map = new Map<string, number[]>();
  return {
    items: (key, limit) => map.get(key)?.slice(0, limit) ?? [],
    append(key, item, limit) {
      const bucket = map.get(key);
      if (!bucket) map.set(key, [item]);
      else if (bucket.length < limit) bucket.push(item);
    },
  };
}

export function createLshIndex(buckets: LshBuckets = memoryLshBuckets()): LshIndex {
  return { buckets };
}

function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const offset = band * ROWS_PER_BAND;
    let key = `${band}`;
    for (let row = 0; row < ROWS_PER_BAND; row++) key += `:${signature[offset + row]!.toString(36)}`;
    keys.push(key);
  }
  return keys;
}

/** Items sharing at least one band with `signature`, ascending. */
export function lshCandidates(index: LshIndex, signature: Uint32Array): number[] {
  const found = new Set<number>();
  for (const key of bandKeys(signature)) for (const item of index.buckets.items(key, MAX_BUCKET)) found.add(item);
  return [...found].sort((a, b) => a - b);
}

/** Adds an item's signature to the index. */
export function lshInsert(index: LshIndex, item: number, signature: Uint32Array): void {
  for (const key of bandKeys(signature)) index.buckets.append(key, item, MAX_BUCKET);
}
