/** PostgreSQL URL helpers that load no driver: Marsad's `?schema=` parameter. */

/** Which locations select PostgreSQL and how to print them live in ../location.ts (shared with the factory). */
export { isPostgresUrl, redactUrl } from '../location.ts';

export interface SchemaLocation {
  /** The URL without Marsad's own `schema` parameter (the driver would not understand it). */
  readonly url: string;
  readonly schema: string | undefined;
}

/** Takes Marsad's `?schema=<name>` parameter off a URL: `postgres://h/news?schema=marsad` keeps the tables in schema marsad. */
export function takeSchemaParam(url: string): SchemaLocation {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return { url, schema: undefined };
  const params = new URLSearchParams(url.slice(queryAt + 1));
  const schema = params.get('schema') ?? undefined;
  if (schema === undefined) return { url, schema };
  params.delete('schema');
  const rest = params.toString();
  return { url: rest === '' ? url.slice(0, queryAt) : `${url.slice(0, queryAt)}?${rest}`, schema };
}
