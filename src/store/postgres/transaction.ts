/** Runs work on one pooled connection inside BEGIN … COMMIT, rolling back (and rethrowing) on any error. */
import type pg from 'pg';

/** `fn` gets the transaction's client; everything it does commits together or not at all. */
export async function withTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let result: T;
  try {
    await client.query('BEGIN');
    result = await fn(client);
    await client.query('COMMIT');
  } catch (error) {
    // A ROLLBACK that fails leaves the connection unusable (server gone, protocol broken): releasing it with that
    // error makes the pool destroy it instead of handing it out again. The caller gets the original error.
    const rollbackError = await client.query('ROLLBACK').then(
      () => undefined,
      (failure: unknown) => failure as Error,
    );
    client.release(rollbackError);
    throw error;
  }
  client.release();
  return result;
}
