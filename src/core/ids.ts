/** Deterministic content-derived ids: a rerun upserts instead of duplicating. */
import { createHash } from 'node:crypto';

/** Hex SHA-256 of the parts joined by U+0001, truncated to `length` characters. */
export function hashId(parts: readonly (string | number)[], length = 16): string {
  return createHash('sha256').update(parts.join('\u0001')).digest('hex').slice(0, length);
}

/** Id of the `index`-th article of a page: `hashId(['article', pageId, index])`. */
export function articleIdFor(pageId: string, index: number): string {
  return hashId(['article', pageId, index]);
}
