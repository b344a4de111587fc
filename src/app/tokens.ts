/**
 * API tokens: `marsad_<id>_<secret>` with 32 random bytes of secret. Only the SHA-256 of the whole token is stored,
 * so a copy of the database gives no usable token. Roles are ordered: reader < editor < admin.
 */
import { createHash, randomBytes } from 'node:crypto';
import { EngineError } from '../core/errors.ts';
import type { Store } from '../store/store.ts';
import type { ApiTokenRecord, TokenRole } from '../store/token-types.ts';

export type { TokenRole } from '../store/token-types.ts';

export const TOKEN_ROLES: readonly TokenRole[] = ['reader', 'editor', 'admin'];
const TOKEN_FORMAT = /^marsad_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/u;

/** Hex SHA-256 of a token: what is stored and looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** True when `role` may do what `needed` allows. */
export function roleAllows(role: TokenRole, needed: TokenRole): boolean {
  return TOKEN_ROLES.indexOf(role) >= TOKEN_ROLES.indexOf(needed);
}

export function isTokenRole(value: string): value is TokenRole {
  return (TOKEN_ROLES as readonly string[]).includes(value);
}

/** Creates and stores a token; the returned `token` is the only time it exists in clear. */
export async function createApiToken(
  store: Store,
  options: { role: TokenRole; name?: string; now?: () => Date },
): Promise<{ token: string; record: ApiTokenRecord }> {
  if (!isTokenRole(options.role))
    throw new EngineError('usage/invalid', `Role must be one of ${TOKEN_ROLES.join(', ')}.`);
  const id = randomBytes(6).toString('hex');
  const token = `marsad_${id}_${randomBytes(32).toString('base64url')}`;
  const record: ApiTokenRecord = {
    id,
    name: options.name ?? '',
    role: options.role,
    tokenHash: hashToken(token),
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    revokedAt: null,
  };
  await store.saveApiToken(record);
  return { token, record };
}

/** The role of a valid (well-formed, stored, not revoked) token; null otherwise. */
export async function tokenRole(store: Store, token: string): Promise<TokenRole | null> {
  if (!TOKEN_FORMAT.test(token)) return null;
  const record = await store.findApiToken(hashToken(token));
  return record && record.revokedAt === null ? record.role : null;
}
