/**
 * The job queue that lets `marsad worker` processes on any number of machines share one PostgreSQL corpus:
 * pg-boss, in its own schema of the same database (`marsad_jobs`, or `<schema>_jobs` for a `?schema=` URL).
 * One queue, `marsad-pages`: a job is one page to analyse and store. Jobs are claimed with SELECT … FOR UPDATE
 * SKIP LOCKED; a worker that dies leaves its jobs active until their timeout, after which pg-boss's maintenance
 * (run by any live worker) puts them back for another worker. The stages a job runs are idempotent, so a retried
 * job stores nothing twice. Story clustering runs under a PostgreSQL advisory lock (`withStoriesLock`).
 */
import PgBoss from 'pg-boss';
import pg from 'pg';
import type { RawPage } from '../core/page.ts';
import { takeSchemaParam } from '../store/postgres/url.ts';

export const PAGE_QUEUE = 'marsad-pages';

export interface PageJobData {
  /** Where the page was read (`path`, `path#line`), for failure reports. */
  readonly source: string;
  readonly page: RawPage;
}

export interface PageJob {
  readonly id: string;
  readonly data: PageJobData;
}

export interface QueueOptions {
  /** Seconds a claimed job may stay active before it is handed to another worker (the visibility timeout). */
  readonly jobTimeoutSeconds?: number;
  /** Seconds between maintenance passes (expiring the jobs of dead workers). */
  readonly maintenanceSeconds?: number;
  /** Whether this process runs maintenance (workers do; a one-off enqueue does not). */
  readonly supervise?: boolean;
}

export interface QueueStats {
  readonly queued: number;
  readonly retrying: number;
  readonly active: number;
  readonly completed: number;
  readonly failed: number;
  /** Jobs completed in the last 60 seconds. */
  readonly completedLastMinute: number;
  readonly lastFailures: readonly { readonly source: string; readonly error: string; readonly at: string }[];
}

export interface PageQueue {
  readonly schema: string;
  enqueue(jobs: readonly PageJobData[]): Promise<number>;
  /** Claims up to `batchSize` jobs (none when the queue is empty). */
  claim(batchSize: number): Promise<readonly PageJob[]>;
  complete(ids: readonly string[]): Promise<void>;
  /** Fails one job with an error (retried while it has retries left, then listed by `marsad queue`). */
  fail(id: string, error: { code: string; message: string }): Promise<void>;
  stats(): Promise<QueueStats>;
  /** Runs `work` while holding the corpus-wide stories lock (an advisory lock; released if the process dies). */
  withStoriesLock<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Runs `work` under the stories lock if no other process holds it (pg_try_advisory_lock); otherwise runs nothing
   * and resolves `{ ran: false }` at once.
   */
  tryWithStoriesLock<T>(work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  close(): Promise<void>;
}

export const DEFAULT_JOB_TIMEOUT_SECONDS = 300;
/** Retries per job: enough for several worker deaths in a row; a page that fails analysis every time ends failed. */
const RETRY_LIMIT = 10;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/u;

/** Opens (installing pg-boss's tables on first use) the queue of the database at `location`. */
export async function openPageQueue(location: string, options: QueueOptions = {}): Promise<PageQueue> {
  const { url, schema: storeSchema } = takeSchemaParam(location);
  const schema = `${storeSchema ?? 'marsad'}_jobs`;
  if (!SCHEMA_NAME.test(schema)) throw new Error(`Bad queue schema name ${schema}`);
  const boss = new PgBoss({
    connectionString: url,
    schema,
    supervise: options.supervise ?? true,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 30,
    max: 3,
  });
  boss.on('error', () => undefined); // connection blips are retried by pg-boss; job errors are reported per job
  await boss.start();
  await boss.createQueue(PAGE_QUEUE).catch(() => undefined); // exists already (another process created it)
  const lockClient = new pg.Client({ connectionString: url });
  let lockConnected = false;
  const storiesLockKey = `marsad:stories:${storeSchema ?? 'public'}`;
  const connectLock = async (): Promise<void> => {
    if (lockConnected) return;
    await lockClient.connect();
    lockConnected = true;
  };
  const timeout = options.jobTimeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS;
  const db = boss.getDb();
  return {
    schema,
    async enqueue(jobs) {
      if (jobs.length === 0) return 0;
      await boss.insert(
        jobs.map((data) => ({
          name: PAGE_QUEUE,
          data,
          expireInSeconds: timeout,
          retryLimit: RETRY_LIMIT,
          retryDelay: 0,
        })),
      );
      return jobs.length;
    },
    async claim(batchSize) {
      const jobs = await boss.fetch<PageJobData>(PAGE_QUEUE, { batchSize });
      return jobs.map((job) => ({ id: job.id, data: job.data }));
    },
    async complete(ids) {
      if (ids.length > 0) await boss.complete(PAGE_QUEUE, [...ids]);
    },
    async fail(id, error) {
      await boss.fail(PAGE_QUEUE, id, error);
    },
    async stats() {
      const { rows } = await db.executeSql(
        `SELECT state::text AS state, count(*)::int AS n,
                count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '60 seconds')::int AS recent
         FROM ${schema}.job WHERE name = $1 GROUP BY state`,
        [PAGE_QUEUE],
      );
      const by = new Map<string, { n: number; recent: number }>(
        rows.map((r: { state: string; n: number; recent: number }) => [r.state, r]),
      );
      const failures = await db.executeSql(
        `SELECT data->>'source' AS source, output, completed_on FROM ${schema}.job
         WHERE name = $1 AND state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT 5`,
        [PAGE_QUEUE],
      );
      return {
        queued: by.get('created')?.n ?? 0,
        retrying: by.get('retry')?.n ?? 0,
        active: by.get('active')?.n ?? 0,
        completed: by.get('completed')?.n ?? 0,
        failed: by.get('failed')?.n ?? 0,
        completedLastMinute: by.get('completed')?.recent ?? 0,
        lastFailures: failures.rows.map((r: { source: string | null; output: unknown; completed_on: Date | null }) => ({
          source: r.source ?? '?',
          error: errorText(r.output),
          at: r.completed_on?.toISOString() ?? '',
        })),
      };
    },
    async withStoriesLock(work) {
      await connectLock();
      await lockClient.query('SELECT pg_advisory_lock(hashtext($1))', [storiesLockKey]);
      try {
        return await work();
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock(hashtext($1))', [storiesLockKey]);
      }
    },
    async tryWithStoriesLock(work) {
      await connectLock();
      const { rows } = await lockClient.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtext($1)) AS locked',
        [storiesLockKey],
      );
      if (!rows[0]?.locked) return { ran: false };
      try {
        return { ran: true, value: await work() };
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock(hashtext($1))', [storiesLockKey]);
      }
    },
    async close() {
      await boss.stop({ graceful: false, wait: true, close: true });
      if (lockConnected) await lockClient.end();
    },
  };
}

function errorText(output: unknown): string {
  if (output && typeof output === 'object') {
    const { code, message } = output as { code?: unknown; message?: unknown };
    if (typeof message === 'string') return typeof code === 'string' ? `[${code}] ${message}` : message;
  }
  return JSON.stringify(output);
}
