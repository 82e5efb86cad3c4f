import { describe, expect, it } from 'vitest';
import { addressGroup, clientAddress, normaliseAddress, parseTrustedProxies } from './client-address';

const none = parseTrustedProxies(undefined);

describe('normaliseAddress', () => {
  it('reads IPv4, IPv6, IPv4-mapped IPv6, brackets and ports', () => {
    expect(normaliseAddress('203.0.113.7')).toBe('203.0.113.7');
    expect(normaliseAddress(' 203.0.113.7:5123 ')).toBe('203.0.113.7');
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('::FFFF:10.1.2.3')).toBe('10.1.2.3');
    expect(normaliseAddress('2001:DB8::1')).toBe('2001:db8::1');
    expect(normaliseAddress('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1');
  });
  it('refuses what is not an address', () => {
    for (const bad of ['', 'unknown', 'evil.example', '1.2.3', '999.1.1.1', '1.2.3.4.5', '[::1', '<script>', '1.2.3.4, 5.6.7.8']) expect(normaliseAddress(bad)).toBeUndefined();
  });
});

describe('parseTrustedProxies', () => {
  it('takes addresses, CIDRs and a hop count', () => {
    const t = parseTrustedProxies('127.0.0.1, 10.0.0.0/8 ::1 2001:db8::/32 1');
    expect(t.hops).toBe(1);
    expect(t.none).toBe(false);
    expect(t.ranges.check('10.200.3.4', 'ipv4')).toBe(true);
    expect(t.ranges.check('11.0.0.1', 'ipv4')).toBe(false);
    expect(t.ranges.check('2001:db8:ffff::9', 'ipv6')).toBe(true);
  });
  it('trusts nothing when unset or empty', () => {
    expect(parseTrustedProxies('').none).toBe(true);
    expect(parseTrustedProxies(' , ').none).toBe(true);
  });
  it('refuses entries it cannot read', () => {
    for (const bad of ['localhost', '10.0.0.0/33', '10.0.0.0/x', '::1/129', '1.2.3.4/8/9']) expect(() => parseTrustedProxies(bad)).toThrow(/ERRATA_TRUSTED_PROXIES/);
  });
});

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress({ peer: '198.51.100.4', forwardedFor: '1.1.1.1, 2.2.2.2', trusted: none })).toBe('198.51.100.4');
    expect(clientAddress({ peer: '::ffff:127.0.0.1', forwardedFor: '9.9.9.9', trusted: none })).toBe('127.0.0.1');
  });
  it('is "unknown" only when there is no readable peer', () => {
    expect(clientAddress({ peer: undefined, forwardedFor: '1.1.1.1', trusted: none })).toBe('unknown');
    expect(clientAddress({ peer: 'garbage', forwardedFor: undefined, trusted: parseTrustedProxies('1') })).toBe('unknown');
  });
  it('believes X-Forwarded-For only from a trusted peer, taking the right-most untrusted hop', () => {
    const t = parseTrustedProxies('127.0.0.1, 10.0.0.0/8');
    // The client wrote "6.6.6.6"; nginx appended the real address it saw.
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: '6.6.6.6, 203.0.113.9', trusted: t })).toBe('203.0.113.9');
    expect(clientAddress({ peer: '::ffff:127.0.0.1', forwardedFor: '6.6.6.6, 203.0.113.9, 10.1.1.1', trusted: t })).toBe('203.0.113.9');
    // An untrusted peer's header is ignored.
    expect(clientAddress({ peer: '198.51.100.4', forwardedFor: '203.0.113.9', trusted: t })).toBe('198.51.100.4');
  });
  it('counts hops when given a number', () => {
    const one = parseTrustedProxies('1');
    expect(clientAddress({ peer: '172.16.0.2', forwardedFor: '6.6.6.6, 203.0.113.9', trusted: one })).toBe('203.0.113.9');
    const two = parseTrustedProxies('2');
    expect(clientAddress({ peer: '172.16.0.2', forwardedFor: '6.6.6.6, 203.0.113.9, 172.16.0.9', trusted: two })).toBe('203.0.113.9');
    expect(clientAddress({ peer: '172.16.0.2', forwardedFor: '203.0.113.9', trusted: two })).toBe('203.0.113.9');
  });
  it('handles IPv6 clients and proxies', () => {
    const t = parseTrustedProxies('::1, fd00::/8');
    expect(clientAddress({ peer: '::1', forwardedFor: '2001:db8::66, [2001:db8::7]:5555, fd00::3', trusted: t })).toBe('2001:db8::7');
  });
  it('stops at a malformed hop: a forged header can share a bucket, never choose one', () => {
    const t = parseTrustedProxies('127.0.0.1');
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: '203.0.113.9, not-an-ip', trusted: t })).toBe('127.0.0.1');
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: ',,', trusted: t })).toBe('127.0.0.1');
    expect(clientAddress({ peer: '127.0.0.1', forwardedFor: '', trusted: t })).toBe('127.0.0.1');
  });
  it('takes the left-most address when every hop is a trusted proxy', () => {
    const t = parseTrustedProxies('10.0.0.0/8');
    expect(clientAddress({ peer: '10.0.0.1', forwardedFor: '10.0.0.3, 10.0.0.2', trusted: t })).toBe('10.0.0.3');
  });
});

describe('the key a client is counted under', () => {
  it('is an IPv4 address itself, and an IPv6 address by its /64', () => {
    expect(addressGroup('127.0.0.7')).toBe('127.0.0.7');
    expect(addressGroup('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressGroup('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressGroup('::1')).toBe('0:0:0:0::/64');
    expect(addressGroup('unknown')).toBe('unknown');
  });
});
