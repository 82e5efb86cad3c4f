import { describe, expect, it } from 'vitest';
import { readCookie, deviceCookie } from './device-cookie';
import { reachedLimit, SIGN_IN_LIMITS, signInBuckets } from './sign-in-throttle';

describe('signInBuckets', () => {
  it("counts an account's usual address on its own, apart from the account's and the global limits", () => {
    const buckets = signInBuckets({ email: 'a@example.org', ip: '1.2.3.4', knownAddressOf: 7 });
    expect(buckets.map((b) => [b.scope, b.key])).toEqual([['knownAddress', '7|1.2.3.4']]);
    // A known browser still comes first.
    expect(signInBuckets({ email: 'a@example.org', ip: '1.2.3.4', deviceId: 'd1', knownAddressOf: 7 }).map((b) => b.scope)).toEqual(['device']);
  });

  it('counts a known browser only against itself', () => {
    const buckets = signInBuckets({ email: 'a@example.org', ip: '1.2.3.4', deviceId: 'd1' });
    expect(buckets.map((b) => b.scope)).toEqual(['device']);
  });
  it('counts an unknown browser against the account, the address and everyone', () => {
    const buckets = signInBuckets({ email: 'a@example.org', ip: '1.2.3.4' });
    expect(buckets.map((b) => [b.scope, b.key])).toEqual([
      ['account', 'a@example.org'],
      ['address', '1.2.3.4'],
      ['global', '*'],
    ]);
  });
});

describe('reachedLimit', () => {
  const buckets = signInBuckets({ email: 'a@example.org', ip: '1.2.3.4' });
  it('is the first limit reached', () => {
    expect(reachedLimit(buckets, () => 0)).toBeUndefined();
    expect(reachedLimit(buckets, (b) => (b.scope === 'account' ? SIGN_IN_LIMITS.account : 0))?.scope).toBe('account');
    expect(reachedLimit(buckets, (b) => (b.scope === 'global' ? SIGN_IN_LIMITS.global : 0))?.scope).toBe('global');
    expect(reachedLimit(buckets, (b) => b.limit - 1)).toBeUndefined();
  });
});

describe('device cookie', () => {
  it('reads only a well-formed token', () => {
    expect(readCookie('a=1; errata-device=abc_DEF-9; b=2', 'errata-device')).toBe('abc_DEF-9');
    expect(readCookie('errata-device=<script>', 'errata-device')).toBeUndefined();
    expect(readCookie('xerrata-device=abc', 'errata-device')).toBeUndefined();
    expect(readCookie(undefined, 'errata-device')).toBeUndefined();
  });
  it('is HttpOnly, SameSite=Lax, scoped to the sign-in endpoints, Secure over HTTPS', () => {
    expect(deviceCookie('t', { maxAgeSeconds: 60, secure: true })).toBe('errata-device=t; Path=/api/auth; Max-Age=60; HttpOnly; SameSite=Lax; Secure');
    expect(deviceCookie('t', { maxAgeSeconds: 60, secure: false })).not.toContain('Secure');
  });
});
