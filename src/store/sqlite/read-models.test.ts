/**
 * The read models (entity_stats, event_cluster_views) against the answers computed the old way, on a realistic store:
 * the example Arabic pages ingested with the real pipeline (annotation on, small batches, stories updated after each
 * batch), then changed by hand to see the triggers follow, `check` find drift and `--repair` rebuild.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterWriteHooks } from '../../app/after-write.ts';
import { loadPageAnalyzer } from '../../app/analyzer.ts';
import { checkStore, repairStore } from '../../app/check.ts';
import { ingestInputs } from '../../app/ingest.ts';
import { createStoryReader } from '../../app/story-store-reader.ts';
import { packagePath } from '../../core/package-files.ts';
import type { EntitySummary } from '../entity-types.ts';
import type { Store } from '../store.ts';
import { openSqliteStore } from './sqlite-store.ts';

/** The entity list as it was computed before the read model (an aggregate over every mention), plus an id tie-break. */
const AGGREGATE_LIST = `
  SELECT key AS entityId,
    (SELECT json_extract(b.data, '$.type') FROM annotations b WHERE b.layer = 'entities' AND b.key = a.key
      GROUP BY json_extract(b.data, '$.type') ORDER BY count(*) DESC, 1 LIMIT 1) AS type,
    (SELECT json_extract(b.data, '$.canonical') FROM annotations b WHERE b.layer = 'entities' AND b.key = a.key
      GROUP BY json_extract(b.data, '$.canonical') ORDER BY count(*) DESC, 1 LIMIT 1) AS canonical,
    count(*) AS mentionCount, count(DISTINCT article_id) AS articleCount
  FROM annotations a WHERE layer = 'entities' AND key IS NOT NULL AND (? IS NULL OR article_id IN (SELECT value FROM json_each(?)))
  GROUP BY key HAVING ? IS NULL OR type = ?
  ORDER BY mentionCount DESC, canonical, entityId`;

/** The event-cluster list as it was computed before the read model: each stored story document parsed. */
function parsedClusters(db: Database.Database): unknown[] {
  const rows = db.prepare('SELECT id, detail FROM stories ORDER BY id LIMIT 500').all() as {
    id: string;
    detail: string;
  }[];
  return rows.flatMap(({ id, detail }) =>
    (
      JSON.parse(detail) as {
        eventClusters: {
          id: string;
          label: string;
          firstDate: string | null;
          lastDate: string | null;
          articles: { id: string; outlet: string | null; headline: string | null; published: string | null }[];
        }[];
      }
    ).eventClusters.map((c) => ({
      id: c.id,
      label: c.label,
      storylineId: id,
      firstDate: c.firstDate,
      lastDate: c.lastDate,
      articles: c.articles.map(({ id: articleId, outlet, headline, published }) => ({
        id: articleId,
        outlet,
        headline,
        published,
      })),
    })),
  );
}

let dir: string;
let store: Store;
let db: Database.Database;

const aggregate = (type: string | null, articleIds: readonly string[] | null): EntitySummary[] => {
  const ids = articleIds === null ? null : JSON.stringify(articleIds);
  return db.prepare(AGGREGATE_LIST).all(ids, ids, type, type) as EntitySummary[];
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-read-models-'));
  const path = join(dir, 'store.db');
  store = openSqliteStore(path);
  await ingestInputs(store, [packagePath('examples/pages')], {
    analyze: await loadPageAnalyzer({ annotate: true }),
    maxBytes: 1_000_000,
    batchSize: 3,
    afterBatch: afterWriteHooks(store),
  });
  db = new Database(path);
}, 120_000);

