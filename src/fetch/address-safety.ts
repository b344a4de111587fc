/**
 * Which network addresses a fetch may connect to. By default only public unicast addresses: loopback, private,
 * link-local, unique-local, multicast, reserved and cloud-metadata ranges (IPv4, IPv6 and IPv4-mapped/NAT64 forms)
 * are refused, so a feed or a redirect cannot point Marsad at the machine or network it runs in.
 */
import { BlockList, isIP } from 'node:net';

/** IPv4 ranges that are not the public internet (RFC 6890 special-purpose registry, plus multicast and reserved). */
const BLOCKED_V4: readonly (readonly [string, number, string])[] = [
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

const BLOCKED_V6: readonly (readonly [string, number, string])[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'local-use NAT64'],
  ['100::', 64, 'discard-only'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique-local (includes fd00:ec2::254 cloud metadata)'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
];

/** One BlockList per label, so a refusal can say which range the address fell in. */
const RANGES: readonly { readonly list: BlockList; readonly label: string }[] = [
  ...BLOCKED_V4.map(([network, prefix, label]) => ({ list: subnet(network, prefix, 'ipv4'), label })),
  ...BLOCKED_V6.map(([network, prefix, label]) => ({ list: subnet(network, prefix, 'ipv6'), label })),
];

/** The well-known NAT64 prefix 64:ff9b::/96 carries an IPv4 address in its last 32 bits. */
const NAT64 = subnet('64:ff9b::', 96, 'ipv6');

function subnet(network: string, prefix: number, type: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  list.addSubnet(network, prefix, type);
  return list;
}

/**
 * Why `address` (an IP literal, IPv6 with or without brackets) must not be connected to, or null when it is a
 * public address. IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is checked against the IPv4 ranges (BlockList does this).
 */
export function blockedAddressReason(address: string): string | null {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 0) return 'not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const range of RANGES) {
    if (range.list.check(bare, type)) return range.label;
  }
  if (type === 'ipv6' && NAT64.check(bare, 'ipv6')) {
    const embedded = embeddedIpv4(bare);
    const inner = embedded === null ? null : blockedAddressReason(embedded);
    if (inner !== null) return `NAT64 of ${inner}`;
  }
  return null;
}

/** The IPv4 address in the last 32 bits of an IPv6 address written with or without a dotted tail. */
function embeddedIpv4(address: string): string | null {
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/u.exec(address);
  if (dotted) return dotted[1]!;
  const groups = /([0-9a-f]{1,4}):([0-9a-f]{1,4})$/iu.exec(address);
  if (!groups) return null;
  const high = Number.parseInt(groups[1]!, 16);
  const low = Number.parseInt(groups[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
