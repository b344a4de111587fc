/**
 * One JSON Lines record → page fields: {"url"?, "html"? | "text"?, "fetched_at"?}. Validated with zod;
 * a malformed line becomes an EngineError for that line only.
 */
import { z } from 'zod';
import { EngineError } from '../core/errors.ts';
import type { ContentType } from '../core/page.ts';

const RECORD = z
  .object({
    url: z.string().min(1).optional(),
    html: z.string().optional(),
    text: z.string().optional(),
    fetched_at: z.string().optional(),
  })
  .refine((r) => (r.html === undefined) !== (r.text === undefined), {
    message: 'needs exactly one of "html" or "text"',
  });

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
  const parsed = RECORD.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `field "${issue.path.join('.')}": ` : '';
    return {
      ok: false,
      error: new EngineError('input/malformed', `JSONL record ${where}${issue?.message ?? 'invalid'}.`, {
        cause: parsed.error,
      }),
    };
  }
  const record = parsed.data;
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
