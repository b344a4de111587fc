/**
 * The team-mode stories lock on a throwaway PostgreSQL: `tryWithStoriesLock` runs nothing while another queue
 * connection holds the lock, and runs once it is free.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPageQueue } from '../../src/queue/page-queue.ts';
import {
  postgresTestTarget,
  startTestDatabase,
  type TestDatabase,
} from '../../src/store/postgres/testing/test-database.ts';

const target = postgresTestTarget(process.env);

describe.skipIf(target === null)('page queue: the stories lock', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await startTestDatabase(target!);
  }, 60_000);
  afterAll(async () => {
    await database?.stop();
  });

  it('is tried without waiting: skipped while held elsewhere, taken once free', async () => {
    const url = `${database.url}${database.url.includes('?') ? '&' : '?'}schema=${database.freshSchema()}`;
    const [first, second] = [
      await openPageQueue(url, { supervise: false }),
      await openPageQueue(url, { supervise: false }),
    ];
    let ranInside = false;
    const whileHeld = await first.withStoriesLock(() =>
      second.tryWithStoriesLock(async () => {
        ranInside = true;
        return 1;
      }),
    );
    expect(whileHeld).toEqual({ ran: false });
    expect(ranInside).toBe(false);
    expect(await second.tryWithStoriesLock(async () => 7)).toEqual({ ran: true, value: 7 });
    // Released after the work: the first connection takes it again, also through a try.
    expect(await first.tryWithStoriesLock(async () => 'again')).toEqual({ ran: true, value: 'again' });
    await Promise.all([first.close(), second.close()]);
  }, 60_000);
});
