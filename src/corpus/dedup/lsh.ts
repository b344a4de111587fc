/**
 * Locality-sensitive hashing over MinHash signatures: bands of rows hashed into buckets, so that
 * near-duplicate candidates are found without comparing all pairs. Grows incrementally.
 */
import { SIGNATURE_LENGTH } from './minhash.ts';

/** Rows per band: 16 bands × 4 rows make a pair with Jaccard 0.5 a candidate with p ≈ 0.64, 0.6 with p ≈ 0.9, 0.7 with p ≈ 0.99. */
export const ROWS_PER_BAND = 4;
const BANDS = SIGNATURE_LENGTH / ROWS_PER_BAND;
/** Bucket size cap: a bucket this full holds boilerplate-only bodies; more entries add no information. */
const MAX_BUCKET = 64;

/** An incremental LSH index from band keys to item numbers. */
export interface LshIndex {
  readonly buckets: Map<string, number[]>;
}

export function createLshIndex(): LshIndex {
  return { buckets: new Map() };
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
  for (const key of bandKeys(signature)) for (const item of index.buckets.get(key) ?? []) found.add(item);
  return [...found].sort((a, b) => a - b);
}

/** Adds an item's signature to the index. */
export function lshInsert(index: LshIndex, item: number, signature: Uint32Array): void {
  for (const key of bandKeys(signature)) {
    const bucket = index.buckets.get(key);
    if (!bucket) index.buckets.set(key, [item]);
    else if (bucket.length < MAX_BUCKET) bucket.push(item);
  }
}
