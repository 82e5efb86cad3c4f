// Webhook delivery's services on a real database: subscriptions, claims (and their locks), the
// retry schedule to the point of giving up, disabled subscriptions, "Retry now", and two worker
// processes claiming from one outbox without ever both taking a message.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { transaction } from '../store';
import { fromDatabase } from '../test-support';

vi.mock('server-only', () => ({}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-webhooks-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.ERRATA_SEED = 'none';
process.env.ERRATA_ADMIN_EMAIL = 'admin@example.org';
process.env.ERRATA_ADMIN_PASSWORD = 'a long enough admin password 2026';
process.env.ERRATA_WEBHOOK_BACKOFF_SCALE = '0.001';
delete process.env.ERRATA_WEBHOOK_ALLOW_PRIVATE;

const { getDb, initStore } = await import('../index');
const { auditEvents, users, webhookDeliveries, webhookOutbox, webhookSubscriptions } = await import('../tables');
const { createArticle, publishArticle, saveVersion } = await import('./article-writes');
const { createDraft, publishCorrection } = await import('./correction-writes');
const w = await import('./webhook-delivery');
const { RETRY_SCHEDULE_MS } = await import('../../lib/webhooks/backoff');
const { and, asc, eq, isNull } = await import('drizzle-orm');

await initStore();
const db = getDb();
const admin = (await db.insert(users).values({ email: 'a@example.org', name: 'Admin', role: 'admin', passwordHash: 'x' }).returning())[0];
const standards = (await db.insert(users).values({ email: 's@example.org', name: 'S', role: 'standards', passwordHash: 'x' }).returning())[0];
const LOCK = 30_000;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A published article with one new version saved on it: one article.amended event per subscription to it. */
async function amendedArticle() {
  n += 1;
  const article = await createArticle({ slug: `harbour-${n}`, section: 'Local', byline: 'B', headline: 'Harbour', standfirst: 'S', body: 'The council lost 695 seats and nine councils.', actorId: standards.id });
  await publishArticle({ articleId: article.id, actorId: standards.id });
  const saved = await saveVersion({ articleId: article.id, baseNumber: 1, headline: 'Harbour', standfirst: 'S', body: `The council lost 695 seats and nine councils (${n}).`, changeKind: 'update', note: 'Detail', actorId: standards.id });
  if (!saved.ok) throw new Error('the version was not saved');
  return article;
}

/** Each test sees only its own messages: every pending one so far delivered, every subscription so far disabled. */
async function settleEverything() {
  for (const row of (await db.select().from(webhookOutbox).where(and(isNull(webhookOutbox.deliveredAt), isNull(webhookOutbox.failedAt))))) {
    await w.recordAttempt({ outboxId: row.id, ok: true, status: 200, error: null, durationMs: 1 });
  }
  await db.update(webhookSubscriptions).set({ disabledAt: new Date() }).where(isNull(webhookSubscriptions.disabledAt));
}

async function subscribe(events: string[] = ['article.amended', 'correction.published']) {
  return w.createSubscription({ url: `https://cms.example.com/hooks/${++n}`, events, description: 'The CMS', actorId: admin.id });
}

async function messagesFor(subscriptionId: number) {
  // In the order they were written: PostgreSQL returns an updated row (a claim) after the others without it.
  return await db.select().from(webhookOutbox).where(eq(webhookOutbox.subscriptionId, subscriptionId)).orderBy(asc(webhookOutbox.id));
}

describe('subscriptions', () => {
  it('are made with a secret that is returned but never audited', async () => {
    const s = await subscribe();
    expect(s.secret).toMatch(/^whsec_/);
    expect(s.events).toBe('correction.published article.amended');
    const audit = (await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'webhook.subscribe'), eq(auditEvents.entityId, String(s.id)))).limit(1))[0];
    expect(audit?.actorId).toBe(admin.id);
    expect(JSON.parse(audit!.after!)).toEqual({ url: s.url, events: ['correction.published', 'article.amended'], description: 'The CMS' });
    expect(audit!.after).not.toContain(s.secret.slice(6));
    expect((await w.listSubscriptions()).find((x) => x.id === s.id)).not.toHaveProperty('secret');
  });

  it('refuse a bad address or no events, beside the field', async () => {
    const refusal = async (input: Parameters<typeof w.createSubscription>[0]) => {
      try {
        await w.createSubscription(input);
      } catch (error) {
        return { field: (error as { field?: string }).field, status: (error as { status?: number }).status, message: (error as Error).message };
      }
      return null;
    };
    expect(await refusal({ url: 'http://127.0.0.1:9/hook', events: ['article.amended'], actorId: admin.id })).toMatchObject({ field: 'url', status: 422, message: expect.stringMatching(/private network/) });
    expect(await refusal({ url: 'https://u:p@cms.example.com/', events: ['article.amended'], actorId: admin.id })).toMatchObject({ field: 'url' });
    expect(await refusal({ url: 'https://cms.example.com/', events: [], actorId: admin.id })).toMatchObject({ field: 'events', status: 422 });
    expect(await refusal({ url: 'https://cms.example.com/', events: ['article.deleted'], actorId: admin.id })).toMatchObject({ field: 'events' });
    expect(await refusal({ url: 'https://cms.example.com/', events: ['article.amended'], description: 'x'.repeat(501), actorId: admin.id })).toMatchObject({ field: 'description' });
    expect(await refusal({ url: 'https://cms.example.com/', events: ['article.amended'], description: 'evil\u202egnp.exe', actorId: admin.id })).toMatchObject({ field: 'description' });
  });

  it('cannot be rewritten or deleted, only disabled (audited), once', async () => {
    const s = await subscribe();
    await expect(fromDatabase(db.update(webhookSubscriptions).set({ url: 'https://elsewhere.example.com/' }).where(eq(webhookSubscriptions.id, s.id)))).rejects.toThrow(/never changed/);
    await w.disableSubscription({ id: s.id, actorId: admin.id });
    expect((await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'webhook.disable'), eq(auditEvents.entityId, String(s.id)))).limit(1))[0]).toBeTruthy();
    await expect(async () => w.disableSubscription({ id: s.id, actorId: admin.id })).rejects.toThrow(/already disabled/);
    await expect(async () => w.disableSubscription({ id: 99_999, actorId: admin.id })).rejects.toThrow(/No such subscription/);
  });
});

