/**
 * Which IP addresses "analyse URL" must not connect to: loopback, private, shared (CGNAT), link-local,
 * multicast and reserved ranges, in IPv4 and IPv6. IPv6 addresses that carry an IPv4 address (mapped
 * `::ffff:a.b.c.d`, which the URL parser writes as `::ffff:a9fe:a9fe`, compatible `::a.b.c.d`, NAT64
 * `64:ff9b::/96` and 6to4 `2002::/16`) are judged by the IPv4 address they carry: a prefix test on the
 * IPv6 text let `http://[::ffff:169.254.169.254]/` through to the cloud metadata service.
 */
import { BlockList, isIP } from 'node:net';

const V4_BLOCKED: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking, used inside some networks
  ['224.0.0.0', 3], // multicast 224/4 and reserved 240/4 (255.255.255.255 included)
];

const V6_BLOCKED: readonly (readonly [string, number])[] = [
  ['::', 128], // unspecified
  ['::1', 128],
  ['64:ff9b:1::', 48], // local-use NAT64
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some stacks)
  ['ff00::', 8], // multicast
];

const blocked = new BlockList();
for (const [net, bits] of V4_BLOCKED) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of V6_BLOCKED) blocked.addSubnet(net, bits, 'ipv6');

/** True for an address a public server must not fetch from; anything that is not an IP address counts as blocked. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  const embedded = embeddedIpv4(address);
  if (embedded !== null) return blocked.check(embedded, 'ipv4');
  return blocked.check(address, 'ipv6');
}

/** The IPv4 address inside a mapped, compatible, NAT64 or 6to4 IPv6 address, or null. */
export function embeddedIpv4(address: string): string | null {
  const g = expandIpv6(address);
  if (!g) return null;
  const v4 = (hi: number, lo: number): string => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  const zeros = (from: number, to: number): boolean => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && (g[5] === 0xffff || g[5] === 0)) return v4(g[6] as number, g[7] as number); // ::ffff:a.b.c.d, ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4(g[6] as number, g[7] as number); // NAT64
  if (g[0] === 0x2002) return v4(g[1] as number, g[2] as number); // 6to4
  return null;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped), or null when it is not one. */
export function expandIpv6(address: string): number[] | null {
  const bare = address.split('%')[0] as string;
  if (isIP(bare) !== 6) return null;
  // A dotted IPv4 tail counts as two groups.
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/u.exec(bare);
  const text = dotted ? `${bare.slice(0, dotted.index)}${((Number(dotted[1]) << 8) | Number(dotted[2])).toString(16)}:${((Number(dotted[3]) << 8) | Number(dotted[4])).toString(16)}` : bare;
  const [head = '', tail] = text.split('::');
  const parse = (s: string): number[] => (s ? s.split(':').map((x) => parseInt(x, 16)) : []);
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  const groups = tail === undefined ? h : [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
  return groups.length === 8 ? groups : null;
}
