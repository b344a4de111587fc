/**
 * Politeness is per host, across sources: several sources on one host, watched by one `marsad watch` process, share
 * that host's turns (at most 2 requests in flight, starts spaced by --delay or robots.txt's Crawl-delay).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  /** Request start times (ms, server clock) and paths, in arrival order. */
  readonly starts: { at: number; path: string }[];
  maxInFlight: number;
}

/** One host serving a feed per topic (`/feeds/<n>.xml`, 3 items each); every response takes `responseMs`. */
async function startHost(options: { responseMs: number; robots: string }): Promise<HostLog> {
  let inFlight = 0;
  const log = { starts: [] as { at: number; path: string }[], maxInFlight: 0 } as HostLog;
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    log.starts.push({ at: performance.now(), path });
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
  return Object.assign(log, { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

const quiet = () => ({ stdout: new PassThrough(), stderr: new PassThrough() });

/** Gaps between consecutive request starts, in ms. */
function gaps(log: HostLog): number[] {
  return log.starts.slice(1).map((start, i) => start.at - log.starts[i]!.at);
}

let dir: string;
const hosts: HostLog[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-politeness-'));
});
afterAll(() => {
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
    // 5 ms of slack for the two clocks (the client's timer, the server's arrival time).
    expect(Math.min(...gaps(host))).toBeGreaterThanOrEqual(95);
  });

  it("robots.txt's Crawl-delay spaces every start after it, across the sources", async () => {
    const host = await startHost({ responseMs: 0, robots: 'User-agent: *\nCrawl-delay: 0.25\n' });
    hosts.push(host);
    await watchSources(host, join(dir, 'crawl-delay.db'), 0);
    expect(host.starts[0]!.path).toBe('/robots.txt');
    expect(host.starts.filter((s) => s.path.endsWith('.html'))).toHaveLength(15);
    // Including the first start after robots.txt itself (the delay learnt there spaces the next request).
    expect(Math.min(...gaps(host))).toBeGreaterThanOrEqual(245);
  });
});
