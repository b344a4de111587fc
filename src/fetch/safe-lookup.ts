/**
 * The DNS step of every connection: resolves a host name with an injectable resolver, refuses the connection when
 * any resolved address is non-public (unless private networks are allowed), and hands exactly the checked addresses
 * to the socket, so the address checked is the address connected to (no second lookup to rebind).
 */
import { promises as dns } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { EngineError } from '../core/errors.ts';
import { blockedAddressReason } from './address-safety.ts';

export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Host name → addresses. Production uses the system resolver; tests inject a stub (no real DNS traffic). */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const found = await dns.lookup(hostname, { all: true, verbatim: true });
  return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
};

export interface AddressPolicy {
  readonly allowPrivateNetwork: boolean;
  readonly resolve: Resolver;
  /** Why an address is refused (default `blockedAddressReason`); tests narrow it to reach their 127.0.0.1 server. */
  readonly blockedReason?: (address: string) => string | null;
}

/** The error for a refused address; `host` is the name or literal the URL gave. */
export function blockedAddressError(host: string, address: string, reason: string): EngineError {
  const via = host === address ? '' : ` (${host} resolves to ${address})`;
  return new EngineError(
    'fetch/blocked',
    `${address}${via} is a ${reason} address; pass --allow-private-network (or set MARSAD_ALLOW_PRIVATE_NETWORK=1) to fetch from it.`,
  );
}

/** Resolves and checks a host name; throws `fetch/blocked` or `fetch/failed` (no such host). */
export async function resolveChecked(hostname: string, policy: AddressPolicy): Promise<readonly ResolvedAddress[]> {
  let addresses: readonly ResolvedAddress[];
  try {
    addresses = await policy.resolve(hostname);
  } catch (error) {
    throw new EngineError('fetch/failed', `Cannot resolve ${hostname}: ${(error as Error).message}`, { cause: error });
  }
  if (addresses.length === 0) throw new EngineError('fetch/failed', `Cannot resolve ${hostname}: no address.`);
  if (!policy.allowPrivateNetwork) {
    for (const { address } of addresses) {
      const reason = (policy.blockedReason ?? blockedAddressReason)(address);
      if (reason !== null) throw blockedAddressError(hostname, address, reason);
    }
  }
  return addresses;
}

/** A `lookup` for net/tls.connect (undici's `connect` options) that resolves through `resolveChecked`. */
export function createSafeLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    resolveChecked(hostname, policy).then(
      (addresses) => {
        const wanted =
          options.family === 4 || options.family === 6
            ? addresses.filter((a) => a.family === options.family)
            : addresses;
        const usable = wanted.length > 0 ? wanted : addresses;
        if (options.all) {
          (callback as unknown as (error: null, list: ResolvedAddress[]) => void)(null, [...usable]);
        } else {
          callback(null, usable[0]!.address, usable[0]!.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}
