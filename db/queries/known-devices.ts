// Browsers known to have signed in to an account: the device-cookie half of sign-in throttling.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import { getDb } from '../index';
import type { KnownDevice } from '../schema';
import { knownDevices } from '../tables';
import { transaction } from '../store';

export const DEVICE_MAX_AGE_MS = 90 * 86_400_000;
const DEVICES_PER_USER = 10;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A new device token for this account; only its hash is stored. Keeps the newest few per account. */
export async function rememberDevice({ userId, now = Date.now() }: { userId: number; now?: number }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const db = getDb();
  await transaction(db, async (tx) => {
    await tx.insert(knownDevices).values({ tokenHash: hashToken(token), userId, createdAt: now });
    const stale = (await tx.select({ tokenHash: knownDevices.tokenHash }).from(knownDevices).where(eq(knownDevices.userId, userId)).orderBy(desc(knownDevices.createdAt))).slice(DEVICES_PER_USER);
    if (stale.length) await tx.delete(knownDevices).where(inArray(knownDevices.tokenHash, stale.map((d) => d.tokenHash)));
    await tx.delete(knownDevices).where(lt(knownDevices.createdAt, now - DEVICE_MAX_AGE_MS));
  });
  return token;
}

/** The known device this token names, if it is still fresh. */
export async function findKnownDevice({ token, now = Date.now() }: { token: string | undefined; now?: number }): Promise<KnownDevice | undefined> {
  if (!token || token.length > 100) return undefined;
  return (await getDb()
    .select()
    .from(knownDevices)
    .where(and(eq(knownDevices.tokenHash, hashToken(token)), gte(knownDevices.createdAt, now - DEVICE_MAX_AGE_MS))).limit(1))[0];
}
