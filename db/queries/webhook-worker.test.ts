// The delivery worker against a real receiver on 127.0.0.1: signed requests a Standard Webhooks
// library verifies, retries with the same id and bytes, no redirects followed, a timeout, an answer
// read no further than 4 KB, private addresses refused unless allowed (also when a name answers a
// public address first and a private one to the connection), and the polling loop.
import type { LookupAddress } from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { transaction } from '../store';

vi.mock('server-only', () => ({}));
// The worker's lookups, as they are unless a test queues answers (a rebinding DNS server).
const lookups = vi.hoisted(() => ({ queued: [] as unknown[][] }));
vi.mock('node:dns/promises', async (original) => {
  const dns = await original<typeof import('node:dns/promises')>();
  return { ...dns, lookup: (async (hostname: string, options: object) => lookups.queued.shift() ?? dns.lookup(hostname, options as never)) as typeof dns.lookup };
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-webhook-worker-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.ERRATA_SEED = 'none';
process.env.ERRATA_ADMIN_EMAIL = 'admin@example.org';
process.env.ERRATA_ADMIN_PASSWORD = 'a long enough admin password 2026';
process.env.ERRATA_WEBHOOK_ALLOW_PRIVATE = '1';

const { getDb, initStore } = await import('../index');
const { users, webhookDeliveries, webhookOutbox, webhookSubscriptions } = await import('../tables');
const { enqueueEvent } = await import('./webhook-outbox');
const { createSubscription } = await import('./webhook-delivery');
const { deliverDue, sendMessage, startWebhookWorker, nudgeWebhookWorker, stopWebhookWorker, USER_AGENT } = await import('./webhook-worker');
const { webhookWorkerConfig } = await import('../../lib/webhooks/backoff');
const { eq, isNull } = await import('drizzle-orm');

await initStore();
const db = getDb();
const admin = (await db.insert(users).values({ email: 'a@example.org', name: 'Admin', role: 'admin', passwordHash: 'x' }).returning())[0];
// A 2 s lock: each request times out after 1 s. Retries come 1,000 times sooner.
const config = webhookWorkerConfig({ ERRATA_WEBHOOK_LOCK_MS: '2000', ERRATA_WEBHOOK_BACKOFF_SCALE: '0.001' });

interface Arrival {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const arrivals: Arrival[] = [];
/** What the receiver does with each request, by path. */
let answer: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void = (_req, res) => res.end('ok');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    arrivals.push({ path: req.url ?? '', headers: req.headers, body });
    answer(req, res, body);
  });
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  stopWebhookWorker();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** A fresh subscription (every earlier one disabled) and one message for it. */
async function subscribedMessage(route = '/hook') {
  await db.update(webhookSubscriptions).set({ disabledAt: new Date() }).where(isNull(webhookSubscriptions.disabledAt));
  const subscription = await createSubscription({ url: `${base}${route}`, events: ['article.amended'], actorId: admin.id });
  n += 1;
  await transaction(db, async (tx) => enqueueEvent(tx, { event: 'article.amended', entityType: 'article', entityId: n, data: { article: { id: n, headline: 'Harbour wall “to be rebuilt”' } } }));
  const message = (await db.select().from(webhookOutbox).where(eq(webhookOutbox.subscriptionId, subscription.id)).limit(1))[0]!;
  return { subscription, message };
}

const row = async (id: number) => (await db.select().from(webhookOutbox).where(eq(webhookOutbox.id, id)).limit(1))[0]!;
const attemptsOf = async (id: number) => await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.outboxId, id));

