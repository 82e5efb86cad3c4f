// API tokens: made and revoked by an admin (the desk or `npm run token:add`), looked up by the hash
// of the bearer secret on every call. Each token gets its own desk account (role TOKEN_ROLE, no
// password that can ever match), so its writes go through the same services, roles and audit.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { ErrataError } from '../../lib/errors';
import { type ApiScope } from '../../lib/types';
import { DEFAULT_RATE_PER_MINUTE, displayPrefix, hashTokenSecret, MAX_RATE_PER_MINUTE, newTokenSecret, TOKEN_ROLE } from '../../lib/api/tokens';
import { getDb } from '../index';
import type { ApiToken, User } from '../schema';
import { apiTokens, users } from '../tables';
import { recordAudit } from './audit';
import { transaction } from '../store';

export interface NewToken {
  name: string;
  scopes: ApiScope[];
  ratePerMinute?: number;
  /** The admin making it; null from the command line. */
  actorId: number | null;
}

/** Creates a token; the secret is returned once and never stored. */
export async function createToken(input: NewToken): Promise<{ token: ApiToken; secret: string }> {
  const name = input.name.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,59}$/u.test(name)) throw new ErrataError('invalid', 'Name the token with up to 60 letters, digits, spaces, dots, dashes or underscores, e.g. "cms".', 'name');
  const rate = input.ratePerMinute ?? DEFAULT_RATE_PER_MINUTE;
  if (!Number.isInteger(rate) || rate < 1 || rate > MAX_RATE_PER_MINUTE) throw new ErrataError('invalid', `Allow between 1 and ${MAX_RATE_PER_MINUTE} calls a minute.`, 'ratePerMinute');
  if (input.scopes.length === 0) throw new ErrataError('invalid', 'Give the token at least one scope.', 'scopes');
  const secret = newTokenSecret();
  const token = await transaction(getDb(), async (tx) => {
      // The token's own account: its email cannot receive mail and its password hash matches nothing.
      const actor = (await tx
        .insert(users)
        .values({ email: `token-${randomBytes(6).toString('hex')}@api-tokens.invalid`, name: `API token “${name}”`, role: TOKEN_ROLE, passwordHash: '!api-token' })
        .returning())[0];
      const row = (await tx
        .insert(apiTokens)
        .values({ name, prefix: displayPrefix(secret), tokenHash: hashTokenSecret(secret), scopes: input.scopes.join(' '), ratePerMinute: rate, actorId: actor.id, createdBy: input.actorId })
        .returning())[0];
      await recordAudit(tx, { actorId: input.actorId, action: 'token.create', entityType: 'token', entityId: row.id, after: { name, scopes: input.scopes, ratePerMinute: rate, prefix: row.prefix } });
      return row;
    });
  return { token, secret };
}

export async function revokeToken({ id, actorId }: { id: number; actorId: number | null }): Promise<ApiToken> {
  return await transaction(getDb(), async (tx) => {
      const before = (await tx.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1))[0];
      if (!before) throw new ErrataError('not_found', 'No such token.');
      if (before.revokedAt) throw new ErrataError('conflict', 'That token is already revoked.');
      const now = new Date();
      const after = (await tx.update(apiTokens).set({ revokedAt: now, revokedBy: actorId }).where(eq(apiTokens.id, id)).returning())[0];
      // Its account goes with it: nothing can act as a revoked token.
      await tx.update(users).set({ disabledAt: now }).where(eq(users.id, before.actorId));
      await recordAudit(tx, { actorId, action: 'token.revoke', entityType: 'token', entityId: id, before: { revokedAt: null }, after: { revokedAt: now.toISOString() } });
      return after;
    });
}

export interface AuthenticatedToken {
  token: ApiToken;
  actor: User;
}

/** The live token a bearer secret belongs to, with its account; null when unknown or revoked. */
export async function findLiveToken(secret: string): Promise<AuthenticatedToken | null> {
  const row = (await getDb()
    .select({ token: apiTokens, actor: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.actorId))
    .where(and(eq(apiTokens.tokenHash, hashTokenSecret(secret)), isNull(apiTokens.revokedAt), isNull(users.disabledAt))).limit(1))[0];
  return row ?? null;
}

/** Marks the token used now (at most once a second per token: a busy CMS does not write on every call). */
export async function touchToken(token: ApiToken, now = new Date()): Promise<void> {
  if (token.lastUsedAt && now.getTime() - token.lastUsedAt.getTime() < 1000) return;
  await getDb().update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id));
}

export async function listTokens(): Promise<ApiToken[]> {
  return await getDb().select().from(apiTokens).orderBy(desc(apiTokens.id));
}

/** The ids of the accounts tokens act through (left out of the people page). */
export async function tokenAccountIds(): Promise<Set<number>> {
  return new Set((await getDb().select({ id: apiTokens.actorId }).from(apiTokens)).map((r) => r.id));
}
