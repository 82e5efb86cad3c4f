// The one access module: every desk page, server action and route handler asks it who is calling.
// The account is reloaded from the database on every call, so disabling it or changing its role
// takes effect on the very next request, whatever the session token still says; and the session
// itself must still be live in the sessions table (not signed out, idle or expired).
import 'server-only';
import { getServerSession } from 'next-auth';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { getDb } from '@/db/index';
import { checkSession } from '@/db/queries/sessions';
import { getUserById } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { ErrataError } from '@/lib/errors';
import { can, type Permission, refusalMessage } from '@/lib/roles';
import { authOptions } from './auth';

/** A refused access check: the one typed error (lib/errors.ts) with the codes that mean 401 and 403. */
export class AccessError extends ErrataError {
  constructor(code: 'unauthenticated' | 'forbidden', message: string) {
    super(code, message);
    this.name = 'AccessError';
  }
}

/** The signed-in, enabled account, or null. */
export async function getCurrentUser(): Promise<User | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id || !session.sid) return null;
  if (!(await checkSession(getDb(), { id: session.sid, userId: id }))) return null;
  const user = await getUserById({ id });
  if (!user || user.disabledAt) return null;
  return user;
}

/** Whether the account may do this, by the one role table (lib/roles.ts). */
export function hasPermission(user: Pick<User, 'role'>, permission: Permission): boolean {
  return can(user.role, permission);
}

export async function requireUser(): Promise<User> {
  const user = await getCurrentUser();
  if (!user) throw new AccessError('unauthenticated', 'Sign in to do that.');
  return user;
}

export function checkPermission(user: User, permission: Permission): void {
  if (!hasPermission(user, permission)) throw new AccessError('forbidden', refusalMessage(permission));
}

/** For actions and route handlers: the account, if the role table allows it this. */
export async function requirePermission(permission: Permission): Promise<User> {
  const user = await requireUser();
  checkPermission(user, permission);
  return user;
}

/**
 * A refused access check as a real HTTP answer: 401 for the anonymous, 403 for the rest
 * (Next's auth interrupts; they work in server actions and route handlers alike).
 */
export function interrupt(error: unknown): never {
  if (error instanceof AccessError) {
    if (error.code === 'unauthenticated') unauthorized();
    forbidden();
  }
  throw error;
}

/** For desk pages: send the anonymous to sign in, and answer 403 to those the table does not allow. */
export async function requireDeskPage(permission: Permission = 'desk.view', from = '/desk'): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
  if (!hasPermission(user, permission)) forbidden();
  return user;
}
