import { BlockList, isIP } from 'node:net';

/* Which addresses are public: safeFetch connects only to those. */

/**
 * IPv4 ranges that are not public unicast (IANA special-purpose registry), plus the
 * shared-address range that clouds use for metadata services (100.100.100.200 at Alibaba).
 */
const BLOCKED_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, including 169.254.169.254 (cloud metadata)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments (192.0.0.192: Oracle Cloud metadata)
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // deprecated 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255
];

/**
 * Inside global unicast (2000::/3), blocks that are still not public: IETF protocol
 * assignments including Teredo (2001::/23), documentation (2001:db8::/32, 3fff::/20).
 */
const BLOCKED_V6_GLOBAL: readonly [string, number][] = [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['3fff::', 20],
];

const v4Blocks = new BlockList();
for (const [net, prefix] of BLOCKED_V4) v4Blocks.addSubnet(net, prefix, 'ipv4');
const v6Blocks = new BlockList();
for (const [net, prefix] of BLOCKED_V6_GLOBAL) v6Blocks.addSubnet(net, prefix, 'ipv6');

/**
 * True unless `address` is a public unicast IPv4 or IPv6 address. Anything that is not a
 * valid address, or carries a zone (`fe80::1%eth0`), is refused.
 */
export function isBlockedAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return v4Blocks.check(address, 'ipv4');
  if (family !== 6) return true;
  const g = ipv6Groups(address);
  if (!g) return true;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  // Forms that carry an IPv4 address the packets really go to are judged by that address:
  // IPv4-mapped ::ffff:a.b.c.d, NAT64 64:ff9b::a.b.c.d, and 6to4 2002:aabb:ccdd::.
  if (zeros(0, 5) && g[5] === 0xffff) return isBlockedAddress(ipv4Of(g[6], g[7]));
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return isBlockedAddress(ipv4Of(g[6], g[7]));
  if (g[0] === 0x2002) return isBlockedAddress(ipv4Of(g[1], g[2]));
  // Everything outside global unicast 2000::/3 is refused: ::, ::1, IPv4-compatible ::a.b.c.d,
  // IPv4-translated ::ffff:0:a.b.c.d, 64:ff9b:1::/48, discard 100::/64, ULA fc00::/7,
  // link-local fe80::/10, site-local fec0::/10, multicast ff00::/8 and all unassigned space.
  if (((g[0] ?? 0) & 0xe000) !== 0x2000) return true;
  return v6Blocks.check(address, 'ipv6');
}

function ipv4Of(high: number | undefined, low: number | undefined): string {
  const h = high ?? 0;
  const l = low ?? 0;
  return `${h >> 8}.${h & 0xff}.${l >> 8}.${l & 0xff}`;
}

/** The eight 16-bit groups of a valid IPv6 address (a trailing dotted quad allowed), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
  if (isIP(address) !== 6 || address.includes('%')) return undefined;
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s === '' ? [] : s.split(':').map((x) => parseInt(x, 16)));
  const start = part(head);
  if (tail === undefined) return start.length === 8 ? start : undefined;
  const end = part(tail);
  const fill = 8 - start.length - end.length;
  return fill < 0 ? undefined : [...start, ...new Array<number>(fill).fill(0), ...end];
}
