/**
 * The SourceStore contract (issue 17): the same behaviour from SQLite (always) and PostgreSQL (TEST_DATABASE_URL or a
 * throwaway cluster). Called from each implementation's source-store.test.ts with a factory for a fresh, empty store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { samplePageRecord } from './sample-records.ts';
import type { NewSource } from './source-types.ts';
import type { Store } from './store.ts';

const SOURCE: NewSource = {
  id: 'src0000000a1',
  url: 'https://alwatan.example/rss.xml',
  name: 'الوطن',
  kind: 'feed',
  endpoints: [{ url: 'https://alwatan.example/rss.xml', kind: 'feed' }],
  everySeconds: 900,
  createdAt: '2026-12-03T08:00:00.000Z',
};
const LINKS = [
  { url: 'https://alwatan.example/a/1', title: 'الحكومة تقر الموازنة', published: '2026-12-03T06:00:00.000Z' },
  { url: 'https://alwatan.example/a/2', title: null, published: null },
  { url: 'https://alwatan.example/a/3', title: null, published: null },
];

export function describeSourceStoreContract(label: string, openEmpty: () => Promise<Store>): void {
  describe(`SourceStore contract: ${label}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await openEmpty();
    });
    afterEach(async () => {
      await store.close();
    });

    it('adds, finds by prefix, lists and removes a source; the same URL twice is a usage error', async () => {
      const added = await store.addSource(SOURCE);
      expect(added).toMatchObject({
        ...SOURCE,
        nextRunAt: SOURCE.createdAt,
        lastRunAt: null,
        itemsSeen: 0,
        articlesStored: 0,
      });
      await expect(store.addSource({ ...SOURCE, id: 'other0000000' })).rejects.toMatchObject({ code: 'usage/invalid' });
      expect((await store.getSource('src000'))?.id).toBe(SOURCE.id);
      expect(await store.listSources()).toHaveLength(1);
      expect(await store.removeSource(SOURCE.id)).toBe(true);
      expect(await store.removeSource(SOURCE.id)).toBe(false);
      expect(await store.getSource(SOURCE.id)).toBeNull();
    });

    it('queues each link once with the listing validators, settles outcomes, retries only what is due, and reports health', async () => {
      await store.addSource(SOURCE);
      const at = '2026-12-03T08:00:00.000Z';
      expect(
        await store.recordListing({
          sourceId: SOURCE.id,
          endpointUrl: SOURCE.url,
          validators: { etag: '"v1"', lastModified: null, body: null },
          links: LINKS,
          at,
        }),
      ).toBe(3);
      expect(
        await store.recordListing({
          sourceId: SOURCE.id,
          endpointUrl: SOURCE.url,
          validators: null,
          links: LINKS.slice(0, 2),
          at,
        }),
      ).toBe(0);
      expect(await store.getValidators(SOURCE.url)).toEqual({ etag: '"v1"', lastModified: null, body: null });
      const pending = await store.pendingItems(SOURCE.id, { now: at, limit: 10 });
      expect(pending.map((p) => p.url)).toEqual(LINKS.map((l) => l.url));
      expect(pending[0]).toMatchObject({
        feedTitle: 'الحكومة تقر الموازنة',
        feedPublished: '2026-12-03T06:00:00.000Z',
        attempts: 0,
      });
      const record = samplePageRecord({ variant: 7 });
      await store.writePages([record]);
      await store.settleItems(
        SOURCE.id,
        [
          { url: LINKS[0]!.url, state: 'done', pageId: record.page.id },
          {
            url: LINKS[1]!.url,
            state: 'failed',
            code: 'fetch/timeout',
            message: 'too slow',
            retryAt: '2026-12-03T09:00:00.000Z',
          },
          { url: LINKS[2]!.url, state: 'failed', code: 'input/too-large', message: 'too big', retryAt: null },
        ],
        '2026-12-03T08:05:00.000Z',
      );
      expect(await store.pendingItems(SOURCE.id, { now: '2026-12-03T08:30:00.000Z', limit: 10 })).toEqual([]);
      expect(
        (await store.pendingItems(SOURCE.id, { now: '2026-12-03T09:00:00.000Z', limit: 10 })).map((p) => [
          p.url,
          p.attempts,
        ]),
      ).toEqual([[LINKS[1]!.url, 1]]);
      await store.finishSourceRun(SOURCE.id, {
        at: '2026-12-03T08:06:00.000Z',
        status: 'partial',
        error: '2 failed',
        nextRunAt: '2026-12-03T08:21:00.000Z',
      });
      const health = await store.sourceHealth(SOURCE.id);
      expect(health).toMatchObject({
        lastStatus: 'partial',
        lastError: '2 failed',
        nextRunAt: '2026-12-03T08:21:00.000Z',
        itemsSeen: 3,
        itemsPending: 0,
        itemsFailed: 2,
        articlesStored: 1,
      });
      expect(health?.errors.map((e) => e.code)).toEqual(['input/too-large', 'fetch/timeout']);
      expect(health?.articlesPerDay).toEqual([{ day: '2026-12-03', articles: 1 }]);
    });

    it('keeps robots.txt bodies with their validators', async () => {
      await store.putValidators(
        'https://alwatan.example/robots.txt',
        { etag: '"r"', lastModified: 'Mon, 30 Nov 2026 12:00:00 GMT', body: 'User-agent: *\nDisallow: /private/' },
        '2026-12-03T08:00:00.000Z',
      );
      expect((await store.getValidators('https://alwatan.example/robots.txt'))?.body).toBe(
        'User-agent: *\nDisallow: /private/',
      );
      expect(await store.getValidators('https://nothing.example/robots.txt')).toBeNull();
    });
  });
}
