/**
 * Who may use the API (issue 16). Every request's Host header must name this server (localhost names by default,
 * plus configured names), which defeats DNS rebinding: a page from another site that re-points its name to 127.0.0.1
 * still sends its own name. Writes need an editor or admin token (`Authorization: Bearer <token>`); reads need any
 * valid token when the server is bound beyond loopback. The health check, the OpenAPI document and the web UI's
 * static files stay open (the UI asks for a token when the API answers 401).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { roleAllows, tokenRole } from '../app/tokens.ts';
import type { Store } from '../store/store.ts';
import type { TokenRole } from '../store/token-types.ts';
import { HttpError } from './http-errors.ts';

/** Host names always accepted: the loopback names a local browser or client uses. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];
const OPEN_PATHS: ReadonlySet<string> = new Set(['/api/health', '/api/openapi.json']);
const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface AccessOptions {
  /** Host names accepted besides the loopback ones (lower case, no port). */
  readonly allowedHosts?: readonly string[];
  /** Reads need a token too (the server is reachable beyond loopback). */
  readonly readsNeedToken?: boolean;
}

/** True for an address only this machine can reach. */
export function isLoopbackAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/u.test(host);
}

/** The host name of a Host header, lower case, without port or IPv6 brackets; null when malformed. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  const bracketed = /^\[(?<ip>[0-9a-f:.]+)\](?::\d{1,5})?$/u.exec(value);
  if (bracketed) return bracketed.groups!.ip!;
  const plain = /^(?<name>[a-z0-9.-]+)(?::\d{1,5})?$/u.exec(value);
  return plain ? plain.groups!.name!.replace(/\.$/u, '') : null;
}

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(?<token>\S+)\s*$/iu.exec(header) : null;
  return match?.groups?.token ?? null;
}

/** The role a request needs, or null when it needs none. */
function neededRole(request: FastifyRequest, options: AccessOptions): TokenRole | null {
  const path = request.url.split('?')[0] ?? '';
  if (!path.startsWith('/api/') || OPEN_PATHS.has(path)) return null;
  if (!READ_METHODS.has(request.method)) return 'editor';
  return options.readsNeedToken ? 'reader' : null;
}

/** Installs the Host check and token check on every request. */
export function installAccessControl(app: FastifyInstance, store: Store, options: AccessOptions = {}): void {
  const hosts = new Set([
    ...LOOPBACK_HOSTS,
    ...(options.allowedHosts ?? []).map((h) => hostName(h) ?? h.toLowerCase()),
  ]);
  app.addHook('onRequest', async (request, reply) => {
    const host = hostName(request.headers.host);
    if (host === null || !hosts.has(host)) {
      throw new HttpError(
        421,
        'misdirected-host',
        `This server does not answer for host «${request.headers.host ?? ''}»; add it with --allowed-host if it is yours.`,
      );
    }
    const needed = neededRole(request, options);
    if (needed === null) return;
    const token = bearer(request);
    if (token === null) {
      void reply.header('www-authenticate', 'Bearer realm="marsad"');
      throw new HttpError(
        401,
        'unauthorized',
        needed === 'reader'
          ? 'This server needs an API token (Authorization: Bearer <token>).'
          : 'Writing needs an API token of role editor or admin (Authorization: Bearer <token>).',
      );
    }
    const role = await tokenRole(store, token);
    if (role === null) {
      void reply.header('www-authenticate', 'Bearer realm="marsad", error="invalid_token"');
      throw new HttpError(401, 'unauthorized', 'The API token is not valid (unknown, malformed or revoked).');
    }
    if (!roleAllows(role, needed))
      throw new HttpError(403, 'forbidden', `A ${role} token may not do this; it needs role ${needed} or higher.`);
  });
}
