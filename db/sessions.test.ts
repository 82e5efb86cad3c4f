// Sessions end: on sign-out, after the idle and absolute limits, and whenever the account's
// password, role or disabled state changes (a trigger, so no code path can forget).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../lib/auth/session-timeouts';

vi.mock('server-only', () => ({}));

// The app's store: this file on SQLite, or (the 'postgres' project) the file's own PostgreSQL database.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-sessions-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.ERRATA_SEED = 'none';

const { closeStore, getDb, initStore } = await import('./index');
const { checkSession, endSession, startSession } = await import('./queries/sessions');
const { sessions, users } = await import('./tables');

await initStore(() => {});
const db = getDb();
let userId: number;
let accounts = 0;

// Each test has an account of its own, so no other test's sessions or changes reach it.
beforeEach(async () => {
  accounts += 1;
  userId = (await db.insert(users).values({ email: `s${accounts}@example.org`, name: 'S', role: 'standards', passwordHash: 'x' }).returning())[0].id;
});

afterAll(async () => {
  await closeStore();
  fs.rmSync(dir, { recursive: true, force: true });
});

const t0 = new Date('2026-03-01T09:00:00Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

describe('sessions', () => {
  it('a started session is live for its own account only', async () => {
    const id = await startSession(db, { userId, now: t0 });
    expect(await checkSession(db, { id, userId, now: later(1000) })).toBe(true);
    expect(await checkSession(db, { id, userId: userId + 1, now: later(1000) })).toBe(false);
    expect(await checkSession(db, { id: 'made-up', userId, now: later(1000) })).toBe(false);
  });

  it('sign-out ends it for good', async () => {
    const id = await startSession(db, { userId, now: t0 });
    await endSession(db, { id, reason: 'sign-out', now: later(1) });
    expect(await checkSession(db, { id, userId, now: later(2) })).toBe(false);
  });

  it('ends after the idle limit, and requests keep it alive until the absolute limit', async () => {
    const idle = await startSession(db, { userId, now: t0 });
    expect(await checkSession(db, { id: idle, userId, now: later(SESSION_IDLE_MS) })).toBe(false);
    // …and stays ended, even if asked again at once.
    expect((await db.select().from(sessions).where(eq(sessions.id, idle)).limit(1))[0]?.endReason).toBe('idle');

    const busy = await startSession(db, { userId, now: t0 });
    for (let t = 0; t < SESSION_ABSOLUTE_MS; t += SESSION_IDLE_MS / 2) expect(await checkSession(db, { id: busy, userId, now: later(t) })).toBe(true);
    expect(await checkSession(db, { id: busy, userId, now: later(SESSION_ABSOLUTE_MS) })).toBe(false);
  });

  for (const [what, change] of [
    ['a password change', { passwordHash: 'y' }],
    ['a role change', { role: 'editor' as const }],
    ['disabling', { disabledAt: new Date() }],
  ] as const) {
    it(`${what} ends every earlier session of the account`, async () => {
      const a = await startSession(db, { userId, now: t0 });
      const b = await startSession(db, { userId, now: t0 });
      await db.update(users).set(change).where(eq(users.id, userId));
      expect(await checkSession(db, { id: a, userId, now: later(1) })).toBe(false);
      expect(await checkSession(db, { id: b, userId, now: later(1) })).toBe(false);
    });
  }

  it('re-enabling does not revive sessions from before the disable', async () => {
    const id = await startSession(db, { userId, now: t0 });
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId));
    await db.update(users).set({ disabledAt: null }).where(eq(users.id, userId));
    expect(await checkSession(db, { id, userId, now: later(1) })).toBe(false);
  });

  it('an unrelated change to the account (its name) ends nothing', async () => {
    const id = await startSession(db, { userId, now: t0 });
    await db.update(users).set({ name: 'Renamed' }).where(eq(users.id, userId));
    expect(await checkSession(db, { id, userId, now: later(1) })).toBe(true);
  });
});
