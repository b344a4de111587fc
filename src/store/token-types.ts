/**
 * API tokens part of the Store port (issue 16): who may read and write through the HTTP API. Only a SHA-256 hash of
 * each token is stored (src/app/tokens.ts makes and checks tokens); the token itself is shown once, at creation.
 */

export type TokenRole = 'reader' | 'editor' | 'admin';

export interface ApiTokenRecord {
  readonly id: string;
  readonly name: string;
  readonly role: TokenRole;
  /** Hex SHA-256 of the whole token. */
  readonly tokenHash: string;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  /** ISO-8601 UTC, null while the token is valid. */
  readonly revokedAt: string | null;
}

export interface TokenStore {
  saveApiToken(token: ApiTokenRecord): Promise<void>;
  /** The token with this hash, revoked or not; null when none. */
  findApiToken(tokenHash: string): Promise<ApiTokenRecord | null>;
  /** Every token, oldest first. */
  listApiTokens(): Promise<readonly ApiTokenRecord[]>;
  /** Marks the token revoked; false when no valid token has this id. */
  revokeApiToken(id: string, revokedAt: string): Promise<boolean>;
}
