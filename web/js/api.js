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
  const response = await fetch(url, { headers: { accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.error?.message ?? `HTTP ${response.status}`);
  return body;
}

/** POST or DELETE /api/<path> with a JSON body; resolves to the parsed body (null for 204). */
export async function send(method, path, body) {
  const response = await fetch(`/api/${path}`, {
    method, headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, parsed?.error?.message ?? `HTTP ${response.status}`);
  return parsed;
}

/** Encodes one path segment. */
export const seg = (value) => encodeURIComponent(value);
