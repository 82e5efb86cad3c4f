// Checking a sign-in: throttled without handing attackers a lockout (lib/auth/sign-in-throttle.ts),
// equally slow whether or not the account exists, and audited at most once per real account, per
// address and per limit in each window, so failures cannot flood the audit trail.
import 'server-only';
import { getDb } from '@/db';
import { recordAudit } from '@/db/queries/audit';
import { isKnownAddress, rememberAddress } from '@/db/queries/known-addresses';
import { findKnownDevice } from '@/db/queries/known-devices';
import { countRecentAttempts, countThenRecord, recordAttempt, releaseAttempts, reserveAttempts } from '@/db/queries/throttle';
import { getUserByEmail } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { decoyHash, verifyPassword } from '@/lib/auth/passwords';
import { addressGroup } from '@/lib/net/client-address';
import { reachedLimit, SIGN_IN_LIMITS, SIGN_IN_WINDOW_MS, type SignInBucket, signInBuckets } from '@/lib/auth/sign-in-throttle';
import { transaction } from '../../db/store';

export { SIGN_IN_WINDOW_MS };

export type SignInResult = { ok: true; user: User } | { ok: false; reason: 'invalid' | 'throttled' };

interface Attempt {
  email: string;
  ip: string;
  /** The device cookie's token, if the browser sent one. */
  deviceToken?: string;
}

async function failures(b: { bucket: string; key: string }): Promise<number> {
  return countRecentAttempts({ ...b, windowMs: SIGN_IN_WINDOW_MS });
}

/** Writes this audit event unless one with any of these keys was written in this window. */
async function auditOncePerWindow(keys: string | string[], event: Parameters<typeof recordAudit>[1]): Promise<void> {
  const buckets = [keys].flat().map((key) => ({ bucket: `audit:${event.action}`, key }));
  for (const b of buckets) if ((await failures(b)) > 0) return;
  for (const b of buckets) await recordAttempt(b);
  await transaction(getDb(), async (tx) => recordAudit(tx, event));
}

/** ERRATA_SIGN_IN_GLOBAL_LIMIT, for a newsroom whose desk is large enough to need more (default 100). */
function globalSignInLimit(): number {
  const n = Number(process.env.ERRATA_SIGN_IN_GLOBAL_LIMIT);
  return Number.isInteger(n) && n > 0 ? n : SIGN_IN_LIMITS.global;
}

async function bucketsFor({ email, ip, deviceToken }: Attempt, user: User | undefined): Promise<SignInBucket[]> {
  const device = user ? (await findKnownDevice({ token: deviceToken })) : undefined;
  const group = addressGroup(ip);
  return signInBuckets({
    email,
    ip: group,
    deviceId: device && device.userId === user?.id ? device.tokenHash : undefined,
    knownAddressOf: user && (await isKnownAddress({ userId: user.id, address: group })) ? user.id : undefined,
    globalLimit: globalSignInLimit(),
  });
}

/** The limit these buckets have already reached, or undefined. */
async function limitReached(buckets: SignInBucket[]): Promise<SignInBucket | undefined> {
  const counts = new Map(await Promise.all(buckets.map(async (b) => [b, await failures(b)] as const)));
  return reachedLimit(buckets, (b) => counts.get(b) ?? 0);
}

/** Audits a limit reached, once per window per limit. */
async function auditThrottled(reached: SignInBucket, email: string, ip: string): Promise<void> {
  await auditOncePerWindow(`${reached.scope}:${reached.key}`, {
    actorId: null,
    action: 'auth.throttled',
    entityType: 'user',
    entityId: email,
    ip,
    after: { limit: reached.scope, failures: await failures(reached), windowMinutes: SIGN_IN_WINDOW_MS / 60_000 },
  });
}

/** The limit this attempt has already reached (audited once per window), or undefined. */
export async function signInThrottle(attempt: Attempt): Promise<SignInBucket | undefined> {
  const email = attempt.email.trim().toLowerCase();
  const reached = await limitReached(await bucketsFor({ ...attempt, email }, await getUserByEmail({ email })));
  if (reached) await auditThrottled(reached, email, attempt.ip);
  return reached;
}


export async function checkSignIn({ email, password, ip, deviceToken }: Attempt & { password: string }): Promise<SignInResult> {
  const normalised = email.trim().toLowerCase();
  const user = await getUserByEmail({ email: normalised });
  const buckets = await bucketsFor({ email: normalised, ip, deviceToken }, user);
  // The attempt is counted before the (deliberately slow) password check, in the transaction that
  // counts the others: attempts in flight at once count against the limit too, however many an
  // attacker sends in parallel, through one server or several. A sign-in that succeeds takes its
  // reservation back.
  const booked = await countThenRecord(async (): Promise<{ reached: SignInBucket } | { ids: number[] }> => {
    const reached = await limitReached(buckets);
    if (reached) return { reached };
    return { ids: await reserveAttempts(buckets) };
  });
  if ('reached' in booked) {
    await auditThrottled(booked.reached, normalised, ip);
    return { ok: false, reason: 'throttled' };
  }
  // Verify against a decoy when there is no such account, so the answer takes as long either way.
  const matches = await verifyPassword(user?.passwordHash ?? decoyHash(), password);
  if (user && matches && !user.disabledAt) {
    await releaseAttempts(booked.ids);
    await transaction(getDb(), async (tx) => recordAudit(tx, { actorId: user.id, action: 'auth.sign-in', entityType: 'user', entityId: user.id, ip }));
    await rememberAddress({ userId: user.id, address: addressGroup(ip) });
    return { ok: true, user };
  }
  // One event per real account per window. For made-up accounts the typed email is the attacker's
  // to choose, so it cannot be what bounds the trail: one event per window for the email and for the
  // address alike (a new email from a known address, or a known email from a new address, adds
  // none). The count is in the throttle table and in the auth.throttled event written at a limit.
  await auditOncePerWindow(user ? `account:${normalised}` : [`unknown:${normalised}`, `address:${addressGroup(ip)}`], { actorId: null, action: 'auth.failed', entityType: 'user', entityId: normalised, ip, after: { disabled: !!user?.disabledAt, knownBrowser: buckets[0].scope === 'device' } });
  return { ok: false, reason: 'invalid' };
}
