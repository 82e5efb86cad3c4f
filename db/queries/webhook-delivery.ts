// Webhook delivery: subscriptions (made, listed, disabled), the worker's claim on due outbox messages
// and the record of every attempt, a failed message sent again, and the desk's views of the outbox.
// The messages themselves are written by the change that causes them (./webhook-outbox.ts); nothing
// here touches a message's id or payload, so every attempt sends the same webhook-id and bytes.
import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import { type Cursor, cutPage, type Page } from '../../lib/desk/keyset';
import { ErrataError } from '../../lib/errors';
import { hasHiddenCharacters, hiddenCharactersMessage } from '../../lib/limits';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../lib/types';
import { parseBackoffScale, retryDelayMs } from '../../lib/webhooks/backoff';
import { allowsPrivateReceivers, checkReceiverUrl, WEBHOOK_LIMITS } from '../../lib/webhooks/receiver-url';
import { newWebhookSecret } from '../../lib/webhooks/signing';
import { getDb } from '../index';
import type { WebhookDelivery, WebhookOutboxRow, WebhookSubscription } from '../schema';
import { onPostgres, users, webhookDeliveries, webhookOutbox, webhookSubscriptions } from '../tables';
import { recordAudit } from './audit';
import { keyset } from './keyset';
import type { Tx } from './types';
import { transaction } from '../store';

/** How many messages one claim takes (the worker sends them side by side). */
export const DELIVERY_BATCH = 10;
export const OUTBOX_PAGE_SIZE = 50;
/** What a pending message of a disabled subscription is failed with. */
export const DISABLED_ERROR = 'subscription disabled';

export type DeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed';

function isEvent(value: string): value is WebhookEvent {
  return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** A subscription's events, in the order WEBHOOK_EVENTS lists them. */
export function subscriptionEvents(events: string): WebhookEvent[] {
  const named = new Set(events.split(' '));
  return WEBHOOK_EVENTS.filter((e) => named.has(e));
}

export interface NewSubscription {
  url: string;
  events: readonly string[];
  description?: string;
  actorId: number | null;
}

/** Makes a subscription with a new signing secret, returned with the row (shown to the admin once; never audited). */
export async function createSubscription(input: NewSubscription): Promise<WebhookSubscription> {
  const checked = checkReceiverUrl(input.url, { allowPrivate: allowsPrivateReceivers(process.env) });
  if (!checked.ok) throw new ErrataError('invalid', checked.problem, 'url');
  const unknown = input.events.find((e) => !isEvent(e));
  if (unknown !== undefined) throw new ErrataError('invalid', `There is no event called “${unknown}”.`, 'events');
  const events = WEBHOOK_EVENTS.filter((e) => input.events.includes(e));
  if (events.length === 0) throw new ErrataError('invalid', 'Choose at least one event to send.', 'events');
  const description = (input.description ?? '').trim();
  if (description.length > WEBHOOK_LIMITS.description.max) throw new ErrataError('invalid', `Keep the description under ${WEBHOOK_LIMITS.description.max} characters.`, 'description');
  if (hasHiddenCharacters(description)) throw new ErrataError('invalid', hiddenCharactersMessage('description'), 'description');
  return await transaction(getDb(), async (tx) => {
      const row = (await tx
        .insert(webhookSubscriptions)
        .values({ url: checked.url, events: events.join(' '), secret: newWebhookSecret(), description, createdBy: input.actorId })
        .returning())[0];
      await recordAudit(tx, { actorId: input.actorId, action: 'webhook.subscribe', entityType: 'webhook', entityId: row.id, after: { url: row.url, events, description } });
      return row;
    });
}

/** Fails the pending messages of disabled subscriptions; a message being sent right now finishes first. */
async function failDisabledMessages(tx: Tx, now: Date): Promise<void> {
  const disabled = tx.select({ id: webhookSubscriptions.id }).from(webhookSubscriptions).where(isNotNull(webhookSubscriptions.disabledAt));
  await tx.update(webhookOutbox)
    .set({ failedAt: now, lastError: DISABLED_ERROR, lockedUntil: null })
    .where(
      and(
        isNull(webhookOutbox.deliveredAt),
        isNull(webhookOutbox.failedAt),
        inArray(webhookOutbox.subscriptionId, disabled),
        or(isNull(webhookOutbox.lockedUntil), lt(webhookOutbox.lockedUntil, now)),
      ),
    );
}

/** Disables a subscription: nothing more is written for it or sent to it. Never deleted, never re-enabled (make a new one). */
export async function disableSubscription({ id, actorId, now = new Date() }: { id: number; actorId: number | null; now?: Date }): Promise<WebhookSubscription> {
  return await transaction(getDb(), async (tx) => {
      const before = (await tx.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).limit(1))[0];
      if (!before) throw new ErrataError('not_found', 'No such subscription.');
      if (before.disabledAt) throw new ErrataError('conflict', 'That subscription is already disabled.');
      const after = (await tx.update(webhookSubscriptions).set({ disabledAt: now, disabledBy: actorId }).where(eq(webhookSubscriptions.id, id)).returning())[0];
      await failDisabledMessages(tx, now);
      await recordAudit(tx, { actorId, action: 'webhook.disable', entityType: 'webhook', entityId: id, before: { url: before.url, disabledAt: null }, after: { disabledAt: now.toISOString() } });
      return after;
    });
}

