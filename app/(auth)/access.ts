// The one access module: every desk page, server action and route handler asks it who is calling.
// The account is reloaded from the database on every call, so disabling it or changing its role
// takes effect on the very next request, whatever the session token still says; and the session
// itself must still be live in the sessions table (not signed out, idle or expired).
import 'server-only';
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db/index';
import { checkSession } from '@/db/queries/sessions';
import { getUserById } from '@/db/queries/users';
import type { User } from '@/db/schema';
import type { Role } from '@/lib/types';
import { authOptions } from './auth';

const RANK: Record<Role, number> = { editor: 1, standards: 2, admin: 3 };

export class AccessError extends Error {
  constructor(
    readonly code: 'unauthenticated' | 'forbidden',
    message: string,
  ) {
    super(message);
    this.name = 'AccessError';
  }

  get status(): 401 | 403 {
    return this.code === 'unauthenticated' ? 401 : 403;
  }
}

/** The signed-in, enabled account, or null. */
export async function getCurrentUser(): Promise<User | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id || !session.sid) return null;
  if (!checkSession(getDb(), { id: session.sid, userId: id })) return null;
  const user = getUserById({ id });
  if (!user || user.disabledAt) return null;
  return user;
}

export function hasRole(user: Pick<User, 'role'>, role: Role): boolean {
  return RANK[user.role] >= RANK[role];
}

export async function requireUser(): Promise<User> {
  const user = await getCurrentUser();
  if (!user) throw new AccessError('unauthenticated', 'Sign in to do that.');
  return user;
}

/** Admins can do what standards editors can, who can do what editors can. */
export async function requireRole(role: Role): Promise<User> {
  const user = await requireUser();
  if (!hasRole(user, role)) throw new AccessError('forbidden', `Only ${role === 'admin' ? 'an admin' : `a ${role === 'standards' ? 'standards editor' : 'desk editor'}`} can do that.`);
  return user;
}

/** For desk pages: send the anonymous to sign in, and answer 403 to the under-privileged. */
export async function requireDeskPage(role: Role = 'editor', from = '/desk'): Promise<User> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
  if (!hasRole(user, role)) forbidden();
  return user;
}
