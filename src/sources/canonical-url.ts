/**
 * URL canonicalisation, so one article reached through several links is queued and stored once: scheme and host in
 * lower case, default ports and fragments dropped, percent-escapes in upper case, and tracking parameters
 * (utm_*, fbclid, gclid, …) removed. The page's own `<link rel="canonical">` is applied after fetching (html-links.ts).
 */

/** Query parameters that only say where a click came from. Exact names, plus every `utm_` parameter. */
const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'ocid',
  'cmpid',
  'ref_src',
  'ref_url',
  'rss_source',
  'at_medium',
  'at_campaign',
]);
const TRACKING_PREFIX = /^(?:utm_|__twitter_)/u;
const PERCENT_ESCAPE = /%[0-9a-f]{2}/giu;

/** The canonical form of an absolute http(s) URL (relative ones resolved against `base`); null when not http(s). */
export function canonicalizeUrl(value: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim(), base);
  } catch {
    return null; // not a URL: the caller records the item as unusable
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams].filter(
    ([name]) => !TRACKING_PARAMS.has(name.toLowerCase()) && !TRACKING_PREFIX.test(name.toLowerCase()),
  );
  url.search = kept.length === 0 ? '' : new URLSearchParams(kept).toString();
  // The URL parser already lower-cases scheme and host and drops default ports.
  return url.href.replace(PERCENT_ESCAPE, (escape) => escape.toUpperCase());
}

/** True when two URLs are on the same host (ignoring a leading www.), so a page may name its own canonical URL. */
export function isSameSite(a: string, b: string): boolean {
  const host = (value: string): string => new URL(value).hostname.replace(/^www\./u, '');
  return host(a) === host(b);
}
