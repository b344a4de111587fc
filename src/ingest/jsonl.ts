/**
 * One JSON Lines record → page fields: {"url"?, "html"? | "text"?, "fetched_at"?}, checked field by field (a
 * four-field record; no schema library on the ingest/analyze start-up path). A malformed line becomes an
 * EngineError for that line only.
 */
import { EngineError } from '../core/errors.ts';
import type { ContentType } from '../core/page.ts';

/** The record's fields, all optional strings (`url` non-empty); other fields are ignored. */
const STRING_FIELDS = ['url', 'html', 'text', 'fetched_at'] as const;
type JsonlRecord = { readonly [K in (typeof STRING_FIELDS)[number]]?: string };

/** The record, or the first problem found (a field name, or null for the record as a whole). */
function checkRecord(data: unknown): { record: JsonlRecord } | { field: string | null; message: string } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return {
      field: null,
      message: `expected an object, got ${data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data}`,
    };
  }
  const fields = data as Record<string, unknown>;
  const record: Record<string, string> = {};
  for (const name of STRING_FIELDS) {
    const value = fields[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') return { field: name, message: `expected a string, got ${typeof value}` };
    if (name === 'url' && value.length === 0) return { field: name, message: 'expected a non-empty string' };
    record[name] = value;
  }
  if ((record.html === undefined) === (record.text === undefined)) {
    return { field: null, message: 'needs exactly one of "html" or "text"' };
  }
  return { record };
}

export interface JsonlPage {
  readonly url: string | null;
  readonly body: string;
  readonly contentType: ContentType;
  /** ISO-8601 UTC, or null when absent or not a date. */
  readonly fetchedAt: string | null;
}

export type JsonlResult =
  | { readonly ok: true; readonly value: JsonlPage }
  | { readonly ok: false; readonly error: EngineError };

/** Parses one non-empty JSONL line. */
export function parseJsonlLine(line: string): JsonlResult {
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (error) {
    return {
      ok: false,
      error: new EngineError('input/malformed', `Not valid JSON: ${(error as Error).message}`, { cause: error }),
    };
  }
  const checked = checkRecord(data);
  if (!('record' in checked)) {
    const where = checked.field === null ? '' : `field "${checked.field}": `;
    return { ok: false, error: new EngineError('input/malformed', `JSONL record ${where}${checked.message}.`) };
  }
  const record = checked.record;
  return {
    ok: true,
    value: {
      url: record.url ?? null,
      body: record.html ?? record.text ?? '',
      contentType: record.html !== undefined ? 'text/html' : 'text/plain',
      fetchedAt: toIsoUtc(record.fetched_at),
    },
  };
}

/** ISO-8601 UTC of a date string, or null when it doesn't parse. */
export function toIsoUtc(value: string | undefined): string | null {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
