/** Database locations, with no driver loaded: which ones select PostgreSQL, and how to print them safely. */

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

/** A database location for printing: a postgres:// URL with its password masked, a file path unchanged. */
export const displayLocation = redactUrl;
