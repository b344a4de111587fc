import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor } from '../../core/ids.ts';
import { MIGRATIONS_ROOT } from '../migration-files.ts';
import { samplePageRecord } from '../sample-records.ts';
import { describeMethodGroupsContract } from '../method-groups.contract.ts';
import { describeStoreContract } from '../store.contract.ts';
import { openStore } from '../open.ts';
import { createSchemaIfMissing, loadPostgresMigrations, migratePostgres } from './migrate.ts';
import { openPostgresStore } from './postgres-store.ts';
import { createPostgresSearchIndex } from './search-index.ts';
import { postgresTestTarget, startTestDatabase, type TestDatabase } from './testing/test-database.ts';

const target = postgresTestTarget(process.env);
const tmp = mkdtempSync(join(tmpdir(), 'marsad-pg-migrations-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('PostgreSQL migrations (files)', () => {
  it('has a PostgreSQL twin for every SQLite migration, so both dialects reach the same schema version', () => {
    const names = (dialect: string) =>
      readdirSync(join(MIGRATIONS_ROOT, dialect))
        .filter((f) => f.endsWith('.sql'))
        .sort();
    expect(names('postgres')).toEqual(names('sqlite'));
  });
});

describe('PostgreSQL store without a server', () => {
  it('reports an unreachable server as a store error that does not echo the password', async () => {
    const opening = openPostgresStore('postgres://marsad:s3cret@127.0.0.1:1/marsad');
    await expect(opening).rejects.toMatchObject({
      code: 'store/failed',
      message: expect.stringContaining('postgres://marsad:***@127.0.0.1:1/marsad'),
    });
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(
      openPostgresStore('postgres://x@127.0.0.1:1/x', { schema: 'a; DROP TABLE pages' }),
    ).rejects.toMatchObject({ code: 'usage/invalid' });
  });
});

