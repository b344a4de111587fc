/** Database URL helpers that load no driver: which locations select PostgreSQL, and how to print them safely. */

const POSTGRES_URL_RE = /^postgres(?:ql)?:\/\//iu;
const PASSWORD_RE = /^(?<head>[a-z][a-z0-9+.-]*:\/\/[^:/@?#]*):[^@/?#]*@/iu;

/** True for postgres:// and postgresql:// URLs (server mode); anything else is a SQLite path. */
export function isPostgresUrl(location: string): boolean {
  return POSTGRES_URL_RE.test(location);
}

/** The URL with its password replaced by ***, for error messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(PASSWORD_RE, '$<head>:***@');
}

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
