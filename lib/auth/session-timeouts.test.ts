import { describe, expect, it } from 'vitest';
import { needsTouch, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionState } from './session-timeouts';

const start = new Date('2026-03-01T09:00:00Z');
const at = (ms: number) => new Date(start.getTime() + ms);

describe('sessionState', () => {
  it('is live while used, up to the absolute limit', () => {
    expect(sessionState({ createdAt: start, lastSeenAt: start, endedAt: null }, at(1000))).toBe('live');
    expect(sessionState({ createdAt: start, lastSeenAt: at(SESSION_ABSOLUTE_MS - 60_000), endedAt: null }, at(SESSION_ABSOLUTE_MS - 1))).toBe('live');
  });

  it('ends after an hour without a request', () => {
    expect(sessionState({ createdAt: start, lastSeenAt: start, endedAt: null }, at(SESSION_IDLE_MS - 1))).toBe('live');
    expect(sessionState({ createdAt: start, lastSeenAt: start, endedAt: null }, at(SESSION_IDLE_MS))).toBe('idle');
  });

  it('ends twelve hours after sign-in, however busy', () => {
    expect(sessionState({ createdAt: start, lastSeenAt: at(SESSION_ABSOLUTE_MS - 1), endedAt: null }, at(SESSION_ABSOLUTE_MS))).toBe('expired');
  });

  it('stays ended once ended', () => {
    expect(sessionState({ createdAt: start, lastSeenAt: start, endedAt: at(10) }, at(20))).toBe('ended');
  });

  it('asks for a touch at most once a minute', () => {
    expect(needsTouch({ createdAt: start, lastSeenAt: start, endedAt: null }, at(59_999))).toBe(false);
    expect(needsTouch({ createdAt: start, lastSeenAt: start, endedAt: null }, at(60_000))).toBe(true);
  });
});
