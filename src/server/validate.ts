/** zod validation at the HTTP boundary: a failed parse becomes a 400 naming the field and the problem. */
import { z } from 'zod';
import { isCalendarDay } from '../core/calendar.ts';
import { HttpError } from './http-errors.ts';

export type RequestPart = 'query' | 'path' | 'body';

/** Parses `value` with `schema` or throws a 400 HttpError like "query.limit: must be at most 100". */
export function parseRequest<T>(schema: z.ZodType<T>, value: unknown, part: RequestPart): T {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.slice(0, 3).map((issue) => {
    const path = [part, ...issue.path.map(String)].join('.');
    return `${path}: ${issue.message}`;
  });
  throw new HttpError(400, 'invalid-request', `Invalid request. ${details.join('; ')}.`);
}

/** Page-size bounds shared by the list endpoints. */
export const MAX_LIST_LIMIT = 200;
export const DEFAULT_LIST_LIMIT = 50;

/** `?limit=&offset=` with bounds. */
export const PAGING = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIST_LIMIT).default(DEFAULT_LIST_LIMIT),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** An id in a path: hex-ish ids, bounded length, no slashes or control characters. */
export const ID = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/u, 'must be an id of letters, digits, - or _');

/** YYYY-MM-DD, a real calendar day. */
export const ISO_DAY = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u, 'must be a date YYYY-MM-DD')
  .refine(isCalendarDay, 'must be a real calendar date');
