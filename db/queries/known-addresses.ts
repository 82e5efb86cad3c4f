// Addresses an account has signed in from: the "usual address" half of sign-in throttling, beside
// known devices (db/queries/known-devices.ts). Addresses are kept by their rate-limit group
// (lib/net/client-address.ts `addressGroup`: an IPv6 address by its /64).
import 'server-only';
import { and, eq, gte, lt } from 'drizzle-orm';
import { getDb } from '../index';
import { knownAddresses } from '../tables';
import { transaction } from '../store';

export const ADDRESS_MAX_AGE_MS = 90 * 86_400_000;

/** Notes a successful sign-in from this address; forgets addresses unused for 90 days. */
export async function rememberAddress({ userId, address, now = Date.now() }: { userId: number; address: string; now?: number }): Promise<void> {
  if (!address || address === 'unknown') return;
  await transaction(getDb(), async (tx) => {
    await tx.insert(knownAddresses).values({ userId, address, lastSeenAt: now }).onConflictDoUpdate({ target: [knownAddresses.userId, knownAddresses.address], set: { lastSeenAt: now } });
    await tx.delete(knownAddresses).where(lt(knownAddresses.lastSeenAt, now - ADDRESS_MAX_AGE_MS));
  });
}

export async function isKnownAddress({ userId, address, now = Date.now() }: { userId: number; address: string; now?: number }): Promise<boolean> {
  if (!address || address === 'unknown') return false;
  return !!(await getDb()
    .select({ userId: knownAddresses.userId })
    .from(knownAddresses)
    .where(and(eq(knownAddresses.userId, userId), eq(knownAddresses.address, address), gte(knownAddresses.lastSeenAt, now - ADDRESS_MAX_AGE_MS))).limit(1))[0];
}
