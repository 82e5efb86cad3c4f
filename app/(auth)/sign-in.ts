// Checking a sign-in: throttled per account and per IP, and equally slow whether or not the account exists.
import 'server-only';
import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import { countRecentAttempts, recordAttempt } from '@/db/queries/throttle';
import { getUserByEmail } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { decoyHash, verifyPassword } from '@/lib/auth/passwords';

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const SIGN_IN_MAX_FAILURES = 5;

export type SignInResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'throttled' };

function keys(email: string, ip: string) {
  return [
    { bucket: 'sign-in:account', key: email },
    { bucket: 'sign-in:ip', key: ip },
  ];
}

/** True when this account or this address has failed too often lately. */
export function isSignInThrottled({ email, ip }: { email: string; ip: string }): boolean {
  const normalised = email.trim().toLowerCase();
  return keys(normalised, ip).some((k) => countRecentAttempts({ ...k, windowMs: SIGN_IN_WINDOW_MS }) >= SIGN_IN_MAX_FAILURES);
}

export async function checkSignIn({ email, password, ip }: { email: string; password: string; ip: string }): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  if (isSignInThrottled({ email: normalised, ip })) {
    getDb().transaction((tx) => recordAudit(tx, { actorId: null, action: 'auth.throttled', entityType: 'user', entityId: normalised, ip }));
    return { ok: false, reason: 'throttled' };
  }
  const user = getUserByEmail({ email: normalised });
  // Verify against a decoy when there is no such account, so the answer takes as long either way.
  const matches = await verifyPassword(user?.passwordHash ?? decoyHash(), password);
  if (user && matches && !user.disabledAt) {
    getDb().transaction((tx) => recordAudit(tx, { actorId: user.id, action: 'auth.sign-in', entityType: 'user', entityId: user.id, ip }));
    return { ok: true, user };
  }
  for (const k of keys(normalised, ip)) recordAttempt(k);
  getDb().transaction((tx) =>
    recordAudit(tx, { actorId: null, action: 'auth.failed', entityType: 'user', entityId: normalised, ip, after: { disabled: !!user?.disabledAt } }),
  );
  return { ok: false, reason: 'invalid' };
}
