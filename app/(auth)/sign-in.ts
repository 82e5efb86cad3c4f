// Checking a sign-in: throttled without handing attackers a lockout (lib/auth/sign-in-throttle.ts),
// equally slow whether or not the account exists, and audited at most once per real account, per
// address and per limit in each window, so failures cannot flood the audit trail.
import 'server-only';
import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import { isKnownAddress, rememberAddress } from '@/db/queries/known-addresses';
import { findKnownDevice } from '@/db/queries/known-devices';
import { countRecentAttempts, recordAttempt } from '@/db/queries/throttle';
import { getUserByEmail } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { decoyHash, verifyPassword } from '@/lib/auth/passwords';
import { addressGroup } from '@/lib/net/client-address';
import { reachedLimit, SIGN_IN_LIMITS, SIGN_IN_WINDOW_MS, type SignInBucket, signInBuckets } from '@/lib/auth/sign-in-throttle';

export { SIGN_IN_WINDOW_MS };

export type SignInResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'throttled' };

interface Attempt {
  email: string;
  ip: string;
  /** The device cookie's token, if the browser sent one. */
  deviceToken?: string;
}

function failures(b: { bucket: string; key: string }): number {
  return countRecentAttempts({ ...b, windowMs: SIGN_IN_WINDOW_MS });
}

/** Writes this audit event unless one with any of these keys was written in this window. */
function auditOncePerWindow(keys: string | string[], event: Parameters<typeof recordAudit>[1]): void {
  const buckets = [keys].flat().map((key) => ({ bucket: `audit:${event.action}`, key }));
  if (buckets.some((b) => failures(b) > 0)) return;
  for (const b of buckets) recordAttempt(b);
  getDb().transaction((tx) => recordAudit(tx, event));
}

/** ERRATA_SIGN_IN_GLOBAL_LIMIT, for a newsroom whose desk is large enough to need more (default 100). */
function globalSignInLimit(): number {
  const n = Number(process.env.ERRATA_SIGN_IN_GLOBAL_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : SIGN_IN_LIMITS.global;
}

function bucketsFor({ email, ip, deviceToken }: Attempt, user: User | undefined): SignInBucket[] {
  const device = user ? findKnownDevice({ token: deviceToken }) : undefined;
  const group = addressGroup(ip);
  return signInBuckets({
    email,
    ip: group,
    deviceId: device && device.userId === user?.id ? device.tokenHash : undefined,
    knownAddressOf: user && isKnownAddress({ userId: user.id, address: group }) ? user.id : undefined,
    globalLimit: globalSignInLimit(),
  });
}

/** The limit this attempt has already reached (audited once per window), or undefined. */
export function signInThrottle(attempt: Attempt): SignInBucket | undefined {
  const email = attempt.email.trim().toLowerCase();
  const reached = reachedLimit(bucketsFor({ ...attempt, email }, getUserByEmail({ email })), failures);
  if (reached) {
    auditOncePerWindow(`${reached.scope}:${reached.key}`, {
      actorId: null,
      action: 'auth.throttled',
      entityType: 'user',
      entityId: email,
      ip: attempt.ip,
      after: { limit: reached.scope, failures: failures(reached), windowMinutes: SIGN_IN_WINDOW_MS / 60_000 },
    });
  }
  return reached;
}

export async function checkSignIn({ email, password, ip, deviceToken }: Attempt & { password: string }): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  if (signInThrottle({ email: normalised, ip, deviceToken })) return { ok: false, reason: 'throttled' };
  const user = getUserByEmail({ email: normalised });
  // Verify against a decoy when there is no such account, so the answer takes as long either way.
  const matches = await verifyPassword(user?.passwordHash ?? decoyHash(), password);
  if (user && matches && !user.disabledAt) {
    getDb().transaction((tx) => recordAudit(tx, { actorId: user.id, action: 'auth.sign-in', entityType: 'user', entityId: user.id, ip }));
    rememberAddress({ userId: user.id, address: addressGroup(ip) });
    return { ok: true, user };
  }
  const buckets = bucketsFor({ email: normalised, ip, deviceToken }, user);
  for (const b of buckets) recordAttempt(b);
  // One event per real account per window. For made-up accounts the typed email is the attacker's
  // to choose, so it cannot be what bounds the trail: one event per window for the email and for the
  // address alike (a new email from a known address, or a known email from a new address, adds
  // none). The count is in the throttle table and in the auth.throttled event written at a limit.
  auditOncePerWindow(user ? `account:${normalised}` : [`unknown:${normalised}`, `address:${addressGroup(ip)}`], { actorId: null, action: 'auth.failed', entityType: 'user', entityId: normalised, ip, after: { disabled: !!user?.disabledAt, knownBrowser: buckets[0].scope === 'device' } });
  return { ok: false, reason: 'invalid' };
}
