/**
 * When a request's headers actually leave for the server: undici publishes `undici:client:sendHeaders` as it writes
 * them to the socket. Per-host politeness counts its delay from that moment, not from the turn given to the
 * request: a turn taken just before the event loop stalls (a batch being analysed, a busy machine) would otherwise
 * let the next turn's request leave together with it.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

const SEND_HEADERS = 'undici:client:sendHeaders';

interface SendHeadersMessage {
  readonly request: { readonly origin?: unknown; readonly path?: unknown; readonly method?: unknown };
}

export interface RequestSentWatcher {
  /** Calls `onSent` when a GET of `url` is written to a socket; the returned function stops waiting. */
  expect(url: URL, onSent: () => void): () => void;
  close(): void;
}

export function watchRequestsSent(): RequestSentWatcher {
  const waiting = new Map<string, (() => void)[]>();
  const listener = (message: unknown): void => {
    const { request } = message as SendHeadersMessage;
    if (request.method !== 'GET') return;
    const key = `${String(request.origin)}${String(request.path)}`;
    const list = waiting.get(key);
    const first = list?.shift();
    if (list?.length === 0) waiting.delete(key);
    first?.();
  };
  subscribe(SEND_HEADERS, listener);
  return {
    expect(url, onSent) {
      const key = `${url.origin}${url.pathname}${url.search}`;
      const list = waiting.get(key) ?? [];
      list.push(onSent);
      waiting.set(key, list);
      return () => {
        const at = list.indexOf(onSent);
        if (at >= 0) list.splice(at, 1);
        if (list.length === 0 && waiting.get(key) === list) waiting.delete(key);
      };
    },
    close() {
      unsubscribe(SEND_HEADERS, listener);
      waiting.clear();
    },
  };
}
