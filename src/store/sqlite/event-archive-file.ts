/**
 * A spill file for bounded clustering (issue 18): the frozen event clusters, their articles' features, every
 * article's MinHash signature and the near-duplicate LSH buckets, in a private SQLite file that is deleted on
 * close. It implements the corpus stage's `EventArchive` port (src/corpus/cluster/event-archive.ts) structurally,
 * so the store layer needs no corpus types. No journal, no fsync: the file lives and dies with one run.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EngineError } from '../../core/errors.ts';

/** Writes per transaction: one long transaction, committed every so often so the page cache can spill. */
const WRITES_PER_COMMIT = 20_000;
/** SQLite page cache (KiB, negative pragma form): counted in the process's RSS, so kept small. */
const CACHE_KIB = 32_768;
/**
 * Bits of the in-memory filter in front of the LSH table (16 MB). Most band keys are unique, so most lookups
 * would find nothing: the filter answers those without touching the file. At a million articles (16 M keys)
 * about one lookup in nine still reaches SQLite.
 */
const FILTER_BITS = 2 ** 27;
/**
 * Bits of the filter in front of the article ids (4 MB): clustering asks for every new article whether its id was
 * archived, and almost never was; the filter answers that without a lookup in the file (≈ 3% still reach it at a
 * million ids).
 */
const ID_FILTER_BITS = 2 ** 25;
/** LSH rows written by one statement: an article's 16 band keys arrive together (dedup/lsh.ts `lshInsert`). */
const APPEND_BATCH = 16;

/** The EventArchive methods, plus the file's life cycle. */
export interface EventArchiveFile {
  putArticle(record: {
    readonly number: number;
    readonly id: string;
    readonly features: string;
    readonly signature: Uint32Array | null;
  }): void;
  articleJson(number: number): string | null;
  signature(number: number): Uint32Array | null;
  numberOf(id: string): number | null;
  putCluster(number: number, state: string): void;
  clusterJson(number: number): string | null;
  items(key: string, limit: number): readonly number[];
  append(key: string, item: number, limit: number): void;
  /** The spill file (in its own temporary directory). */
  readonly path: string;
  /** Size of the file so far, in bytes. */
  bytes(): number;
  /** Closes and deletes the file. */
  close(): void;
}

/**
 * A band key as a 53-bit integer (two 32-bit FNV-1a variants). A collision only adds a candidate, which the
 * clustering then checks against the real signatures (estimated Jaccard), so it cannot make a false duplicate.
 */
function keyNumber(key: string): { value: number; bit: number } {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  a >>>= 0;
  b >>>= 0;
  return { value: (a & 0x1fffff) * 2 ** 32 + b, bit: ((a ^ Math.imul(b, 0x9e3779b1)) >>> 0) & (FILTER_BITS - 1) };
}

/** Bit of an article id in the id filter (32-bit FNV-1a). */
function idBit(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h >>> 0) & (ID_FILTER_BITS - 1);
}

/** Spill directories are `marsad-events-<pid>-<random>`: the pid tells a later run whether the owner still lives. */
const SPILL_PREFIX = 'marsad-events-';
const SPILL_NAME = /^marsad-events-(\d+)-/u;
/** Spill directories of this process not yet closed: removed if the process exits without closing them. */
const openHomes = new Set<string>();

