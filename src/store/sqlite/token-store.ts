/** SQLite TokenStore: the api_tokens table (migrations/sqlite/0042_create_api_tokens.sql). */
import type { Database } from 'better-sqlite3';
import type { ApiTokenRecord, TokenStore } from '../token-types.ts';

const COLUMNS = 'id, name, role, token_hash AS tokenHash, created_at AS createdAt, revoked_at AS revokedAt';

/** TokenStore methods over an open, migrated database. */
export function createTokenStore(db: Database): TokenStore {
  const insert = db.prepare(
    'INSERT INTO api_tokens (id, name, role, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const byHash = db.prepare(`SELECT ${COLUMNS} FROM api_tokens WHERE token_hash = ?`);
  const all = db.prepare(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, id`);
  const revoke = db.prepare('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  return {
    async saveApiToken(t) {
      insert.run(t.id, t.name, t.role, t.tokenHash, t.createdAt, t.revokedAt);
    },
    async findApiToken(tokenHash) {
      return (byHash.get(tokenHash) as ApiTokenRecord | undefined) ?? null;
    },
    async listApiTokens() {
      return all.all() as ApiTokenRecord[];
    },
    async revokeApiToken(id, revokedAt) {
      return revoke.run(revokedAt, id).changes > 0;
    },
  };
}
