// Desk sessions: one row per sign-in, checked on every request (app/(auth)/access.ts). The cookie
// only names the row; whether it still counts is decided here, by the server.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { needsTouch, SESSION_ABSOLUTE_MS, sessionState } from '../../lib/auth/session-timeouts';
import type { Db } from '../connection';
import { sessions } from '../tables';
import { transaction } from '../store';

/** Starts a session for a signed-in account, clearing rows too old to matter any more. */
export async function startSession(db: Db, { userId, now = new Date() }: { userId: number; now?: Date }): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await transaction(db, async (tx) => {
    await tx.delete(sessions)
      .where(lt(sessions.createdAt, new Date(now.getTime() - 2 * SESSION_ABSOLUTE_MS)));
    await tx.insert(sessions).values({ id, userId, createdAt: now, lastSeenAt: now });
  });
  return id;
}

/**
 * Whether session `id` of account `userId` is live now (not ended, idle or expired). A live
 * session's last-seen time moves on; an idle or expired one is ended for good.
 */
export async function checkSession(db: Db, { id, userId, now = new Date() }: { id: string; userId: number; now?: Date }): Promise<boolean> {
  const row = (await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId))).limit(1))[0];
  if (!row) return false;
  const state = sessionState(row, now);
  if (state === 'ended') return false;
  if (state !== 'live') {
    await endSession(db, { id, reason: state, now });
    return false;
  }
  if (needsTouch(row, now)) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  return true;
}

/** Ends one session (sign-out, or a timeout). Ending an ended session changes nothing. */
export async function endSession(db: Db, { id, reason, now = new Date() }: { id: string; reason: string; now?: Date }): Promise<void> {
  await db.update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}
