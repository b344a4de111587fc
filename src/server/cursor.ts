/**
 * Opaque keyset cursors for the list endpoints (`nextCursor` in an answer, `after=` in the next request): base64url
 * of a small JSON value, checked with a zod schema when it comes back. Clients must not build or read them.
 */
import { z } from 'zod';

/** Longest cursor accepted (an entity cursor holds a canonical name; names are short). */
const MAX_CURSOR_CHARS = 1_000;

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** A zod field for `after=`: a cursor made by `encodeCursor` whose value matches `schema`. */
export function cursorParam<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .min(1)
    .max(MAX_CURSOR_CHARS)
    .regex(/^[A-Za-z0-9_-]+$/u, 'must be a cursor from a previous answer')
    .transform((text, context): z.output<T> => {
      let value: unknown;
      try {
        value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
      } catch {
        value = undefined;
      }
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        context.addIssue({ code: 'custom', message: 'must be a cursor from a previous answer' });
        return z.NEVER;
      }
      return parsed.data;
    });
}
