// Webhooks survive kill -9: every committed change's event reaches the receiver, signed, at least
// once, with the same webhook-id and the same bytes on every repeat; no event is sent for a change
// that never committed. Two scenarios on one database, each printed as one line:
//   (a) the receiver holds the request open; the server is killed mid-send and restarted; the
//       message is sent again once its lock runs out;
//   (b) the server (its worker off) is killed right after answering a burst of changes, some still
//       in flight, before anything was sent; restarted, it sends them.
// `tsx scripts/webhook-crash-test.ts`; needs the production build (`npm test` makes it first).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Webhook } from 'standardwebhooks';
import { demoNewsroom } from '../db/seed/demo-content';
import { DEMO_PASSWORD } from '../db/seed/password';
import { newWebhookSecret } from '../lib/webhooks/signing';
import { type ActionRef, actionManifest, need, postAction, type RunningApp, signIn, startApp } from './support/app-client';

const ARTICLES = 40;
/** A claim lasts 6 s (so each request times out after 3 s): long enough to kill mid-send, short enough to wait out. */
const LOCK_MS = 6000;
const CLASSIFIED = { errorType: 'number', errorCause: 'reporting', foundBy: 'staff' };

interface Arrival {
  id: string;
  body: Buffer;
  verified: boolean;
  /** The body's type and what it is about, when it verified. */
  type?: string;
  about?: string;
}

/** A receiver on 127.0.0.1 that verifies every request, and either answers 200 or holds it open. */
class Receiver {
  readonly arrivals: Arrival[] = [];
  hang = true;
  private held: http.ServerResponse[] = [];
  private server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const arrival: Arrival = { id: String(req.headers['webhook-id'] ?? ''), body, verified: false };
      try {
        const parsed = new Webhook(this.secret).verify(body.toString('utf8'), req.headers as Record<string, string>) as { type: string; data: Record<string, Record<string, unknown>> };
        arrival.verified = true;
        arrival.type = parsed.type;
        arrival.about = aboutOf(parsed.type, parsed.data);
      } catch {
        // Left unverified: the check below fails on it.
      }
      this.arrivals.push(arrival);
      if (this.hang) this.held.push(res);
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  constructor(private readonly secret: string) {}
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/errata`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** "article.amended 12/3", "correction.published 7": what an event is about, from its payload or the database. */
function aboutOf(type: string, data: Record<string, Record<string, unknown>>): string {
  if (type === 'article.amended') return `${type} ${data.article?.id}/${data.version?.number}`;
  if (type === 'correction.published' || type === 'correction.withdrawn') return `${type} ${data.correction?.id}`;
  return `${type} ?`;
}

async function until(what: string, check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Where the record stood: the newest version, and the time (corrections are told apart by when they were published). */
interface Marks {
  version: number;
  at: number;
}

async function main() {
  const started = Date.now();
  const port = Number(process.env.WEBHOOK_CRASH_TEST_PORT ?? 3310);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-webhook-crash-'));
  const databasePath = path.join(dir, 'errata.db');
  const manifest = actionManifest();
  const action = (name: string): ActionRef => need([...manifest.entries()].find(([k]) => k.endsWith(`#${name}`))?.[1], name);
  const [createArticle, publishArticle, saveVersion, createCorrection, publishCorrection] = ['createArticleAction', 'publishArticleAction', 'saveVersionAction', 'createCorrectionAction', 'publishCorrectionAction'].map(action);
  const editor = need(demoNewsroom.users.find((u) => u.role === 'editor'), 'a demo editor');
  const standards = need(demoNewsroom.users.find((u) => u.role === 'standards'), 'a demo standards editor');

  const secret = newWebhookSecret();
  const receiver = new Receiver(secret);
  const receiverUrl = await receiver.start();
  const env = (extra: Record<string, string> = {}) => ({ ERRATA_WEBHOOK_ALLOW_PRIVATE: '1', ERRATA_WEBHOOK_LOCK_MS: String(LOCK_MS), ERRATA_WEBHOOK_BACKOFF_SCALE: '0.001', ERRATA_WEBHOOK_POLL_MS: '100', ...extra });
  const open = (readonly = true) => new Database(databasePath, { readonly });
  const marks = (): Marks => {
    const db = open();
    try {
      return {
        version: (db.prepare('select coalesce(max(id), 0) as n from versions').get() as { n: number }).n,
        at: Date.now(),
      };
    } finally {
      db.close();
    }
  };
  /** The events the changes committed between two marks must have sent. */
  const committed = (from: Marks, to: Marks): Set<string> => {
    const db = open();
    try {
      const versions = db.prepare('select article_id, number from versions where id > ? and id <= ?').all(from.version, to.version) as { article_id: number; number: number }[];
      const corrections = db.prepare("select id from corrections where status = 'published' and published_at > ? and published_at <= ?").all(from.at, to.at) as { id: number }[];
      return new Set([...versions.map((v) => `article.amended ${v.article_id}/${v.number}`), ...corrections.map((c) => `correction.published ${c.id}`)]);
    } finally {
      db.close();
    }
  };
  const outbox = () => {
    const db = open();
    try {
      return db.prepare('select message_id, payload, delivered_at, failed_at from webhook_outbox').all() as { message_id: string; payload: string; delivered_at: number | null; failed_at: number | null }[];
    } finally {
      db.close();
    }
  };
  const allDelivered = () => outbox().every((m) => m.delivered_at !== null);

