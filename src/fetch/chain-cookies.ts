/**
 * Cookies kept for one redirect chain only: some CDNs answer the first request with a redirect that sets a cookie
 * and expect it back on the next hop (otherwise they loop). Cookies go back only to the host that set them and are
 * forgotten when the chain ends; Marsad keeps no cookie between fetches.
 */

export interface ChainCookies {
  /** Remembers the `Set-Cookie` headers of a response from `host`. */
  store(host: string, setCookie: string | readonly string[] | undefined): void;
  /** The `Cookie` header for a request to `host`, or undefined. */
  headerFor(host: string): string | undefined;
}

const COOKIE_PAIR = /^\s*(?<name>[^=;\s]+)\s*=\s*(?<value>[^;]*)/u;

export function createChainCookies(): ChainCookies {
  const byHost = new Map<string, Map<string, string>>();
  return {
    store(host, setCookie) {
      const headers = setCookie === undefined ? [] : typeof setCookie === 'string' ? [setCookie] : setCookie;
      for (const header of headers) {
        const pair = COOKIE_PAIR.exec(header)?.groups;
        if (!pair) continue;
        let jar = byHost.get(host);
        if (!jar) byHost.set(host, (jar = new Map()));
        jar.set(pair.name!, pair.value!.trim());
      }
    },
    headerFor(host) {
      const jar = byHost.get(host);
      return jar && jar.size > 0 ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : undefined;
    },
  };
}
