// API tokens: the secret a CMS sends as a bearer token, what is kept of it (a SHA-256, never the
// secret), and how scopes map to the role table. Pure: db/queries/api-tokens.ts stores them.
import { createHash, randomBytes } from 'node:crypto';
import type { Permission } from '../roles';
import { API_SCOPES, type ApiScope, type Role } from '../types';

export const TOKEN_PREFIX = 'errata_';
/** 32 random bytes, base64url: 43 characters after the prefix. */
const TOKEN_SHAPE = /^errata_[A-Za-z0-9_-]{43}$/;

export function newTokenSecret(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashTokenSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** What the desk shows of a token: enough to tell it apart, not enough to use it. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, TOKEN_PREFIX.length + 6);
}

/** A bearer credential of the right shape, from an Authorization header; null for anything else. */
export function bearerSecret(header: string | null): string | null {
  if (!header) return null;
  const m = /^Bearer[ ]+(\S+)$/i.exec(header.trim());
  return m && TOKEN_SHAPE.test(m[1]) ? m[1] : null;
}

/**
 * Each scope and the permissions of the role table it grants. The token acts through its own desk
 * account, an editor's, so a permission is used only when the scope grants it AND the role table
 * allows it to that account's role: no scope reaches a standards editor's powers (publishing a
 * correction, withholding a version) — those stay with a person on the desk.
 */
export const SCOPE_PERMISSIONS: Record<ApiScope, readonly Permission[]> = {
  ingest: ['article.create', 'article.publish', 'version.update', 'version.minor_edit', 'version.correction', 'version.clarification'],
  read: [],
  'corrections:write': ['correction.draft', 'correction.edit_draft'],
};

/** The role of a token's account. */
export const TOKEN_ROLE: Role = 'editor';

export function parseScopes(list: string): { ok: true; scopes: ApiScope[] } | { ok: false; message: string } {
  const parts = [...new Set(list.split(/[\s,]+/).filter(Boolean))];
  if (parts.length === 0) return { ok: false, message: `Give at least one scope: ${API_SCOPES.join(', ')}.` };
  const unknown = parts.filter((p) => !(API_SCOPES as readonly string[]).includes(p));
  if (unknown.length > 0) return { ok: false, message: `Unknown scope${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. The scopes are ${API_SCOPES.join(', ')}.` };
  return { ok: true, scopes: API_SCOPES.filter((s) => parts.includes(s)) };
}

export function hasScope(stored: string, scope: ApiScope): boolean {
  return stored.split(' ').includes(scope);
}

/** Calls per minute a token may make unless its creator chose otherwise. */
export const DEFAULT_RATE_PER_MINUTE = 120;
export const MAX_RATE_PER_MINUTE = 6000;
