import { promises as dns } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/**
 * The SSRF guard: a webhook URL is chosen by a client, so without it a delivery could reach the
 * loopback interface, the private network or a cloud metadata service (169.254.169.254,
 * fd00:ec2::254) from inside the platform.
 */

/** Addresses that are not on the public internet (IANA special-purpose registries). */
const FORBIDDEN_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network", includes the unspecified 0.0.0.0
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, includes broadcast 255.255.255.255
];

const FORBIDDEN_V6: readonly [string, number][] = [
  ['::', 96], // unspecified ::, loopback ::1 and deprecated IPv4-compatible addresses
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo
  ['2001:2::', 48], // benchmarking
  ['2001:10::', 28], // deprecated ORCHID
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
  ['fc00::', 7], // unique local, includes fd00:ec2::254
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
];

function blockList(subnets: readonly [string, number][], type: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, type);
  return list;
}

const forbiddenV4 = blockList(FORBIDDEN_V4, 'ipv4');
const forbiddenV6 = blockList(FORBIDDEN_V6, 'ipv6');

/** The eight 16-bit groups of a valid IPv6 address (zone already removed). */
function ipv6Groups(ip: string): number[] {
  let text = ip;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    const hex = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    text = text.slice(0, dotted.index) + hex;
  }
  const parse = (part: string): number[] =>
    part === '' ? [] : part.split(':').map((group) => parseInt(group, 16));
  const [head, tail] = text.split('::');
  if (tail === undefined) return parse(head);
  const front = parse(head);
  const back = parse(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

/**
 * The IPv4 address an IPv6 address stands for, where the network will deliver it to that IPv4
 * host: IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), the NAT64 well-known
 * prefix (64:ff9b::/96) and 6to4 (2002::/16).
 */
function embeddedIpv4(groups: readonly number[]): string | null {
  const v4 = (high: number, low: number): string =>
    [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  const zero = (from: number, to: number): boolean =>
    groups.slice(from, to).every((group) => group === 0);
  if (zero(0, 5) && groups[5] === 0xffff) return v4(groups[6], groups[7]);
  if (zero(0, 4) && groups[4] === 0xffff && groups[5] === 0) return v4(groups[6], groups[7]);
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zero(2, 6)) return v4(groups[6], groups[7]);
  if (groups[0] === 0x2002) return v4(groups[1], groups[2]);
  return null;
}

/**
 * Whether a webhook may not be sent to this address: anything but a public unicast address.
 * What is not an IP address at all is forbidden too.
 */
export function isForbiddenAddress(ip: string): boolean {
  const address = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  switch (isIP(address)) {
    case 4:
      return forbiddenV4.check(address, 'ipv4');
    case 6: {
      const withoutZone = address.split('%')[0];
      const v4 = embeddedIpv4(ipv6Groups(withoutZone));
      if (v4 !== null) return forbiddenV4.check(v4, 'ipv4');
      return forbiddenV6.check(withoutZone, 'ipv6');
    }
    default:
      return true;
  }
}

/** A webhook target that is, or resolves to, an address the guard forbids. */
export class ForbiddenTargetError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      host === address
        ? `target ${address} is a private, loopback or reserved address: forbidden`
        : `target ${host} resolves to ${address}, a private, loopback or reserved address: forbidden`,
    );
    this.name = 'ForbiddenTargetError';
  }
}

export interface ResolvedTarget {
  address: string;
  family: 4 | 6;
}

/**
 * The address to connect to for a webhook URL, vetted at the time of sending so that a host
 * name that re-resolves to an internal address (DNS rebinding) is refused. Every address of the
 * name must be allowed, not just the first, as the name's records are the client's to choose.
 */
export async function resolveTarget(url: URL, allowPrivate: boolean): Promise<ResolvedTarget> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new Error('the webhook URL has no host');
  const literal = isIP(host);
  const addresses =
    literal !== 0 ? [{ address: host, family: literal }] : await dns.lookup(host, { all: true });
  if (addresses.length === 0) throw new Error(`no address found for ${host}`);
  if (!allowPrivate) {
    const forbidden = addresses.find(({ address }) => isForbiddenAddress(address));
    if (forbidden) throw new ForbiddenTargetError(host, forbidden.address);
  }
  const [first] = addresses;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