  /** Checks what arrived for one scenario's changes; returns the problems found. */
  const check = (expected: Set<string>, arrivals: Arrival[]): string[] => {
    const problems: string[] = [];
    const sent = new Map(outbox().map((m) => [m.message_id, m]));
    const byId = new Map<string, Arrival[]>();
    for (const a of arrivals) byId.set(a.id, [...(byId.get(a.id) ?? []), a]);
    for (const a of arrivals) {
      if (!a.verified) problems.push(`an arrival with webhook-id ${a.id || '(none)'} did not verify`);
      const row = sent.get(a.id);
      if (!row) problems.push(`${a.id} arrived but is in no committed outbox row`);
      else if (!a.body.equals(Buffer.from(row.payload, 'utf8'))) problems.push(`${a.id} arrived with other bytes than were written`);
      if (a.about && !expected.has(a.about)) problems.push(`${a.about} arrived, but no such change committed`);
    }
    for (const [id, repeats] of byId) if (repeats.some((r) => !r.body.equals(repeats[0].body))) problems.push(`${id} arrived ${repeats.length} times with different bodies`);
    const arrived = new Set(arrivals.map((a) => a.about));
    for (const e of expected) if (!arrived.has(e)) problems.push(`${e} committed but its event never arrived`);
    return problems;
  };