export interface SubscriptionSummary {
  id: number;
  url: string;
  events: WebhookEvent[];
  description: string;
  createdAt: Date;
  createdByName: string | null;
  disabledAt: Date | null;
}

/** The subscriptions, newest first (at most 500), without their secrets. */
export async function listSubscriptions(): Promise<SubscriptionSummary[]> {
  return (await getDb()
    .select({
      id: webhookSubscriptions.id,
      url: webhookSubscriptions.url,
      events: webhookSubscriptions.events,
      description: webhookSubscriptions.description,
      createdAt: webhookSubscriptions.createdAt,
      createdByName: users.name,
      disabledAt: webhookSubscriptions.disabledAt,
    })
    .from(webhookSubscriptions)
    .leftJoin(users, eq(users.id, webhookSubscriptions.createdBy))
    .orderBy(desc(webhookSubscriptions.id))
    .limit(500))
    .map((s) => ({ ...s, events: subscriptionEvents(s.events) }));
}

/** A message the worker has claimed, with where it goes and what signs it. */
export interface ClaimedMessage {
  id: number;
  messageId: string;
  event: WebhookEvent;
  payload: string;
  attempts: number;
  subscriptionId: number;
  url: string;
  secret: string;
}

/**
 * Claims up to `limit` due messages (not delivered, not failed, due by now, unclaimed or with a
 * claim that ran out) until now + lockMs. One write transaction, and the update takes only rows still
 * claimable, so two workers, in one process or several, on either store, never both claim a message.
 * Pending messages of disabled subscriptions are failed first.
 */
export async function claimDue({ now = new Date(), limit = DELIVERY_BATCH, lockMs }: { now?: Date; limit?: number; lockMs: number }): Promise<ClaimedMessage[]> {
  return await transaction(getDb(), async (tx) => {
      await failDisabledMessages(tx, now);
      const claimable = and(
        isNull(webhookOutbox.deliveredAt),
        isNull(webhookOutbox.failedAt),
        lte(webhookOutbox.nextAttemptAt, now),
        or(isNull(webhookOutbox.lockedUntil), lt(webhookOutbox.lockedUntil, now)),
      );
      const dueQuery = tx
        .select({ id: webhookOutbox.id })
        .from(webhookOutbox)
        .where(claimable)
        .orderBy(asc(webhookOutbox.nextAttemptAt), asc(webhookOutbox.id))
        .limit(limit);
      // SQLite: the transaction holds the only write lock, so nobody claims in between. PostgreSQL
      // (read committed, beside the writers rather than behind their lock): rows another worker is
      // claiming right now are skipped, not waited for.
      const due = (await (onPostgres ? (dueQuery as unknown as { for(strength: 'update', config: { skipLocked: true }): typeof dueQuery }).for('update', { skipLocked: true }) : dueQuery)).map((r) => r.id);
      if (due.length === 0) return [];
      // Only those still claimable when the update takes their rows: on PostgreSQL a claim committed
      // since the select is seen here, and its messages are left to it.
      const claimed = (await tx.update(webhookOutbox)
        .set({ lockedUntil: new Date(now.getTime() + lockMs) })
        .where(and(inArray(webhookOutbox.id, due), claimable))
        .returning({ id: webhookOutbox.id }))
        .map((r) => r.id);
      if (claimed.length === 0) return [];
      return await tx
        .select({
          id: webhookOutbox.id,
          messageId: webhookOutbox.messageId,
          event: webhookOutbox.event,
          payload: webhookOutbox.payload,
          attempts: webhookOutbox.attempts,
          subscriptionId: webhookOutbox.subscriptionId,
          url: webhookSubscriptions.url,
          secret: webhookSubscriptions.secret,
        })
        .from(webhookOutbox)
        .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookOutbox.subscriptionId))
        .where(inArray(webhookOutbox.id, claimed))
        .orderBy(asc(webhookOutbox.nextAttemptAt), asc(webhookOutbox.id));
    }, { concurrent: true });
}