describe('claiming due messages', () => {
  it('claims each committed change’s message once, locks it, and hands it out again with the same id and bytes when the lock runs out', async () => {
    await settleEverything();
    const s = await subscribe();
    const article = await amendedArticle();
    const [message] = await messagesFor(s.id);
    expect(message).toMatchObject({ event: 'article.amended', entityType: 'article', entityId: String(article.id), attempts: 0 });
    const now = new Date(message.nextAttemptAt.getTime() + 1);
    const first = await w.claimDue({ now, lockMs: LOCK });
    expect(first.map((m) => m.id)).toEqual([message.id]);
    expect(first[0]).toMatchObject({ url: s.url, secret: s.secret, messageId: message.messageId, payload: message.payload });
    expect(JSON.parse(first[0].payload)).toMatchObject({ type: 'article.amended', data: { article: { id: article.id }, version: { number: 2 } } });
    // Held: nobody else gets it, not even this process, until the lock runs out.
    expect(await w.claimDue({ now, lockMs: LOCK })).toEqual([]);
    expect(await w.claimDue({ now: new Date(now.getTime() + LOCK - 1), lockMs: LOCK })).toEqual([]);
    const again = await w.claimDue({ now: new Date(now.getTime() + LOCK + 1), lockMs: LOCK });
    expect(again.map((m) => [m.messageId, m.payload])).toEqual([[message.messageId, message.payload]]);
  });

  it('never claims what is not due yet, and never a delivered message', async () => {
    await settleEverything();
    const s = await subscribe();
    await amendedArticle();
    const [message] = await messagesFor(s.id);
    expect(await w.claimDue({ now: new Date(message.nextAttemptAt.getTime() - 1), lockMs: LOCK })).toEqual([]);
    await w.recordAttempt({ outboxId: message.id, ok: true, status: 204, error: null, durationMs: 12 });
    expect(await w.claimDue({ now: new Date(Date.now() + 365 * 86_400_000), lockMs: LOCK })).toEqual([]);
    // The record of sending: delivered stays delivered, and the outbox is never deleted from.
    await expect(fromDatabase(db.update(webhookOutbox).set({ deliveredAt: null }).where(eq(webhookOutbox.id, message.id)))).rejects.toThrow(/stays delivered/);
    await expect(fromDatabase(db.update(webhookOutbox).set({ payload: '{}' }).where(eq(webhookOutbox.id, message.id)))).rejects.toThrow(/as it was written/);
    await expect(fromDatabase(db.delete(webhookOutbox).where(eq(webhookOutbox.id, message.id)))).rejects.toThrow(/record of what was sent/);
  });

  it('writes nothing for a change that rolled back, nor for a subscription to other events', async () => {
    await settleEverything();
    const s = await subscribe(['column.published']);
    const before = (await db.select().from(webhookOutbox)).length;
    await amendedArticle();
    expect(await messagesFor(s.id)).toEqual([]);
    const other = await subscribe(['article.amended']);
    const article = await amendedArticle();
    const count = (await db.select().from(webhookOutbox)).length;
    expect(count).toBeGreaterThan(before);
    // A version whose transaction fails (the base number is stale) leaves no message behind.
    expect((await saveVersion({ articleId: article.id, baseNumber: 1, headline: 'H', standfirst: 'S', body: 'Other words.', changeKind: 'update', note: 'x', actorId: standards.id })).ok).toBe(false);
    await expect(async () =>
      transaction(db, async (tx) => {
        await tx.insert(webhookOutbox).values({ messageId: 'msg_rolled_back', subscriptionId: other.id, event: 'article.amended', payload: '{}', entityType: 'article', entityId: '1', nextAttemptAt: new Date() });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await db.select().from(webhookOutbox)).length).toBe(count);
  });
});

describe('the retry schedule', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (scaled), then fails the message', async () => {
    await settleEverything();
    const s = await subscribe(['correction.published']);
    const article = await amendedArticle();
    const draft = await createDraft({ articleId: article.id, versionNumber: 2, kind: 'correction', mode: 'notice', wording: 'They lost 842 seats and 11 councils.', claims: [{ start: 17, end: 26 }], actorId: standards.id });
    const published = await publishCorrection({ correctionId: draft.id, actorId: standards.id, revision: draft.revision, taxonomy: { errorType: 'number', errorCause: 'reporting', foundBy: 'staff' } });
    expect(published.ok).toBe(true);
    const [message] = await messagesFor(s.id);
    expect(message).toMatchObject({ event: 'correction.published', entityType: 'correction', entityId: String(draft.id) });
    let now = new Date(message.nextAttemptAt.getTime());
    for (let attempt = 1; attempt <= RETRY_SCHEDULE_MS.length; attempt++) {
      const [claimed] = await w.claimDue({ now, lockMs: LOCK });
      expect(claimed?.id, `attempt ${attempt}`).toBe(message.id);
      const after = await w.recordAttempt({ outboxId: message.id, ok: false, status: 503, error: null, durationMs: 40, now });
      expect(after.attempts).toBe(attempt);
      expect(after.lockedUntil).toBeNull();
      expect(after.lastError).toBe('HTTP 503');
      if (attempt === RETRY_SCHEDULE_MS.length) {
        expect(after.failedAt).toEqual(now);
        break;
      }
      const wait = Math.round(RETRY_SCHEDULE_MS[attempt] * 0.001);
      expect(after.nextAttemptAt.getTime() - now.getTime()).toBe(wait);
      expect(after.failedAt).toBeNull();
      // Not a moment before its time.
      if (wait > 0) expect(await w.claimDue({ now: new Date(now.getTime() + wait - 1), lockMs: LOCK })).toEqual([]);
      now = new Date(now.getTime() + wait);
    }
    expect(await w.claimDue({ now: new Date(now.getTime() + 86_400_000), lockMs: LOCK })).toEqual([]);
    const attempts = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.outboxId, message.id));
    expect(attempts.map((a) => [a.attempt, a.status, a.ok])).toEqual(RETRY_SCHEDULE_MS.map((_, i) => [i + 1, 503, false]));
    await expect(fromDatabase(db.update(webhookDeliveries).set({ status: 200 }).where(eq(webhookDeliveries.outboxId, message.id)))).rejects.toThrow(/append-only/);
    // The correction's desk page lists it, failed, with its last attempt.
    const [entry] = await w.listOutboxFor('correction', draft.id);
    expect(entry).toMatchObject({ status: 'failed', subscriptionUrl: s.url, lastDelivery: { attempt: 8, status: 503 } });
    expect(entry.message).not.toHaveProperty('payload');

    // Retry now: due at once, audited; if it fails again it is failed again after that one attempt.
    await w.retryNow({ outboxId: message.id, actorId: admin.id, now });
    expect((await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'webhook.retry'), eq(auditEvents.entityId, String(message.id)))).limit(1))[0]?.actorId).toBe(admin.id);
    await expect(async () => w.retryNow({ outboxId: message.id, actorId: admin.id })).rejects.toThrow(/has not failed/);
    const [retried] = await w.claimDue({ now, lockMs: LOCK });
    expect(retried.messageId).toBe(message.messageId);
    expect((await w.recordAttempt({ outboxId: message.id, ok: false, status: null, error: 'no answer within 10 s', durationMs: 10_000, now })).failedAt).toEqual(now);
    await w.retryNow({ outboxId: message.id, actorId: admin.id, now });
    await w.claimDue({ now, lockMs: LOCK });
    const delivered = await w.recordAttempt({ outboxId: message.id, ok: true, status: 200, error: null, durationMs: 5, now });
    expect(delivered).toMatchObject({ deliveredAt: now, attempts: 10, lastError: null });
    await expect(async () => w.retryNow({ outboxId: message.id, actorId: admin.id })).rejects.toThrow(/was delivered/);
    await expect(async () => w.retryNow({ outboxId: 99_999, actorId: admin.id })).rejects.toThrow(/No such/);
  });
});