  const lines: { ok: boolean; line: string }[] = [];
  let app: RunningApp | null = null;
  try {
    // Set-up: articles published through the app, then a subscription to every event.
    app = await startApp({ port, databasePath, env: env() });
    let editorCookie = await signIn(app.base, editor.email, DEMO_PASSWORD);
    let standardsCookie = await signIn(app.base, standards.email, DEMO_PASSWORD);
    const body = 'The council lost 695 seats and nine councils.\n\nThe leader said the night was difficult.';
    const articles: { id: number; latest: number }[] = [];
    for (let i = 0; i < ARTICLES; i++) {
      const made = await postAction(app.base, editorCookie, createArticle, { slug: `webhook-crash-${i}`, section: 'Politics', byline: 'Crash Test', headline: `Election night ${i}`, standfirst: 'Results', body });
      const id = Number(/\/desk\/articles\/(\d+)/.exec(made.redirect ?? '')?.[1]);
      if (!id) throw new Error(`could not create an article: ${made.status} ${made.text.slice(0, 200)}`);
      const published = await postAction(app.base, editorCookie, publishArticle, { articleId: String(id) });
      if (!published.redirect) throw new Error(`could not publish article ${id}: ${published.status} ${published.text.slice(0, 200)}`);
      articles.push({ id, latest: 1 });
    }
    const db = open(false);
    db.prepare("insert into webhook_subscriptions (url, events, secret, description) values (?, 'correction.published correction.withdrawn article.amended column.published report.received', ?, 'The crash test')").run(receiverUrl, secret);
    db.close();

    const save = async (cookie: string, a: { id: number; latest: number }, note: string) => {
      const r = await postAction(app!.base, cookie, saveVersion, { articleId: String(a.id), baseNumber: String(a.latest), headline: `Election night ${a.id}`, standfirst: 'Results', body: `${body}\n\n${note}.`, changeKind: 'update', note });
      const saved = /saved=(\d+)/.exec(r.redirect ?? '');
      if (saved) a.latest = Number(saved[1]);
      return saved ? `article.amended ${a.id}/${saved[1]}` : null;
    };
    const draft = async (a: { id: number; latest: number }, n: number) => {
      const r = await postAction(app!.base, editorCookie, createCorrection, { articleId: String(a.id), versionNumber: String(a.latest), claims: JSON.stringify([{ start: 17, end: 26 }]), kind: 'correction', mode: 'notice', wording: `They lost 842 council seats (${n}).` });
      return need(Number(/\/desk\/corrections\/(\d+)/.exec(r.redirect ?? '')?.[1]) || undefined, `a draft correction (${r.status} ${r.text.slice(0, 200)})`);
    };
    const publish = async (correctionId: number) => {
      const r = await postAction(app!.base, standardsCookie, publishCorrection, { correctionId: String(correctionId), revision: '1', ...CLASSIFIED });
      return /published=1/.test(r.redirect ?? '') ? `correction.published ${correctionId}` : null;
    };

    // (a) Killed while the receiver holds the requests open.
    {
      const before = marks();
      const from = receiver.arrivals.length;
      const correctionId = await draft(articles[0], 0);
      const acked = [await save(editorCookie, articles[1], 'Amended before the crash'), await publish(correctionId)];
      if (acked.includes(null)) throw new Error('scenario (a): a change was refused');
      await until('the receiver to hold both requests open', () => receiver.arrivals.length - from >= 2, 15_000);
      const held = new Set(receiver.arrivals.slice(from).map((a) => a.id));
      await app.stop('SIGKILL');
      app = null;
      receiver.hang = false;
      app = await startApp({ port, databasePath, env: env() });
      await until('every message to be delivered after the restart', allDelivered, 45_000);
      const after = marks();
      const arrivals = receiver.arrivals.slice(from);
      const expected = committed(before, after);
      const problems = check(expected, arrivals);
      for (const e of acked) if (e && !expected.has(e)) problems.push(`acknowledged ${e} is not in the database`);
      for (const id of held) if (arrivals.filter((a) => a.id === id).length < 2) problems.push(`${id} was held open when the server died but never sent again`);
      const repeats = arrivals.length - new Set(arrivals.map((a) => a.id)).size;
      lines.push({
        ok: problems.length === 0,
        line: `webhooks (a) killed mid-send: ${expected.size} changes committed, ${arrivals.length} arrivals (${repeats} repeats, same id and bytes), ${held.size} held open at the kill; ${problems.length ? `FAILED: ${problems.slice(0, 5).join('; ')}` : 'every event delivered, every signature verified'}`,
      });
      await app.stop('SIGKILL');
      app = null;
    }

    // (b) Killed right after answering, before the worker could send anything.
    {
      // The worker is off on this start (a long poll alone would not stop a worker nudged after each commit).
      app = await startApp({ port, databasePath, env: env({ ERRATA_WEBHOOK_POLL_MS: '600000', ERRATA_WEBHOOK_WORKER: 'off' }) });
      editorCookie = await signIn(app.base, editor.email, DEMO_PASSWORD);
      standardsCookie = await signIn(app.base, standards.email, DEMO_PASSWORD);
      const drafts = [await draft(articles[2], 1), await draft(articles[3], 2)];
      const before = marks();
      const from = receiver.arrivals.length;
      const acked: string[] = [];
      let killed: Promise<void> | null = null;
      const kill = () => (killed ??= app!.stop('SIGKILL'));
      // Every change in flight at once, each on its own article; the first answer kills the server.
      const burst = [...articles.slice(4).map((a, i) => () => save(editorCookie, a, `Amended in the burst (${i})`)), ...drafts.map((id) => () => publish(id))];
      await Promise.all(
        burst.map(async (change) => {
          try {
            const event = await change();
            if (event && !killed) acked.push(event);
          } catch {
            // The connection died with the server: never acknowledged.
          }
          await kill();
        }),
      );
      app = null;
      const sentBeforeRestart = receiver.arrivals.length - from;
      app = await startApp({ port, databasePath, env: env() });
      await until('every message to be delivered after the restart', allDelivered, 45_000);
      const after = marks();
      const arrivals = receiver.arrivals.slice(from);
      const expected = committed(before, after);
      const problems = check(expected, arrivals);
      if (sentBeforeRestart > 0) problems.push(`${sentBeforeRestart} requests arrived before the restart`);
      for (const e of acked) if (!expected.has(e)) problems.push(`acknowledged ${e} is not in the database`);
      if (acked.length === 0) problems.push('no change was acknowledged before the kill');
      lines.push({
        ok: problems.length === 0,
        line: `webhooks (b) killed after answering: ${burst.length} changes sent, ${acked.length} acknowledged, ${expected.size} committed, ${arrivals.length} arrivals after the restart; ${problems.length ? `FAILED: ${problems.slice(0, 5).join('; ')}` : 'every event delivered, none for an uncommitted change'}`,
      });
    }
    const stuck = outbox().filter((m) => m.delivered_at === null);
    if (stuck.length) lines.push({ ok: false, line: `webhooks: ${stuck.length} outbox messages not delivered` });
  } catch (error) {
    lines.push({ ok: false, line: `webhooks crash test: FAILED: ${(error as Error).message}${app ? `\n${app.log().slice(-2000)}` : ''}` });
  } finally {
    await app?.stop('SIGKILL');
    await receiver.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const l of lines) console.log(l.line);
  const failed = lines.filter((l) => !l.ok).length;
  console.log(`webhook crash test: ${lines.length - failed} passed, ${failed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
