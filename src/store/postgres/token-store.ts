/** PostgreSQL TokenStore: the api_tokens table (migrations/postgres/0042_create_api_tokens.sql). */
import type pg from 'pg';
import type { ApiTokenRecord, TokenStore } from '../token-types.ts';
import { prepared } from './prepared.ts';

const COLUMNS = 'id, name, role, token_hash AS "tokenHash", created_at AS "createdAt", revoked_at AS "revokedAt"';

/** TokenStore methods over a pool on a migrated schema. */
export function createTokenStore(pool: pg.Pool): TokenStore {
  return {
    async saveApiToken(t) {
      await prepared(
        pool,
        'INSERT INTO api_tokens (id, name, role, token_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [t.id, t.name, t.role, t.tokenHash, t.createdAt, t.revokedAt],
      );
    },
    async findApiToken(tokenHash) {
      return (
        (await prepared<ApiTokenRecord>(pool, `SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = $1`, [tokenHash]))
          .rows[0] ?? null
      );
    },
    async listApiTokens() {
      return (await prepared<ApiTokenRecord>(pool, `SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, id`)).rows;
    },
    async revokeApiToken(id, revokedAt) {
      const result = await prepared(
        pool,
        'UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL',
        [revokedAt, id],
      );
      return (result.rowCount ?? 0) > 0;
    },
  };
}