afterAll(async () => {
  db.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('read models on the example pages (real pipeline, stories after each batch of 3)', () => {
  it('lists entities exactly as the aggregate over every mention did, for every type and storyline', async () => {
    const all = aggregate(null, null);
    expect(all.length).toBeGreaterThan(20);
    expect(await store.listEntities({ limit: 1_000 })).toEqual(all);
    expect(await store.listEntities({ limit: 7, offset: 5 })).toEqual(all.slice(5, 12));
    for (const type of ['PERS', 'ORG', 'LOC', 'MISC'] as const)
      expect(await store.listEntities({ limit: 1_000, type })).toEqual(aggregate(type, null));
    const reader = createStoryReader(store);
    const storylines = await reader.listStorylines();
    expect(storylines.length).toBeGreaterThan(1);
    for (const storyline of storylines) {
      const ids = await reader.storylineArticleIds(storyline.id);
      const expected = aggregate(null, ids);
      expect(expected.length).toBeGreaterThan(0);
      expect(await store.listEntities({ limit: 1_000, articleIds: ids })).toEqual(expected);
      expect(await store.listEntities({ limit: 1_000, articleIds: ids, type: 'LOC' })).toEqual(aggregate('LOC', ids));
    }
  });

  it('walks the entity list with keyset cursors to the same sequence as one long page', async () => {
    const all = await store.listEntities({ limit: 1_000 });
    const walked: EntitySummary[] = [];
    let after: { mentionCount: number; canonical: string; entityId: string } | undefined;
    for (;;) {
      const page = await store.listEntities({ limit: 4, ...(after ? { after } : {}) });
      walked.push(...page);
      const last = page.at(-1);
      if (page.length < 4 || !last) break;
      after = { mentionCount: last.mentionCount, canonical: last.canonical, entityId: last.entityId };
    }
    expect(walked).toEqual(all);
  });

  it('lists event clusters exactly as parsing the stored story documents did, byte for byte', async () => {
    const expected = parsedClusters(db);
    expect(expected.length).toBeGreaterThan(1);
    const rows = await store.listEventClusterViews({ storylineLimit: 500 });
    expect(rows.map((r) => JSON.parse(r.json))).toEqual(expected);
    expect(rows.map((r) => r.json)).toEqual(expected.map((c) => JSON.stringify(c)));
    const reader = createStoryReader(store);
    expect(await reader.listEventClusters()).toEqual(expected);
    const first = expected[0] as { id: string };
    expect(await reader.getEventCluster(first.id)).toEqual(first);
    // Pages of 2 with cursors cover the same list.
    const pages: string[] = [];
    let after: { storylineId: string; position: number } | undefined;
    for (;;) {
      const page = await reader.eventClusterPage({ limit: 2, ...(after ? { after } : {}) });
      pages.push(...page.itemsJson);
      if (!page.next) break;
      after = page.next;
    }
    expect(pages).toEqual(rows.map((r) => r.json));
  });

  it('follows deleted articles and removed stories, and bumps the data generations', async () => {
    const before = await store.dataGeneration(['entities', 'stories', 'articles']);
    const personForms = db.prepare('SELECT count(*) FROM person_name_forms').pluck();
    expect(personForms.get()).toBeGreaterThan(0);
    const pageId = (db.prepare('SELECT page_id FROM articles ORDER BY seq LIMIT 1').pluck().get() as string) ?? '';
    db.prepare('DELETE FROM pages WHERE id = ?').run(pageId);
    const story = (await store.storyIds())[0]!;
    await store.writeStories({ upsert: [], remove: [story] });
    expect(await store.listEntities({ limit: 1_000 })).toEqual(aggregate(null, null));
    expect((await store.listEventClusterViews({ storylineLimit: 500 })).map((r) => JSON.parse(r.json))).toEqual(
      parsedClusters(db),
    );
    expect(await store.readModelDrift()).toEqual({ entityStats: 0, eventClusterViews: 0 });
    expect(await store.dataGeneration(['entities', 'stories', 'articles'])).not.toBe(before);
  });

  it('check reports read models broken by hand and --repair rebuilds them', async () => {
    // A lost person name form is one row of drift.
    db.exec('DELETE FROM person_name_forms WHERE rowid IN (SELECT rowid FROM person_name_forms LIMIT 1)');
    expect((await store.readModelDrift()).entityStats).toBe(1);
    db.exec(`UPDATE entity_stats SET mention_count = mention_count + 5 WHERE rowid IN (SELECT rowid FROM entity_stats LIMIT 2);
      DELETE FROM event_cluster_views WHERE rowid IN (SELECT rowid FROM event_cluster_views LIMIT 1);`);
    const drift = await store.readModelDrift();
    expect(drift.entityStats).toBeGreaterThanOrEqual(3);
    expect(drift.eventClusterViews).toBe(1);
    const report = await checkStore(store);
    expect(report.violations.map((v) => v.kind)).toEqual(
      expect.arrayContaining(['entity-stats-stale', 'cluster-views-stale']),
    );
    await repairStore(store);
    expect(await store.readModelDrift()).toEqual({ entityStats: 0, eventClusterViews: 0 });
    // The repair also rewrites the stories from the replay (the one removed by hand above comes back).
    expect(await store.listEntities({ limit: 1_000 })).toEqual(aggregate(null, null));
    expect((await store.listEventClusterViews({ storylineLimit: 500 })).map((r) => JSON.parse(r.json))).toEqual(
      parsedClusters(db),
    );
    expect(
      (await checkStore(store)).violations.filter(
        (v) => v.kind === 'entity-stats-stale' || v.kind === 'cluster-views-stale',
      ),
    ).toEqual([]);
  });
});
