/** Makes JavaScript strings storable in PostgreSQL text and jsonb columns without moving any offset. */

/**
 * PostgreSQL text and jsonb cannot hold U+0000, which SQLite stores and a JSONL input («\u0000») can carry. It is
 * written as U+FFFD, one UTF-16 unit like it, so every stored offset and `text === body.slice(start, end)` still hold.
 */
const NUL_RE = /\u0000/gu;
export function pgText<T extends string | null>(value: T): T {
  return (value === null ? value : value.replace(NUL_RE, '\uFFFD')) as T;
}
export function pgJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? pgText(v) : v));
}
