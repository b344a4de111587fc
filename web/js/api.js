// JSON API client: same-origin fetches; errors carry the server's clear message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET /api/<path> with query parameters (undefined/empty values dropped). */
export async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const url = `/api/${path}${query.size > 0 ? `?${query}` : ''}`;
  let response = await fetch(url, { headers: headers() });
  // A server bound beyond loopback needs a token for reads: ask once, keep it for this tab, retry.
  if (response.status === 401 && askToken()) response = await fetch(url, { headers: headers() });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? `HTTP ${response.status}`);
  return body;
}

const TOKEN_KEY = 'marsad-token';

/**
 * Request headers, with the API token when the user gave one.
 * @returns {Record<string, string>}
 */
function headers() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { accept: 'application/json', authorization: `Bearer ${token}` } : { accept: 'application/json' };
}

/** Asks for an API token (marsad tokens create --role reader); false when the user gives none. */
function askToken() {
  const token = window.prompt(
    'هذا الخادم يطلب رمز وصول (API token). أدخل الرمز الذي أنشأه المسؤول بالأمر marsad tokens create:',
  );
  if (!token || !token.trim()) return false;
  sessionStorage.setItem(TOKEN_KEY, token.trim());
  return true;
}

/** POST or DELETE /api/<path> with a JSON body; resolves to the parsed body (null for 204). Writes need an editor token. */
export async function send(method, path, body) {
  const request = () =>
    fetch(`/api/${path}`, {
      method,
      headers: { ...headers(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  let response = await request();
  if (response.status === 401 && askToken()) response = await request();
  const parsed = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, parsed?.error?.message ?? `HTTP ${response.status}`);
  return parsed;
}

/** Encodes one path segment. */
export const seg = (value) => encodeURIComponent(value);