function removeOpenHomes(): void {
  for (const home of openHomes) rmSync(home, { recursive: true, force: true });
  openHomes.clear();
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes spill directories under `base` whose process is gone: a run ended by a signal (SIGINT, SIGTERM, SIGKILL)
 * or a crash. Signals are not caught: clustering is one synchronous call, so a JavaScript signal handler would
 * only run after it, and Ctrl-C must stop a long run at once. Returns the directories removed. Directories of live processes, and names without a pid, are left alone.
 */
export function removeStaleSpills(base: string = tmpdir()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return removed;
  }
  for (const name of names) {
    const pid = Number(SPILL_NAME.exec(name)?.[1] ?? Number.NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    try {
      rmSync(join(base, name), { recursive: true, force: true });
      removed.push(join(base, name));
    } catch {
      // Another user's or a busy directory: not ours to force.
    }
  }
  return removed;
}

/**
 * Opens a fresh archive file in a new temporary directory (or under `dir`). Stale spills of killed runs there are
 * removed first; this one is removed on close, or on process exit (`exit` event) when it was left open.
 */
export function openEventArchiveFile(dir?: string): EventArchiveFile {
  const base = dir ?? tmpdir();
  removeStaleSpills(base);
  const home = mkdtempSync(join(base, `${SPILL_PREFIX}${process.pid}-`));
  if (openHomes.size === 0) process.on('exit', removeOpenHomes);
  openHomes.add(home);
  const path = join(home, 'events.sqlite');
  let db: Database.Database;
  try {
    db = new Database(path);
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma(`cache_size = -${CACHE_KIB}`);
    db.exec(`
      CREATE TABLE articles (n INTEGER PRIMARY KEY, id TEXT NOT NULL, features TEXT NOT NULL, signature BLOB);
      CREATE INDEX articles_id ON articles (id);
      CREATE TABLE clusters (n INTEGER PRIMARY KEY, state TEXT NOT NULL);
      CREATE TABLE lsh (key INTEGER NOT NULL, item INTEGER NOT NULL, PRIMARY KEY (key, item)) WITHOUT ROWID;
    `);
  } catch (error) {
    forget(home);
    throw new EngineError(
      'store/failed',
      `Cannot open the clustering spill file ${path}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  const open = db;
  const statements = {
    putArticle: open.prepare('INSERT OR IGNORE INTO articles (n, id, features, signature) VALUES (?, ?, ?, ?)'),
    article: open.prepare<[number], { features: string }>('SELECT features FROM articles WHERE n = ?'),
    signature: open.prepare<[number], { signature: Buffer | null }>('SELECT signature FROM articles WHERE n = ?'),
    numberOf: open.prepare<[string], { n: number }>('SELECT n FROM articles WHERE id = ?'),
    putCluster: open.prepare('INSERT OR REPLACE INTO clusters (n, state) VALUES (?, ?)'),
    cluster: open.prepare<[number], { state: string }>('SELECT state FROM clusters WHERE n = ?'),
    items: open.prepare<[number, number], { item: number }>('SELECT item FROM lsh WHERE key = ? ORDER BY item LIMIT ?'),
    append: open.prepare('INSERT OR IGNORE INTO lsh (key, item) VALUES (?, ?)'),
    appendBatch: open.prepare(
      `INSERT OR IGNORE INTO lsh (key, item) VALUES ${Array.from({ length: APPEND_BATCH }, () => '(?, ?)').join(', ')}`,
    ),
  };
  const filter = new Uint8Array(FILTER_BITS / 8);
  const idFilter = new Uint8Array(ID_FILTER_BITS / 8);
  /** LSH rows not yet written (key, item, key, item, …): written by APPEND_BATCH, and before any read of the table. */
  const pending: number[] = [];
  const flush = (): void => {
    for (let i = 0; i < pending.length; i += 2) statements.append.run(pending[i], pending[i + 1]);
    pending.length = 0;
  };
  let writes = 0;
  open.exec('BEGIN');
  const wrote = (): void => {
    if (++writes % WRITES_PER_COMMIT === 0) open.exec('COMMIT; BEGIN');
  };
  return {
    path,
    putArticle({ number, id, features, signature }) {
      const bit = idBit(id);
      idFilter[bit >>> 3]! |= 1 << (bit & 7);
      const bytes = signature ? Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength) : null;
      statements.putArticle.run(number, id, features, bytes);
      wrote();
    },
    articleJson: (number) => statements.article.get(number)?.features ?? null,
    signature(number) {
      const bytes = statements.signature.get(number)?.signature;
      if (!bytes) return null;
      // Copied out: the Buffer may share a pool, and a Uint32Array needs 4-byte alignment.
      const copy = new Uint32Array(bytes.byteLength / 4);
      new Uint8Array(copy.buffer).set(bytes);
      return copy;
    },
    numberOf(id) {
      const bit = idBit(id);
      if ((idFilter[bit >>> 3]! & (1 << (bit & 7))) === 0) return null;
      return statements.numberOf.get(id)?.n ?? null;
    },
    putCluster(number, state) {
      statements.putCluster.run(number, state);
      wrote();
    },
    clusterJson: (number) => statements.cluster.get(number)?.state ?? null,
    items(key, limit) {
      const { value, bit } = keyNumber(key);
      if ((filter[bit >>> 3]! & (1 << (bit & 7))) === 0) return [];
      flush();
      return statements.items.all(value, limit).map((row) => row.item);
    },
    append(key, item) {
      // Every item is kept; `items` cuts to the first `limit` (items arrive in increasing order).
      const { value, bit } = keyNumber(key);
      filter[bit >>> 3]! |= 1 << (bit & 7);
      pending.push(value, item);
      if (pending.length === 2 * APPEND_BATCH) {
        statements.appendBatch.run(pending);
        pending.length = 0;
      }
      wrote();
    },
    bytes() {
      flush();
      return (
        (open.pragma('page_count', { simple: true }) as number) * (open.pragma('page_size', { simple: true }) as number)
      );
    },
    close() {
      try {
        // Nothing in the file outlives it: the transaction is dropped with the file, not committed.
        if (open.open) open.close();
      } finally {
        forget(home);
      }
    },
  };
}

/** Deletes a spill directory and stops watching the process for it. */
function forget(home: string): void {
  rmSync(home, { recursive: true, force: true });
  openHomes.delete(home);
  if (openHomes.size === 0) process.off('exit', removeOpenHomes);
}
