import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeMethodGroupsContract } from '../method-groups.contract.ts';
import { describeStoreContract } from '../store.contract.ts';
import { samplePageRecord } from '../sample-records.ts';
import { openStore } from '../open.ts';
import { loadMigrations, migrate, SQLITE_MIGRATIONS_DIR } from './migrate.ts';
import { openSqliteStore } from './sqlite-store.ts';

describeStoreContract('sqlite in memory', async () => openSqliteStore(':memory:'));
describeMethodGroupsContract('sqlite in memory', async () => openSqliteStore(':memory:'));

const dir = mkdtempSync(join(tmpdir(), 'marsad-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite store on disk', () => {
  it('opens through openStore in WAL mode with foreign keys and keeps data across reopen', async () => {
    const path = join(dir, 'reopen.db');
    const store = await openStore({ path });
    const record = samplePageRecord();
    await store.writePages([record]);
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    const again = await openStore({ path });
    expect(again.dialect).toBe('sqlite');
    expect(await again.countArticles()).toBe(1);
    await again.close();
  });

  it('records every migration once, in name order, and applies nothing on reopen', () => {
    const db = new Database(':memory:');
    const names = migrate(db);
    expect(names).toEqual(loadMigrations(SQLITE_MIGRATIONS_DIR).map((m) => m.name));
    expect([...names].sort()).toEqual(names);
    expect(names.slice(0, 3)).toEqual(['0001_create_pages', '0002_create_articles', '0003_create_annotations']);
    expect(migrate(db)).toEqual([]);
    db.close();
  });

  it('rolls back a failing migration entirely and names it', () => {
    const migrations = join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(join(migrations, '0001_create_things.sql'), 'CREATE TABLE things (id TEXT PRIMARY KEY);');
    writeFileSync(
      join(migrations, '0002_add_broken.sql'),
      'CREATE TABLE half (id TEXT); INSERT INTO nowhere VALUES (1);',
    );
    const db = new Database(':memory:');
    expect(() => migrate(db, loadMigrations(migrations))).toThrow(/0002_add_broken failed/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['schema_migrations', 'things']);
    db.close();
  });

  it('refuses a migration file that breaks the naming rule', () => {
    const migrations = join(dir, 'bad-names');
    mkdirSync(migrations);
    writeFileSync(join(migrations, 'add-stuff.sql'), 'SELECT 1;');
    expect(() => loadMigrations(migrations)).toThrow(/NNNN_verb_object/);
  });

  it('enforces span invariants in the schema', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare(
      "INSERT INTO pages (id, url, fetched_at, content_type, body) VALUES ('p', 'u', 't', 'text/plain', 'نص')",
    ).run();
    const insert = db.prepare(
      "INSERT INTO spans (page_id, seq, kind, start_offset, end_offset) VALUES ('p', ?, 'body', ?, ?)",
    );
    expect(() => insert.run(0, 2, 2)).toThrow(/CHECK/);
    expect(() => insert.run(1, -1, 2)).toThrow(/CHECK/);
    expect(insert.run(2, 0, 2).changes).toBe(1);
    db.close();
  });

  it('reports an unopenable path as a store error', async () => {
    await expect(openStore({ path: join(dir, 'missing-dir', 'x.db') })).rejects.toMatchObject({ code: 'store/failed' });
  });
});
