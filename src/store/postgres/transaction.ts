/** Runs work on one pooled connection inside BEGIN … COMMIT, rolling back (and rethrowing) on any error. */
import type pg from 'pg';

/** `fn` gets the transaction's client; everything it does commits together or not at all. */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let isBroken = false;
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      // The connection is unusable (e.g. the server went away): drop it from the pool, report the original error.
      isBroken = rollbackError instanceof Error;
    }
    throw error;
  } finally {
    client.release(isBroken);
  }
}
