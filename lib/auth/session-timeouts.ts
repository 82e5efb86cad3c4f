// How long a desk session lives (OWASP ASVS 7.3): it ends after an hour without a request, and
// twelve hours after sign-in whatever happens, checked by the server on every request.

export const SESSION_IDLE_MS = 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Recording every request's time would write on every page view; a minute's precision is plenty. */
export const SESSION_TOUCH_MS = 60 * 1000;

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

export type SessionState = 'live' | 'ended' | 'idle' | 'expired';

export function sessionState(session: SessionTimes, now: Date): SessionState {
  if (session.endedAt) return 'ended';
  const t = now.getTime();
  if (t - session.createdAt.getTime() >= SESSION_ABSOLUTE_MS) return 'expired';
  if (t - session.lastSeenAt.getTime() >= SESSION_IDLE_MS) return 'idle';
  return 'live';
}

/** Whether a live session's last-seen time is stale enough to write again. */
export function needsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}
