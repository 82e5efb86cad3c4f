// Sign-in's limit holds against attempts sent at once: each attempt is counted before its (slow)
// password check, in the transaction that counts the others, so twenty wrong guesses in flight
// together for one account get five checks and fifteen refusals, not twenty checks. A right password
// afterwards from the account's own address is not locked out, and a success takes its count back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-sign-in-race-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.ERRATA_SEED = 'none';
const EMAIL = 'admin@example.org';
const PASSWORD = 'a long enough admin password 2026';
process.env.ERRATA_ADMIN_EMAIL = EMAIL;
process.env.ERRATA_ADMIN_PASSWORD = PASSWORD;

const { initStore } = await import('../index');
const { checkSignIn } = await import('../../app/(auth)/sign-in');
const { SIGN_IN_LIMITS, SIGN_IN_WINDOW_MS } = await import('../../lib/auth/sign-in-throttle');
const { countRecentAttempts } = await import('./throttle');

await initStore();

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('sign-in attempts sent at once', () => {
  it('a right password signs in, and its attempt is taken back off the count', async () => {
    expect((await checkSignIn({ email: EMAIL, password: PASSWORD, ip: '198.51.100.7' })).ok).toBe(true);
    for (const [bucket, key] of [['sign-in:account', EMAIL], ['sign-in:address', '198.51.100.7']]) expect(await countRecentAttempts({ bucket, key, windowMs: SIGN_IN_WINDOW_MS }), bucket).toBe(0);
  });

  it("count against the account's limit before the password is checked", { timeout: 60_000 }, async () => {
    // Twenty wrong guesses at once, each from an address of its own (so the address limit is not what stops them).
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => checkSignIn({ email: EMAIL, password: `wrong guess ${i}`, ip: `203.0.113.${i + 1}` })));
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid').length;
    expect(checked).toBe(SIGN_IN_LIMITS.account);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(20 - SIGN_IN_LIMITS.account);
    expect(await countRecentAttempts({ bucket: 'sign-in:account', key: EMAIL, windowMs: SIGN_IN_WINDOW_MS })).toBe(SIGN_IN_LIMITS.account);
  });
});
