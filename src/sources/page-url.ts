/**
 * The URL a fetched page is stored under: the page's own `<link rel="canonical">` when it points to the same site,
 * otherwise the fetched URL, both canonicalised (canonical-url.ts), so one article reached by several links is one URL.
 */
import { canonicalizeUrl, isSameSite } from './canonical-url.ts';
import { readPageLinks } from './html-links.ts';

export function pageUrlFor(fetchedUrl: string, page: { readonly contentType: string; readonly text: string }): string {
  const fetched = canonicalizeUrl(fetchedUrl) ?? fetchedUrl;
  if (page.contentType !== 'text/html') return fetched;
  const declared = readPageLinks(page.text, fetchedUrl).canonical;
  const canonical = declared === null ? null : canonicalizeUrl(declared);
  return canonical !== null && isSameSite(canonical, fetched) ? canonical : fetched;
}
