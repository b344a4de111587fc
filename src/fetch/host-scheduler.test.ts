import { describe, expect, it } from 'vitest';
import { createHostScheduler } from './host-scheduler.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createHostScheduler', () => {
  it('gives no second turn on a host before the first request was sent, and counts the delay from the send', async () => {
    let clock = 0;
    const scheduler = createHostScheduler({ maxConnections: 2, minDelayMs: 50, now: () => clock });
    const first = await scheduler.acquire('akhbar.example');
    let second = false;
    const pending = scheduler.acquire('akhbar.example').then((turn) => {
      second = true;
      return turn;
    });
    clock = 1000; // a long stall after the first turn, its request still not sent
    await tick();
    expect(second).toBe(false);
    first.sent(); // sent at 1000: the next start is due at 1050
    await tick();
    expect(second).toBe(false);
    clock = 1050;
    await new Promise((resolve) => setTimeout(resolve, 70));
    expect(second).toBe(true);
    (await pending).release();
    first.release();
  });

  it('caps the turns in flight per host; other hosts are independent', async () => {
    const scheduler = createHostScheduler({ maxConnections: 2, minDelayMs: 0 });
    const a = await scheduler.acquire('a.example');
    a.sent();
    const b = await scheduler.acquire('a.example');
    b.sent();
    let third = false;
    void scheduler.acquire('a.example').then((turn) => {
      third = true;
      turn.release();
    });
    const other = await scheduler.acquire('b.example');
    other.release();
    await tick();
    expect(third).toBe(false);
    a.release();
    await tick();
    expect(third).toBe(true);
    b.release();
  });

  it('a request that fails before it is sent frees the host at its release', async () => {
    const scheduler = createHostScheduler({ maxConnections: 2, minDelayMs: 0 });
    const failed = await scheduler.acquire('a.example');
    let next = false;
    void scheduler.acquire('a.example').then((turn) => {
      next = true;
      turn.release();
    });
    await tick();
    expect(next).toBe(false);
    failed.release();
    await tick();
    expect(next).toBe(true);
  });
});