describe('a disabled subscription', () => {
  it('gets nothing more: its pending messages are failed as "subscription disabled", and no new ones are written', async () => {
    await settleEverything();
    const s = await subscribe(['article.amended']);
    await amendedArticle();
    await amendedArticle();
    expect(await messagesFor(s.id)).toHaveLength(2);
    // Disabled behind the services' back (another process, a data fix): the next claim fails them.
    await db.update(webhookSubscriptions).set({ disabledAt: new Date() }).where(eq(webhookSubscriptions.id, s.id));
    expect(await w.claimDue({ now: new Date(Date.now() + 1000), lockMs: LOCK })).toEqual([]);
    expect((await messagesFor(s.id)).map((m) => [m.failedAt !== null, m.lastError])).toEqual([
      [true, 'subscription disabled'],
      [true, 'subscription disabled'],
    ]);
    await amendedArticle();
    expect(await messagesFor(s.id)).toHaveLength(2);
    await expect(async () => w.retryNow({ outboxId: (await messagesFor(s.id))[0].id, actorId: admin.id })).rejects.toThrow(/disabled/);
  });

  it('disabled on the desk fails its pending messages at once, but lets one being sent finish', async () => {
    await settleEverything();
    const s = await subscribe(['article.amended']);
    await amendedArticle();
    const now = new Date(Date.now() + 1000);
    const [sending] = await w.claimDue({ now, lockMs: LOCK });
    await amendedArticle();
    await w.disableSubscription({ id: s.id, actorId: admin.id, now });
    const [first, second] = await messagesFor(s.id);
    expect(first).toMatchObject({ id: sending.id, failedAt: null });
    expect(second).toMatchObject({ lastError: 'subscription disabled' });
    expect((await w.recordAttempt({ outboxId: sending.id, ok: true, status: 200, error: null, durationMs: 3, now })).deliveredAt).toEqual(now);
  });
});

