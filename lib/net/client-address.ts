// Which address a request came from: the socket's peer, or, only through proxies we were told to
// trust, the right-most address in X-Forwarded-For that none of them owns.
import { BlockList, isIP } from 'node:net';

export interface TrustedProxies {
  /** Addresses and CIDR ranges whose X-Forwarded-For we believe. */
  ranges: BlockList;
  /** How many hops in front of us are trusted proxies, whatever their address (0: none by count). */
  hops: number;
  /** True when nothing is trusted: X-Forwarded-For is then never read. */
  none: boolean;
}

/** An address in one canonical spelling: no brackets, no port, IPv4-mapped IPv6 as plain IPv4; undefined when it is not an address. */
export function normaliseAddress(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  let value = raw.trim();
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    if (end < 0) return undefined;
    value = value.slice(1, end);
  } else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) {
    value = value.slice(0, value.lastIndexOf(':'));
  }
  value = value.replace(/%[\w.-]+$/, '').toLowerCase(); // an IPv6 zone id says nothing about the client
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(value);
  if (mapped) value = mapped[1];
  const family = isIP(value);
  if (family === 0) return undefined;
  if (family === 4) return value.split('.').map(Number).join('.');
  return value;
}

function family(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 4 ? 'ipv4' : 'ipv6';
}

/**
 * ERRATA_TRUSTED_PROXIES: addresses, CIDR ranges and/or one hop count, separated by commas or
 * spaces ("127.0.0.1, 10.0.0.0/8", "::1", "1"). Anything unreadable is refused loudly: a typo here
 * would quietly make every client share one address, or believe a forged header.
 */
export function parseTrustedProxies(spec: string | undefined): TrustedProxies {
  const ranges = new BlockList();
  let hops = 0;
  let entries = 0;
  for (const entry of (spec ?? '').split(/[\s,]+/).filter(Boolean)) {
    if (/^\d+$/.test(entry)) {
      hops = Math.max(hops, Number(entry));
      continue;
    }
    const [rawAddress, rawPrefix, ...rest] = entry.split('/');
    const address = normaliseAddress(rawAddress);
    const max = address && family(address) === 'ipv4' ? 32 : 128;
    const prefix = rawPrefix === undefined ? max : /^\d+$/.test(rawPrefix) ? Number(rawPrefix) : NaN;
    if (!address || rest.length || !(prefix >= 0 && prefix <= max)) throw new Error(`ERRATA_TRUSTED_PROXIES: "${entry}" is not an address, a CIDR range or a hop count`);
    ranges.addSubnet(address, prefix, family(address));
    // An IPv4 proxy may reach a dual-stack socket as ::ffff:a.b.c.d; normaliseAddress folds that back to IPv4.
    entries += 1;
  }
  return { ranges, hops, none: entries === 0 && hops === 0 };
}

function isTrusted(address: string, distanceFromUs: number, trusted: TrustedProxies): boolean {
  return distanceFromUs < trusted.hops || trusted.ranges.check(address, family(address));
}

/**
 * The client's address. `peer` is the socket's remote address; `forwardedFor` the X-Forwarded-For
 * values in order. Walking from us outwards, every trusted hop is skipped and the first address
 * that is not a trusted proxy is the client. A malformed hop stops the walk at the last address a
 * trusted proxy vouched for, so a forged header can only ever make a client share a bucket, never
 * choose one. "unknown" when not even the peer is known.
 */
export function clientAddress({ peer, forwardedFor, trusted }: { peer: string | undefined; forwardedFor: string | undefined; trusted: TrustedProxies }): string {
  const socket = normaliseAddress(peer);
  if (!socket) return 'unknown';
  if (trusted.none || !forwardedFor) return socket;
  const hops = forwardedFor.split(',').map((h) => h.trim());
  let client = socket;
  let distance = 0;
  while (isTrusted(client, distance, trusted)) {
    const next = hops.pop();
    if (next === undefined) break;
    const address = normaliseAddress(next);
    if (!address) break;
    client = address;
    distance += 1;
  }
  return client;
}

/**
 * The key a client is counted under for rate limits: an IPv4 address as it is, an IPv6 address by
 * its /64 (one host is routinely handed a whole /64, so counting single IPv6 addresses would let it
 * rotate freely); anything else as it came.
 */
export function addressGroup(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