describe.skipIf(target === null)('PostgreSQL store', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await startTestDatabase(target!);
  });
  afterAll(async () => {
    await database?.stop();
  });

  describeStoreContract('postgres', () => database.openEmptyStore());
  describeMethodGroupsContract('postgres', () => database.openEmptyStore());

  const pools: pg.Pool[] = [];
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((pool) => pool.end()));
  });

  /** A pool confined to a new schema, for tests that talk SQL directly; ended after the test, pass or fail. */
  async function schemaPool(): Promise<pg.Pool> {
    const pool = new pg.Pool({
      connectionString: database.url,
      max: 2,
      options: `-c search_path=${database.freshSchema()}`,
    });
    pools.push(pool);
    const schema = /search_path=(?<name>\w+)/u.exec(String(pool.options.options))!.groups!.name!;
    await createSchemaIfMissing(pool, schema);
    return pool;
  }

  it('records every migration once, in name order, and applies nothing on reopen', async () => {
    const pool = await schemaPool();
    const names = await migratePostgres(pool);
    expect(names).toEqual(loadPostgresMigrations().map((m) => m.name));
    expect(names.slice(0, 3)).toEqual(['0001_create_pages', '0002_create_articles', '0003_create_annotations']);
    expect(await migratePostgres(pool)).toEqual([]);
    const { rows } = await pool.query('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(names);
  });

  it('rolls back a failing migration entirely and names it', async () => {
    const dir = join(tmp, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, '0001_create_things.sql'), 'CREATE TABLE things (id TEXT PRIMARY KEY);');
    writeFileSync(join(dir, '0002_add_broken.sql'), 'CREATE TABLE half (id TEXT); INSERT INTO nowhere VALUES (1);');
    const pool = await schemaPool();
    await expect(migratePostgres(pool, loadPostgresMigrations(dir))).rejects.toThrow(/0002_add_broken failed/);
    const { rows } = await pool.query(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1',
    );
    expect(rows.map((r) => r.table_name)).toEqual(['schema_migrations', 'things']);
  });

  it('enforces span invariants in the schema', async () => {
    const pool = await schemaPool();
    await migratePostgres(pool);
    await pool.query(
      "INSERT INTO pages (id, url, fetched_at, content_type, body) VALUES ('p', 'u', 't', 'text/plain', 'نص')",
    );
    const insert = (seq: number, start: number, end: number) =>
      pool.query("INSERT INTO spans (page_id, seq, kind, start_offset, end_offset) VALUES ('p', $1, 'body', $2, $3)", [
        seq,
        start,
        end,
      ]);
    await expect(insert(0, 2, 2)).rejects.toThrow(/check constraint/);
    await expect(insert(1, -1, 2)).rejects.toThrow(/check constraint/);
    expect((await insert(2, 0, 2)).rowCount).toBe(1);
  });

  it('stores a page whose text holds U+0000 (from a JSONL «\\u0000»), keeping every offset and slice valid', async () => {
    const store = await database.openEmptyStore();
    const clean = samplePageRecord({ variant: 6 });
    const source = clean.articles[0]!;
    const body = source.article.body.replace('صباح', 'صباح\u0000');
    // «وزير الزراعة» sits before the inserted U+0000, so its offsets are unchanged.
    const minister = source.annotations!.entities[0]!;
    const record = {
      ...clean,
      articles: [
        {
          article: { ...source.article, body },
          annotations: { ...source.annotations!, entities: [minister], quantities: [], quotes: [], times: [] },
        },
      ],
    };
    await store.writePages([record]);
    const stored = await store.getArticle(articleIdFor(record.page.id, 0));
    expect(stored?.body).toBe(body.replace('\u0000', '\uFFFD'));
    expect(stored?.body).toHaveLength(body.length);
    expect(stored!.body.slice(minister.start, minister.end)).toBe(minister.text);
    expect(stored?.annotations?.entities).toEqual([minister]);
    await store.close();
  });

  it('ranks only the most recently indexed matches beyond the candidate window, keeping the count exact', async () => {
    const pool = await schemaPool();
    await migratePostgres(pool);
    const index = createPostgresSearchIndex(pool, { maxRankedCandidates: 2 });
    const doc = (articleId: string, headlineTerms: string, bodyTerms: string, outlet: string | null = null) => ({
      articleId,
      outlet,
      published: null,
      headlineTerms,
      bodyTerms,
      analyzerVersion: 1,
    });
    await index.upsertSearchDocuments([
      doc('a1', 'بغداد', 'واشنطن', 'المدى'),
      doc('a2', 'واشنطن', 'زيار'),
      doc('a3', 'لندن', 'واشنطن واشنطن'),
      doc('a4', 'عمان', 'واشنطن'),
    ]);
    const result = await index.searchDocuments({ match: '"واشنطن"', filters: {}, limit: 2, offset: 0 });
    expect([result.total, result.rankedCandidates]).toEqual([4, 2]);
    expect(result.hits.map((h) => h.articleId)).toEqual(['a3', 'a4']);
    const deep = await index.searchDocuments({ match: '"واشنطن"', filters: {}, limit: 2, offset: 2 });
    // All four ranked now: a2 (headline) and a3 (twice in the body) lead; a1 and a4 tie and keep index order.
    expect([deep.rankedCandidates, deep.hits.map((h) => h.articleId)]).toEqual([4, ['a1', 'a4']]);
    const filtered = await index.searchDocuments({
      match: '"واشنطن"',
      filters: { outlet: 'المدى' },
      limit: 10,
      offset: 0,
    });
    expect([filtered.total, filtered.hits.map((h) => h.articleId)]).toEqual([1, ['a1']]);
  });

  it('reports a driver failure as a store error naming the method', async () => {
    const store = await database.openEmptyStore();
    const broken = {
      id: 's',
      label: 'قصة',
      firstDate: null,
      lastDate: null,
      articleCount: 0,
      eventCount: 1,
      outlets: [],
      detail: '{}',
    };
    await expect(store.writeStories({ upsert: [broken], remove: [] })).rejects.toMatchObject({
      code: 'store/failed',
      message: expect.stringMatching(/writeStories: .*check constraint/),
    });
    await store.close();
  });

  it('lets two processes open a fresh schema at once: migrations run once, both stores work', async () => {
    const schema = database.freshSchema();
    const stores = await Promise.all([
      openPostgresStore(database.url, { schema }),
      openPostgresStore(database.url, { schema }),
    ]);
    await stores[0]!.writePages([samplePageRecord()]);
    expect(await stores[1]!.countArticles()).toBe(1);
    await Promise.all(stores.map((s) => s.close()));
  });

  it('lets two writers store overlapping batches in opposite orders at once: no deadlock, each page once', async () => {
    const schema = database.freshSchema();
    const [first, second] = await Promise.all([
      openPostgresStore(database.url, { schema }),
      openPostgresStore(database.url, { schema }),
    ]);
    // 400 pages make the two inserts overlap: with inserts in batch order instead of id order this deadlocked in 2 of 3 runs.
    const records = Array.from({ length: 400 }, (_, i) => samplePageRecord({ variant: 100 + i }));
    const results = await Promise.all([first!.writePages(records), second!.writePages([...records].reverse())]);
    expect(results[0]!.newPageIds.length + results[1]!.newPageIds.length).toBe(400);
    expect(new Set([...results[0]!.newArticleIds, ...results[1]!.newArticleIds]).size).toBe(400);
    expect(await first!.countArticles()).toBe(400);
    await Promise.all([first!.close(), second!.close()]);
  });

  it('keeps stores in different schemas apart', async () => {
    const [a, b] = [await database.openEmptyStore(), await database.openEmptyStore()];
    await a.writePages([samplePageRecord()]);
    expect([await a.countPages(), await b.countPages()]).toEqual([1, 0]);
    await Promise.all([a.close(), b.close()]);
  });

  it('is chosen by openStore for a postgres:// URL, whose options can confine it to a schema', async () => {
    const schema = database.freshSchema();
    const seed = await openPostgresStore(database.url, { schema });
    await seed.writePages([samplePageRecord({ variant: 4 })]);
    await seed.close();
    const url = `${database.url}${database.url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    const store = await openStore({ path: url });
    expect(store.dialect).toBe('postgres');
    const [summary] = await store.listArticles({ limit: 5 });
    expect(summary?.id).toBe(articleIdFor(samplePageRecord({ variant: 4 }).page.id, 0));
    await store.close();
    await store.close();
  });
});
