import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS } from '../roles';
import { API_SCOPES } from '../types';
import { bearerSecret, displayPrefix, hashTokenSecret, hasScope, newTokenSecret, parseScopes, SCOPE_PERMISSIONS, TOKEN_ROLE } from './tokens';

describe('API token secrets', () => {
  it('are 256 random bits behind a prefix, kept only as a SHA-256', () => {
    const a = newTokenSecret();
    const b = newTokenSecret();
    expect(a).toMatch(/^errata_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashTokenSecret(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTokenSecret(a)).not.toContain(a.slice(7, 20));
    expect(displayPrefix(a)).toBe(a.slice(0, 13));
  });

  it('are read only from a well-formed bearer header', () => {
    const secret = newTokenSecret();
    expect(bearerSecret(`Bearer ${secret}`)).toBe(secret);
    expect(bearerSecret(`bearer  ${secret}`)).toBe(secret);
    for (const bad of [null, '', secret, `Basic ${secret}`, `Bearer ${secret}x`, `Bearer ${secret} extra`, 'Bearer errata_short', `Bearer ${secret.replace('errata_', 'other_')}`]) expect(bearerSecret(bad)).toBeNull();
  });
});

describe('scopes', () => {
  it('parse from a list, refusing unknown names and an empty list', () => {
    expect(parseScopes('read, ingest ingest')).toEqual({ ok: true, scopes: ['ingest', 'read'] });
    expect(parseScopes('')).toMatchObject({ ok: false });
    expect(parseScopes('read,admin')).toEqual({ ok: false, message: expect.stringContaining('admin') });
    expect(hasScope('ingest read', 'read')).toBe(true);
    expect(hasScope('ingest', 'corrections:write')).toBe(false);
  });

  it('grant only permissions the role table allows a token’s account, and none of a standards editor’s', () => {
    for (const scope of API_SCOPES) {
      for (const permission of SCOPE_PERMISSIONS[scope]) {
        expect(PERMISSIONS).toContain(permission);
        expect(can(TOKEN_ROLE, permission), `${scope} → ${permission}`).toBe(true);
      }
    }
    const granted = new Set(API_SCOPES.flatMap((s) => SCOPE_PERMISSIONS[s]));
    for (const power of ['correction.publish', 'correction.withdraw', 'version.legal', 'version.withhold', 'article.withdraw', 'tokens.manage', 'people.manage', 'settings.edit', 'flag.resolve'] as const) expect(granted.has(power)).toBe(false);
  });
});