describe('a delivery', () => {
  it('is a signed JSON POST the Standard Webhooks library verifies, and a 2xx marks it delivered', async () => {
    arrivals.length = 0;
    answer = (_req, res) => res.writeHead(204).end();
    const { subscription, message } = await subscribedMessage();
    const run = await deliverDue({ config });
    expect(run).toEqual({ claimed: 1, delivered: 1, failed: 0 });
    expect(arrivals).toHaveLength(1);
    const [got] = arrivals;
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['user-agent']).toBe(USER_AGENT);
    expect(got.headers['webhook-id']).toBe(message.messageId);
    expect(got.body).toBe(message.payload);
    expect(new Webhook(subscription.secret).verify(got.body, got.headers as Record<string, string>)).toEqual(JSON.parse(message.payload));
    expect(await row(message.id)).toMatchObject({ attempts: 1, lockedUntil: null, failedAt: null });
    expect((await row(message.id)).deliveredAt).toBeInstanceOf(Date);
    expect(await attemptsOf(message.id)).toMatchObject([{ attempt: 1, status: 204, ok: true, error: null }]);
  });

  it('that fails is sent again on its schedule with the same webhook-id and byte-identical body', async () => {
    arrivals.length = 0;
    let calls = 0;
    answer = (_req, res) => (++calls === 1 ? res.writeHead(500).end(`Internal error\n${'x'.repeat(10_000)}`) : res.end('ok'));
    const { subscription, message } = await subscribedMessage();
    expect(await deliverDue({ config })).toMatchObject({ claimed: 1, failed: 1 });
    const failed = await row(message.id);
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/^HTTP 500: Internal error x+…$/);
    expect(failed.lastError!.length).toBeLessThan(220);
    // 5 s × 0.001 later it is due again.
    await new Promise((r) => setTimeout(r, 20));
    expect(await deliverDue({ config })).toMatchObject({ claimed: 1, delivered: 1 });
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1].headers['webhook-id']).toBe(arrivals[0].headers['webhook-id']);
    expect(Buffer.from(arrivals[1].body).equals(Buffer.from(arrivals[0].body))).toBe(true);
    for (const a of arrivals) expect(() => new Webhook(subscription.secret).verify(a.body, a.headers as Record<string, string>)).not.toThrow();
    expect((await attemptsOf(message.id)).map((a) => [a.attempt, a.status, a.ok])).toEqual([
      [1, 500, false],
      [2, 200, true],
    ]);
  });

  it('does not follow a redirect', async () => {
    arrivals.length = 0;
    answer = (req, res) => (req.url === '/moved' ? res.writeHead(302, { location: `${base}/elsewhere` }).end() : res.end('ok'));
    const { message } = await subscribedMessage('/moved');
    await deliverDue({ config });
    expect(arrivals.map((a) => a.path)).toEqual(['/moved']);
    expect(await row(message.id)).toMatchObject({ deliveredAt: null, attempts: 1, lastError: expect.stringMatching(/HTTP 302: redirects are not followed/) });
  });

  it('gives up on a receiver that does not answer within the timeout', async () => {
    arrivals.length = 0;
    answer = () => undefined;
    const { message } = await subscribedMessage();
    const started = Date.now();
    await deliverDue({ config });
    expect(Date.now() - started).toBeLessThan(1900);
    expect(await row(message.id)).toMatchObject({ deliveredAt: null, attempts: 1, lastError: 'no answer within 1 s' });
    expect((await attemptsOf(message.id))[0]).toMatchObject({ status: null, ok: false });
  });

  it('reads no more than 4 KB of an answer, even one that never ends', async () => {
    arrivals.length = 0;
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('y'.repeat(8192));
      // …and never ends it.
    };
    const { message } = await subscribedMessage();
    const started = Date.now();
    await deliverDue({ config });
    expect(Date.now() - started).toBeLessThan(900);
    expect((await row(message.id)).deliveredAt).toBeInstanceOf(Date);
  });

  it('records a refused connection as an attempt', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await db.update(webhookSubscriptions).set({ disabledAt: new Date() }).where(isNull(webhookSubscriptions.disabledAt));
    const s = await createSubscription({ url: `http://127.0.0.1:${port}/hook`, events: ['article.amended'], actorId: admin.id });
    await transaction(db, async (tx) => enqueueEvent(tx, { event: 'article.amended', entityType: 'article', entityId: 'refused', data: {} }));
    await deliverDue({ config });
    const message = (await db.select().from(webhookOutbox).where(eq(webhookOutbox.subscriptionId, s.id)).limit(1))[0]!;
    expect(message.lastError).toMatch(/could not connect: .*ECONNREFUSED/);
  });

  it('to this machine is refused at sending time unless private receivers are allowed', async () => {
    arrivals.length = 0;
    const { message } = await subscribedMessage();
    const claimed = { ...message, url: `${base}/hook`, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' };
    delete process.env.ERRATA_WEBHOOK_ALLOW_PRIVATE;
    try {
      const result = await sendMessage(claimed, { timeoutMs: 1000, allowPrivate: false });
      expect(result).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/^not sent: 127\.0\.0\.1 is on this machine or a private network/) });
      expect(arrivals).toEqual([]);
    } finally {
      process.env.ERRATA_WEBHOOK_ALLOW_PRIVATE = '1';
    }
  });

  it('to a name that answers a public address, then a private one to the connection (DNS rebinding), is refused and recorded as an attempt', async () => {
    arrivals.length = 0;
    await db.update(webhookSubscriptions).set({ disabledAt: new Date() }).where(isNull(webhookSubscriptions.disabledAt));
    const port = new URL(base).port;
    const s = await createSubscription({ url: `http://rebind.example:${port}/hook`, events: ['article.amended'], actorId: admin.id });
    await transaction(db, async (tx) => enqueueEvent(tx, { event: 'article.amended', entityType: 'article', entityId: 'rebind', data: {} }));
    // The early check is told a public address; the connection's own lookup, this machine's.
    lookups.queued.push([{ address: '93.184.215.14', family: 4 }] satisfies LookupAddress[], [{ address: '127.0.0.1', family: 4 }] satisfies LookupAddress[]);
    delete process.env.ERRATA_WEBHOOK_ALLOW_PRIVATE;
    try {
      expect(await deliverDue({ config })).toMatchObject({ claimed: 1, delivered: 0, failed: 1 });
    } finally {
      process.env.ERRATA_WEBHOOK_ALLOW_PRIVATE = '1';
      lookups.queued.length = 0;
    }
    expect(arrivals).toEqual([]);
    const message = (await db.select().from(webhookOutbox).where(eq(webhookOutbox.subscriptionId, s.id)).limit(1))[0]!;
    expect(message).toMatchObject({ deliveredAt: null, attempts: 1, lastError: 'not sent: rebind.example is on this machine or a private network (127.0.0.1)' });
    expect((await attemptsOf(message.id))[0]).toMatchObject({ status: null, ok: false });
  });

  it('through any fetch: a thrown error is an attempt, never an exception', async () => {
    const { message } = await subscribedMessage();
    const fetchImpl = (async () => {
      throw new TypeError('fetch failed', { cause: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND cms.example.com' } });
    }) as unknown as typeof fetch;
    await deliverDue({ config, fetchImpl });
    expect((await row(message.id)).lastError).toBe('could not connect: getaddrinfo ENOTFOUND cms.example.com');
  });
});