describe('the desk’s list of messages', () => {
  it('is newest first, a keyset page at a time, each with its last attempt', async () => {
    await settleEverything();
    const page = await w.listOutbox({ limit: 3 });
    expect(page.rows).toHaveLength(3);
    const ids = page.rows.map((r) => r.message.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(page.next).toBe(ids[2]);
    const next = await w.listOutbox({ limit: 3, cursor: { after: page.next! } });
    expect(next.rows[0].message.id).toBeLessThan(ids[2]);
    expect(next.prev).toBe(next.rows[0].message.id);
    for (const r of [...page.rows, ...next.rows]) {
      expect(['delivered', 'failed']).toContain(r.status);
      if (r.status === 'delivered') expect(r.lastDelivery?.ok).toBe(true);
      if (r.lastDelivery) expect(r.lastDelivery.outboxId).toBe(r.message.id);
    }
  });
});

describe('two workers claiming from one outbox', () => {
  it('never both get a message', async () => {
    await settleEverything();
    const s = await subscribe(['article.amended']);
    for (let i = 0; i < 240; i++) await amendedArticle();
    const mine = new Set((await messagesFor(s.id)).map((m) => m.id));
    expect(mine.size).toBe(240);
    // Separate processes, each with its own connection, claiming small batches as fast as they can.
    const script = path.join(dir, 'claimer.mts');
    const service = path.join(process.cwd(), 'db', 'queries', 'webhook-delivery.ts');
    const store = path.join(process.cwd(), 'db', 'index.ts');
    fs.writeFileSync(
      script,
      `const { claimDue } = await import(${JSON.stringify(service)});
// Opened as a server opens it (on PostgreSQL the pool exists only once initStore() has made it).
const { closeStore, initStore } = await import(${JSON.stringify(store)});
await initStore(() => {});
import fs from 'node:fs';
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const ids = [];
// All three start together, once each has loaded: each says it is ready, then waits for the others.
fs.writeFileSync(${JSON.stringify(dir)} + '/ready-' + process.pid, '');
while (fs.readdirSync(${JSON.stringify(dir)}).filter((f) => f.startsWith('ready-')).length < 3) sleep(1);
const until = Date.now() + 20_000;
for (let empty = 0; empty < 3 && Date.now() < until; ) {
  const batch = await claimDue({ now: new Date(Date.now() + 1000), limit: 2, lockMs: 3_600_000 });
  if (batch.length === 0) empty += 1; else empty = 0;
  ids.push(...batch.map((m) => m.id));
  // Each has claimed once before any claims again, so on a loaded machine one claimer cannot drain
  // the outbox before the others are scheduled (the first claims ran side by side, from the barrier).
  if (!fs.existsSync(${JSON.stringify(dir)} + '/claimed-' + process.pid)) {
    fs.writeFileSync(${JSON.stringify(dir)} + '/claimed-' + process.pid, '');
    while (fs.readdirSync(${JSON.stringify(dir)}).filter((f) => f.startsWith('claimed-')).length < 3 && Date.now() < until) sleep(1);
  }
  // As a worker does: send what it claimed before claiming more.
  sleep(1);
}
console.log(JSON.stringify(ids));
// Closed, so the process ends now (an idle pool would keep it alive for its idle timeout).
await closeStore();
`,
    );
    const claimer = () =>
      new Promise<number[]>((resolve, reject) => {
        const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', script], { cwd: process.cwd(), env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as number[]) : reject(new Error(`claimer exited ${code}: ${err}`))));
      });
    const results = await Promise.all([claimer(), claimer(), claimer()]);
    // They really did take turns: more than one got messages.
    expect(results.filter((r) => r.length > 0).length).toBeGreaterThanOrEqual(2);
    const all = results.flat().filter((id) => mine.has(id));
    expect(new Set(all).size, 'a message was claimed twice').toBe(all.length);
    expect(new Set(all)).toEqual(mine);
  }, 60_000);
});
