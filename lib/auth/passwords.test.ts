import { parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords';

describe('passwordProblem', () => {
  it('refuses short, over-long and common passwords', () => {
    expect(passwordProblem('short')).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(129))).toMatch(/at most 128/);
    expect(passwordProblem('x'.repeat(128))).toMatch(/repeated/);
    expect(passwordProblem('password1234')).toMatch(/too common/);
    expect(passwordProblem('qwertyuiop12')).not.toBeNull();
  });

  it('accepts a long uncommon passphrase, up to 128 characters', () => {
    expect(passwordProblem('harbour lights at nine')).toBeNull();
    expect(passwordProblem('ab'.repeat(64))).toBeNull();
  });
});

describe('hashPassword', () => {
  it('uses argon2id at OWASP minimums and verifies', async () => {
    const hashed = await hashPassword('harbour lights at nine');
    const options = parseOptions(hashed);
    expect(hashed.startsWith('$argon2id$')).toBe(true);
    expect(options.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(options.timeCost).toBeGreaterThanOrEqual(2);
    expect(await verifyPassword(hashed, 'harbour lights at nine')).toBe(true);
    expect(await verifyPassword(hashed, 'harbour lights at ten')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });
});
