/**
 * Politeness is per host, across sources: several sources on one host, watched by one `marsad watch` process, share
 * that host's turns (at most 2 requests in flight, starts spaced by --delay or robots.txt's Crawl-delay).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.ts';

const TOPICS = ['الاقتصاد', 'الرياضة', 'الثقافة', 'السياسة', 'الصحة'];

interface HostLog {
  readonly server: Server;
  readonly origin: string;
  /** Paths in arrival order (arrival times are not kept: see `sent`). */
  readonly starts: { path: string }[];
  /**
   * When each request to this host left the client: undici's `undici:client:sendHeaders` fires as the headers are
   * written to the socket. The server shares this process, so its arrival times are delayed by whatever keeps the
   * event loop busy (a batch being stored, a loaded machine) and two requests sent 100 ms apart can be handled 1 ms
   * apart; the moment of sending is what politeness controls.
   */
  readonly sent: { at: number; path: string }[];
  maxInFlight: number;
}

/** Records the send time of every GET (by origin) for the hosts in `byOrigin`. */
const byOrigin = new Map<string, HostLog>();
const onSendHeaders = (message: unknown): void => {
  const { request } = message as { request: { origin?: unknown; path?: unknown; method?: unknown } };
  byOrigin.get(String(request.origin))?.sent.push({ at: performance.now(), path: String(request.path) });
};

/** One host serving a feed per topic (`/feeds/<n>.xml`, 3 items each); every response takes `responseMs`. */
async function startHost(options: { responseMs: number; robots: string }): Promise<HostLog> {
  let inFlight = 0;
  const log = {
    starts: [] as { path: string }[],
    sent: [] as { at: number; path: string }[],
    maxInFlight: 0,
  } as HostLog;
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    log.starts.push({ path });
    inFlight++;
    log.maxInFlight = Math.max(log.maxInFlight, inFlight);
    const send = (status: number, type: string, body: string): void => {
      setTimeout(() => {
        inFlight--;
        response.writeHead(status, { 'content-type': type }).end(body);
      }, options.responseMs);
    };
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (path === '/robots.txt') return send(200, 'text/plain', options.robots);
    const feed = /^\/feeds\/(\d)\.xml$/u.exec(path);
    if (feed) {
      const topic = TOPICS[Number(feed[1])]!;
      const items = [1, 2, 3]
        .map((n) => `<item><title>${topic} ${n}</title><link>${origin}/${feed[1]}/${n}.html</link></item>`)
        .join('');
      return send(
        200,
        'application/rss+xml; charset=utf-8',
        `<?xml version="1.0"?><rss version="2.0"><channel><title>${topic}</title>${items}</channel></rss>`,
      );
    }
    const page = /^\/(\d)\/(\d)\.html$/u.exec(path);
    if (page) {
      const topic = TOPICS[Number(page[1])]!;
      return send(
        200,
        'text/html; charset=utf-8',
        `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر ${page[2]} في ${topic}</title></head><body><article><h1>خبر ${page[2]} في قسم ${topic}</h1><p>تناول التقرير رقم ${page[2]} في قسم ${topic} تطورات الأسبوع الماضي وآراء عدد من المختصين في الشأن المحلي.</p><p>وأشار المختصون إلى أن المرحلة المقبلة تتطلب متابعة دقيقة للأرقام الصادرة عن الجهات الرسمية.</p></article></body></html>`,
      );
    }
    send(404, 'text/plain', '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = Object.assign(log, { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  byOrigin.set(host.origin, host);
  return host;
}

const quiet = () => ({ stdout: new PassThrough(), stderr: new PassThrough() });

/** Gaps between consecutive request sends, in ms; every request the server saw was seen leaving, in that order. */
function gaps(log: HostLog): number[] {
  expect(log.sent.map((s) => s.path)).toEqual(log.starts.map((s) => s.path));
  return log.sent.slice(1).map((start, i) => start.at - log.sent[i]!.at);
}

let dir: string;
const hosts: HostLog[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-politeness-'));
  subscribe('undici:client:sendHeaders', onSendHeaders);
});
afterAll(() => {
  unsubscribe('undici:client:sendHeaders', onSendHeaders);
  for (const host of hosts) {
    host.server.closeAllConnections();
    host.server.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

async function watchSources(host: HostLog, db: string, delayMs: number): Promise<void> {
  for (let n = 0; n < TOPICS.length; n++) {
    const add = ['sources', 'add', `${host.origin}/feeds/${n}.xml`, '--db', db, '--no-check'];
    expect(await main(add, quiet())).toBe(0);
  }
  const flags = ['--allow-private-network', '--no-annotate', '--delay', String(delayMs), '--timeout', '10'];
  expect(await main(['watch', '--once', '--db', db, ...flags], quiet())).toBe(0);
}

describe('per-host politeness with several sources on one host', () => {
  it('5 sources on one host: never more than 2 requests in flight, starts at least --delay apart', async () => {
    // Responses (300 ms) slower than the delay (100 ms): without the connection cap, 4 sources × 8 pages would overlap.
    const host = await startHost({ responseMs: 300, robots: 'User-agent: *\nAllow: /\n' });
    hosts.push(host);
    await watchSources(host, join(dir, 'cap.db'), 100);
    // robots.txt, the 5 feeds (each fetched to classify it, then read) and the 15 pages all went to this one host.
    expect(host.starts.filter((s) => s.path.endsWith('.html'))).toHaveLength(15);
    expect(host.maxInFlight).toBe(2);
    // 1 ms of slack for the timer's rounding.
    expect(Math.min(...gaps(host))).toBeGreaterThanOrEqual(99);
  });

  it("robots.txt's Crawl-delay spaces every start after it, across the sources", async () => {
    const host = await startHost({ responseMs: 0, robots: 'User-agent: *\nCrawl-delay: 0.25\n' });
    hosts.push(host);
    await watchSources(host, join(dir, 'crawl-delay.db'), 0);
    expect(host.starts[0]!.path).toBe('/robots.txt');
    expect(host.starts.filter((s) => s.path.endsWith('.html'))).toHaveLength(15);
    // Including the first start after robots.txt itself (the delay learnt there spaces the next request).
    expect(Math.min(...gaps(host))).toBeGreaterThanOrEqual(249);
  });
});