export interface AttemptOutcome {
  outboxId: number;
  /** The receiver answered 2xx. */
  ok: boolean;
  /** The receiver's HTTP status; null when no answer came. */
  status: number | null;
  error: string | null;
  durationMs: number;
  now?: Date;
  /** The retry schedule's scale (ERRATA_WEBHOOK_BACKOFF_SCALE when not given). */
  backoffScale?: number;
}

/**
 * Records one attempt (an append-only delivery row) and settles the message: delivered on a 2xx;
 * otherwise due again after the schedule's next wait, or failed once the schedule has run out.
 * Its claim is released either way. A message settled meanwhile (its claim ran out and another
 * worker sent it) keeps its state; the attempt is still recorded.
 */
export async function recordAttempt(outcome: AttemptOutcome): Promise<WebhookOutboxRow> {
  const now = outcome.now ?? new Date();
  const scale = outcome.backoffScale ?? parseBackoffScale(process.env.ERRATA_WEBHOOK_BACKOFF_SCALE);
  return await transaction(getDb(), async (tx) => {
      const row = (await tx.select().from(webhookOutbox).where(eq(webhookOutbox.id, outcome.outboxId)).limit(1))[0];
      if (!row) throw new ErrataError('not_found', 'No such webhook message.');
      const attempt = row.attempts + 1;
      const error = outcome.ok ? null : (outcome.error ?? (outcome.status !== null ? `HTTP ${outcome.status}` : 'no answer'));
      await tx.insert(webhookDeliveries)
        .values({ outboxId: row.id, attempt, at: now, status: outcome.status, ok: outcome.ok, error, durationMs: Math.max(0, Math.round(outcome.durationMs)) });
      if (row.deliveredAt || row.failedAt) return row;
      const where = eq(webhookOutbox.id, row.id);
      if (outcome.ok) return (await tx.update(webhookOutbox).set({ attempts: attempt, deliveredAt: now, lockedUntil: null, lastError: null }).where(where).returning())[0];
      const wait = retryDelayMs(attempt, scale);
      const next = wait === null ? { failedAt: now } : { nextAttemptAt: new Date(now.getTime() + wait) };
      return (await tx
        .update(webhookOutbox)
        .set({ attempts: attempt, lockedUntil: null, lastError: error, ...next })
        .where(where)
        .returning())[0];
    });
}

/** Sends a failed message once more, now, with the same webhook-id and payload. If that attempt fails too, it is failed again. */
export async function retryNow({ outboxId, actorId, now = new Date() }: { outboxId: number; actorId: number | null; now?: Date }): Promise<WebhookOutboxRow> {
  return await transaction(getDb(), async (tx) => {
      const found = (await tx
        .select({ message: webhookOutbox, disabledAt: webhookSubscriptions.disabledAt })
        .from(webhookOutbox)
        .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookOutbox.subscriptionId))
        .where(eq(webhookOutbox.id, outboxId)).limit(1))[0];
      if (!found) throw new ErrataError('not_found', 'No such webhook message.');
      const { message } = found;
      if (message.deliveredAt) throw new ErrataError('conflict', 'That message was delivered: there is nothing to retry.');
      if (!message.failedAt) throw new ErrataError('conflict', 'That message has not failed: it is still being tried on its schedule.');
      if (found.disabledAt) throw new ErrataError('conflict', 'Its subscription is disabled, so nothing would be sent.');
      const after = (await tx.update(webhookOutbox).set({ failedAt: null, nextAttemptAt: now, lockedUntil: null }).where(eq(webhookOutbox.id, outboxId)).returning())[0];
      await recordAudit(tx, {
        actorId,
        action: 'webhook.retry',
        entityType: 'webhook_message',
        entityId: outboxId,
        before: { failedAt: message.failedAt.toISOString(), attempts: message.attempts, lastError: message.lastError },
        after: { messageId: message.messageId, nextAttemptAt: now.toISOString() },
      });
      return after;
    });
}

