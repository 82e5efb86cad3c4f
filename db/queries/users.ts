// Accounts: reading them for sign-in and access checks, and the admin's changes to them.
import 'server-only';
import { and, eq, isNotNull, isNull, notInArray, type SQL } from 'drizzle-orm';
import { ErrataError } from '../../lib/errors';
import { type Cursor, cutPage, type Page, PAGE_SIZE } from '../../lib/desk/keyset';
import type { Role } from '../../lib/types';
import { getDb } from '../index';
import type { User } from '../schema';
import { apiTokens, users } from '../tables';
import type { Tx } from './types';
import { recordAudit } from './audit';
import { keyset } from './keyset';
import { transaction } from '../store';

export async function getUserByEmail({ email }: { email: string }): Promise<User | undefined> {
  return (await getDb().select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1))[0];
}

export async function getUserById({ id }: { id: number }): Promise<User | undefined> {
  return (await getDb().select().from(users).where(eq(users.id, id)).limit(1))[0];
}

export interface PeopleFilter {
  role?: Role;
  state?: 'active' | 'disabled';
  cursor?: Cursor;
}

/** Accounts, newest first, a page at a time. */
export async function listPeople(filter: PeopleFilter = {}): Promise<Page<User>> {
  const cursor = filter.cursor ?? null;
  const key = keyset(users.id, cursor);
  // The accounts API tokens act through are the Tokens page's, not people's.
  const where: SQL[] = [key.where, notInArray(users.id, getDb().select({ id: apiTokens.actorId }).from(apiTokens))];
  if (filter.role) where.push(eq(users.role, filter.role));
  if (filter.state) where.push(filter.state === 'disabled' ? isNotNull(users.disabledAt) : isNull(users.disabledAt));
  const fetched = await getDb().select().from(users).where(and(...where)).orderBy(key.orderBy).limit(PAGE_SIZE + 1);
  return cutPage(fetched, cursor, PAGE_SIZE, (u) => u.id);
}

export async function createUser({ email, name, role, passwordHash, actorId }: { email: string; name: string; role: Role; passwordHash: string; actorId: number | null }): Promise<User> {
  return await transaction(getDb(), async (tx) => {
    const user = (await tx.insert(users).values({ email: email.trim().toLowerCase(), name, role, passwordHash }).returning())[0];
    await recordAudit(tx, { actorId, action: 'user.create', entityType: 'user', entityId: user.id, after: { email: user.email, role } });
    return user;
  });
}

export async function changeUserRole({ id, role, actorId }: { id: number; role: Role; actorId: number }): Promise<void> {
  await transaction(getDb(), async (tx) => {
    const before = (await tx.select().from(users).where(eq(users.id, id)).limit(1))[0];
    if (!before) throw new Error('no such user');
    await refuseTokenAccount(tx, id);
    await tx.update(users).set({ role }).where(eq(users.id, id));
    await recordAudit(tx, { actorId, action: 'user.role', entityType: 'user', entityId: id, before: { role: before.role }, after: { role } });
  });
}

export async function setUserDisabled({ id, disabled, actorId }: { id: number; disabled: boolean; actorId: number }): Promise<void> {
  await transaction(getDb(), async (tx) => {
    const before = (await tx.select().from(users).where(eq(users.id, id)).limit(1))[0];
    if (!before) throw new Error('no such user');
    await refuseTokenAccount(tx, id);
    await tx.update(users).set({ disabledAt: disabled ? new Date() : null }).where(eq(users.id, id));
    await recordAudit(tx, { actorId, action: disabled ? 'user.disable' : 'user.enable', entityType: 'user', entityId: id, before: { disabled: !!before.disabledAt }, after: { disabled } });
  });
}

/** A token's account is changed only by revoking the token (db/queries/api-tokens.ts). */
async function refuseTokenAccount(tx: Tx, id: number): Promise<void> {
  if ((await tx.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.actorId, id)).limit(1))[0]) throw new ErrataError('conflict', 'That account belongs to an API token: revoke the token on the Tokens page instead.');
}
