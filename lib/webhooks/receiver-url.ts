// Which addresses a webhook may be sent to: a plain http(s) URL with no credentials in it, and never
// this machine, its private network or a cloud's metadata service (unless ERRATA_WEBHOOK_ALLOW_PRIVATE=1).
import { BlockList, isIP } from 'node:net';
import type { Limit } from '../limits';

/** The subscription form's fields, checked in the browser before sending and by the server again. */
export const WEBHOOK_LIMITS = {
  url: { max: 2000, unit: 'characters', trim: true, label: 'receiver’s address' },
  description: { max: 500, unit: 'characters', trim: true, label: 'description' },
} satisfies Record<string, Limit>;

/**
 * Loopback, private, link-local (the metadata services' 169.254.169.254 and fd00:ec2::254), unspecified,
 * shared, multicast and reserved ranges, and every special-purpose range a network may route inside
 * itself (IANA's special-purpose registries): the IETF's 192.0.0.0/24, the documentation TEST-NETs,
 * the benchmarking 198.18.0.0/15 (seen answering on a real internal network), and the IPv6 forms that
 * carry an IPv4 address inside them (NAT64, 6to4, Teredo), which could lead back to any of these.
 */
const PRIVATE = new BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const)
  PRIVATE.addSubnet(address, prefix, 'ipv4');
// ::/96 holds :: and ::1 (and the old IPv4-compatible form); IPv4-mapped addresses (::ffff:a.b.c.d)
// are checked against the IPv4 ranges by BlockList itself; 64:ff9b::/96 and 64:ff9b:1::/48 are NAT64's
// ways to IPv4, 2002::/16 (6to4) and 2001::/32 (Teredo) wrap one too; 100::/64 discards, 2001:db8::/32 documents.
for (const [address, prefix] of [
  ['::', 96],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 32],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(address, prefix, 'ipv6');

/** Names that always mean this machine or a metadata service. */
const PRIVATE_NAMES = /^(localhost|.+\.localhost|metadata|metadata\.google\.internal)$/;

/** Whether an IP address (no brackets) is loopback, private, link-local, unspecified or multicast. */
export function isPrivateAddress(address: string): boolean {
  const plain = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(plain);
  if (family === 0) return false;
  return PRIVATE.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/** ERRATA_WEBHOOK_ALLOW_PRIVATE=1: receivers on this machine or its network are allowed (tests, the demo). */
export function allowsPrivateReceivers(env: Record<string, string | undefined>): boolean {
  return env.ERRATA_WEBHOOK_ALLOW_PRIVATE === '1';
}

export type ReceiverUrlCheck = { ok: true; url: string; host: string } | { ok: false; problem: string };

/** Checks a subscription's URL; on success gives it in its normal form (as the URL parser writes it). */
export function checkReceiverUrl(input: string, { allowPrivate }: { allowPrivate: boolean }): ReceiverUrlCheck {
  const raw = input.trim();
  if (raw === '') return { ok: false, problem: 'Give the receiver’s address, such as https://cms.example.com/hooks/errata.' };
  if (raw.length > WEBHOOK_LIMITS.url.max) return { ok: false, problem: `Keep the receiver’s address under ${WEBHOOK_LIMITS.url.max.toLocaleString('en-GB')} characters.` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'That is not a web address: give one such as https://cms.example.com/hooks/errata.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'The address must start with https:// (or http://).' };
  if (url.username || url.password) return { ok: false, problem: 'Leave the user name and password out of the address: each message is signed with the subscription’s secret instead.' };
  if (url.href.length > WEBHOOK_LIMITS.url.max) return { ok: false, problem: `Keep the receiver’s address under ${WEBHOOK_LIMITS.url.max.toLocaleString('en-GB')} characters.` };
  const host = url.hostname.replace(/\.$/, '').toLowerCase();
  if (!allowPrivate) {
    const bare = host.replace(/^\[|\]$/g, '');
    if (isIP(bare) ? isPrivateAddress(bare) : PRIVATE_NAMES.test(host)) return { ok: false, problem: 'That address is on this machine or a private network: webhooks go to a receiver on the internet.' };
    if (!isIP(bare) && !host.includes('.')) return { ok: false, problem: 'Give the receiver’s full host name, such as cms.example.com.' };
  }
  return { ok: true, url: url.href, host: url.host };
}
