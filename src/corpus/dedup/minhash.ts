/**
 * MinHash signatures over folded word shingles: the near-duplicate fingerprint of an article body.
 * Two bodies' signatures agree in a share of positions that estimates the Jaccard similarity of their shingle sets.
 */
import { foldedWords } from '../text/terms.ts';

/** Words per shingle: 5 words survive a changed dateline or a swapped connective but not an independent rewrite. */
export const SHINGLE_WORDS = 5;
/** Signature length: 64 hashes give a Jaccard estimate within ±0.06 (1 s.d. at J = 0.5). */
export const SIGNATURE_LENGTH = 64;
/** Only the first this-many words are shingled: copies differ mostly in their tails (boilerplate, «اقرأ أيضاً»). */
const MAX_WORDS = 400;

/** Per-position multipliers (odd) and offsets of the universal hashes h_i(x) = a_i·x + b_i mod 2^32. */
const [MULTIPLIERS, OFFSETS] = ((): [Uint32Array, Uint32Array] => {
  const a = new Uint32Array(SIGNATURE_LENGTH);
  const b = new Uint32Array(SIGNATURE_LENGTH);
  let x = 0x9e3779b9;
  const next = (): number => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6b43a9b5) >>> 0;
    return x;
  };
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    a[i] = next() | 1;
    b[i] = next();
  }
  return [a, b];
})();

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 finaliser: spreads FNV's weak low bits before the cheap universal hashes. */
function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Distinct shingle hashes of a text (folded words, `SHINGLE_WORDS` at a time; shorter texts give one shingle). */
export function shingleHashes(text: string): Uint32Array {
  const words = foldedWords(text, MAX_WORDS);
  if (words.length === 0) return new Uint32Array(0);
  // Hash each word once, then combine SHINGLE_WORDS consecutive word hashes (no substring joins).
  const wordHashes = words.map(fnv1a);
  const hashes = new Set<number>();
  const last = Math.max(0, words.length - SHINGLE_WORDS);
  for (let i = 0; i <= last; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE_WORDS && j < wordHashes.length; j++)
      h = (Math.imul(h ^ wordHashes[j]!, 0x01000193) + j - i) >>> 0;
    hashes.add(mix(h));
  }
  return Uint32Array.from(hashes);
}

/** MinHash signature of a text; null when it has no words (nothing to compare). */
export function minhashSignature(text: string): Uint32Array | null {
  const shingles = shingleHashes(text);
  if (shingles.length === 0) return null;
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const value = shingles[s]!;
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const h = (Math.imul(value, MULTIPLIERS[i]!) + OFFSETS[i]!) >>> 0;
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity: share of equal signature positions. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_LENGTH;
}