describe('the worker', () => {
  it('sends what is due when it starts, then on each nudge, one run at a time', async () => {
    arrivals.length = 0;
    answer = (_req, res) => res.end('ok');
    const { message } = await subscribedMessage();
    // A poll far too slow to matter here: the first run and the nudge do the work.
    expect(startWebhookWorker({ ...config, pollMs: 3_600_000 })).toBe(true);
    expect(startWebhookWorker({ ...config, pollMs: 3_600_000 })).toBe(false);
    await vi.waitFor(async () => expect((await row(message.id)).deliveredAt).toBeInstanceOf(Date), { timeout: 3000 });
    n += 1;
    await transaction(db, async (tx) => enqueueEvent(tx, { event: 'article.amended', entityType: 'article', entityId: n, data: { n } }));
    nudgeWebhookWorker();
    nudgeWebhookWorker();
    nudgeWebhookWorker();
    await vi.waitFor(() => expect(arrivals).toHaveLength(2), { timeout: 3000 });
    await new Promise((r) => setTimeout(r, 100));
    // Three nudges, one message: sent once.
    expect(arrivals).toHaveLength(2);
    expect(new Set(arrivals.map((a) => a.headers['webhook-id'])).size).toBe(2);
    stopWebhookWorker();
  });

  it('does not start with ERRATA_WEBHOOK_WORKER=off', () => {
    expect(startWebhookWorker(webhookWorkerConfig({ ERRATA_WEBHOOK_WORKER: 'off' }))).toBe(false);
  });
});
