import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient, retryDelayMs, DEFAULT_RETRY } from './http-client.ts';
import type { Resolver } from './safe-lookup.ts';
import { blockedAddressReason } from './address-safety.ts';

let server: Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    hits++;
    if (request.url === '/robots.txt') return void response.writeHead(404).end();
    if (request.url === '/to-metadata')
      return void response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (request.url === '/to-named')
      return void response.writeHead(302, { location: `http://intranet.example:${port}/page` }).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>خبر</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A DNS stub: no real DNS traffic in tests. */
const STUB: Record<string, { address: string; family: 4 | 6 }[]> = {
  'news.example': [{ address: '127.0.0.1', family: 4 }],
  'intranet.example': [{ address: '10.0.0.7', family: 4 }],
  'public.example': [{ address: '93.184.216.34', family: 4 }],
};
const stubResolver: Resolver = async (hostname) => {
  const found = STUB[hostname];
  if (!found) throw new Error(`ENOTFOUND ${hostname}`);
  return found;
};

function client(allowPrivateNetwork: boolean) {
  return createHttpClient({
    userAgent: 'Marsad/test',
    allowPrivateNetwork,
    resolve: stubResolver,
    limits: { maxBytes: 100_000, maxDecodedBytes: 100_000 },
    politeness: { minDelayMs: 0 },
    retry: { retries: 0 },
  });
}

describe('address safety (default: public addresses only)', () => {
  it.each([
    ['http://127.0.0.1:PORT/', /127\.0\.0\.1 is a loopback address/u],
    ['http://10.0.0.1/', /10\.0\.0\.1 is a private address/u],
    ['http://169.254.169.254/latest/meta-data/', /169\.254\.169\.254 is a link-local \(cloud metadata\) address/u],
    ['http://[::1]:PORT/', /::1 is a loopback address/u],
    ['http://[::ffff:127.0.0.1]:PORT/', /loopback/u],
    ['http://2130706433:PORT/', /127\.0\.0\.1 is a loopback address/u],
    ['http://news.example:PORT/', /127\.0\.0\.1 \(news\.example resolves to 127\.0\.0\.1\) is a loopback address/u],
  ])('refuses %s before connecting, naming the flag', async (url, message) => {
    const c = client(false);
    const before = hits;
    await expect(c.fetch(url.replace('PORT', String(port)))).rejects.toMatchObject({
      code: 'fetch/blocked',
      message: expect.stringMatching(message),
    });
    await expect(c.fetch(url.replace('PORT', String(port)))).rejects.toThrow(/--allow-private-network/u);
    expect(hits).toBe(before);
    await c.close();
  });

  it('refuses non-http schemes', async () => {
    const c = client(true);
    await expect(c.fetch('file:///etc/passwd')).rejects.toMatchObject({ code: 'fetch/blocked' });
    await c.close();
  });

  it('checks again after every redirect, for literal addresses and for names', async () => {
    // The real rules, except that the test server's own 127.0.0.1 counts as public.
    const strict = createHttpClient({
      userAgent: 'Marsad/test',
      allowPrivateNetwork: false,
      resolve: stubResolver,
      limits: { maxBytes: 100_000, maxDecodedBytes: 100_000 },
      politeness: { minDelayMs: 0 },
      blockedReason: (address) => (address === '127.0.0.1' ? null : blockedAddressReason(address)),
    });
    expect((await strict.fetch(`http://news.example:${port}/page`)).kind).toBe('ok');
    await expect(strict.fetch(`http://news.example:${port}/to-metadata`)).rejects.toMatchObject({
      code: 'fetch/blocked',
      message: expect.stringMatching(/169\.254\.169\.254/u),
    });
    await expect(strict.fetch(`http://news.example:${port}/to-named`)).rejects.toMatchObject({
      code: 'fetch/blocked',
      message: expect.stringMatching(/intranet\.example resolves to 10\.0\.0\.7/u),
    });
    await strict.close();
  });
});

describe('retryDelayMs', () => {
  it('honours Retry-After in seconds and as an HTTP date, else backs off exponentially', () => {
    const now = new Date('2026-12-03T10:00:00Z');
    expect(retryDelayMs('3', { attempt: 0, retry: DEFAULT_RETRY, now })).toBe(3000);
    expect(retryDelayMs('Thu, 03 Dec 2026 10:00:10 GMT', { attempt: 0, retry: DEFAULT_RETRY, now })).toBe(10_000);
    expect(retryDelayMs(undefined, { attempt: 2, retry: DEFAULT_RETRY, now })).toBe(DEFAULT_RETRY.baseDelayMs * 4);
  });
});