export function deliveryStatus(message: Pick<WebhookOutboxRow, 'deliveredAt' | 'failedAt' | 'lockedUntil'>, now = new Date()): DeliveryStatus {
  if (message.deliveredAt) return 'delivered';
  if (message.failedAt) return 'failed';
  if (message.lockedUntil && message.lockedUntil > now) return 'sending';
  return 'pending';
}

/** A message as the desk lists it: everything but its payload, where it went, and its last attempt. */
export interface OutboxEntry {
  message: Omit<WebhookOutboxRow, 'payload'>;
  subscriptionUrl: string;
  status: DeliveryStatus;
  lastDelivery: WebhookDelivery | null;
}

const entryColumns = {
  message: {
    id: webhookOutbox.id,
    messageId: webhookOutbox.messageId,
    subscriptionId: webhookOutbox.subscriptionId,
    event: webhookOutbox.event,
    entityType: webhookOutbox.entityType,
    entityId: webhookOutbox.entityId,
    createdAt: webhookOutbox.createdAt,
    attempts: webhookOutbox.attempts,
    nextAttemptAt: webhookOutbox.nextAttemptAt,
    lockedUntil: webhookOutbox.lockedUntil,
    deliveredAt: webhookOutbox.deliveredAt,
    failedAt: webhookOutbox.failedAt,
    lastError: webhookOutbox.lastError,
  },
  subscriptionUrl: webhookSubscriptions.url,
};

async function withLastDelivery(rows: { message: OutboxEntry['message']; subscriptionUrl: string }[]): Promise<OutboxEntry[]> {
  const last = new Map<number, WebhookDelivery>();
  if (rows.length) {
    const deliveries = await getDb()
      .select()
      .from(webhookDeliveries)
      .where(inArray(webhookDeliveries.outboxId, rows.map((r) => r.message.id)))
      .orderBy(asc(webhookDeliveries.outboxId), asc(webhookDeliveries.id));
    for (const d of deliveries) last.set(d.outboxId, d);
  }
  const now = new Date();
  return rows.map((r) => ({ ...r, status: deliveryStatus(r.message, now), lastDelivery: last.get(r.message.id) ?? null }));
}

/** The outbox for the desk, newest first, a keyset page at a time. */
export async function listOutbox({ limit = OUTBOX_PAGE_SIZE, cursor = null }: { limit?: number; cursor?: Cursor } = {}): Promise<Page<OutboxEntry>> {
  const key = keyset(webhookOutbox.id, cursor);
  const fetched = await getDb()
    .select(entryColumns)
    .from(webhookOutbox)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookOutbox.subscriptionId))
    .where(key.where)
    .orderBy(key.orderBy)
    .limit(limit + 1);
  const page = cutPage(fetched, cursor, limit, (r) => r.message.id);
  return { ...page, rows: await withLastDelivery(page.rows) };
}

/** The messages about one thing (a correction, an article…), oldest first. */
export async function listOutboxFor(entityType: string, entityId: string | number): Promise<OutboxEntry[]> {
  const rows = await getDb()
    .select(entryColumns)
    .from(webhookOutbox)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookOutbox.subscriptionId))
    .where(and(eq(webhookOutbox.entityType, entityType), eq(webhookOutbox.entityId, String(entityId))))
    .orderBy(asc(webhookOutbox.id))
    .limit(200);
  return withLastDelivery(rows);
}
