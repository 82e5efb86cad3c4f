// The webhook outbox's write side: a change names its event inside the transaction that makes it,
// and one row per matching subscription is written there, so an event is sent if and only if the
// change committed (the delivery worker, db/queries/webhook-delivery.ts, sends it afterwards).
import 'server-only';
import { randomBytes } from 'node:crypto';
import { isNull } from 'drizzle-orm';
import type { WebhookEvent } from '../../lib/types';
import { webhookOutbox, webhookSubscriptions } from '../tables';
import type { Tx } from './types';
import { nudgeWebhookWorker } from './webhook-worker';

export interface OutboxEvent {
  event: WebhookEvent;
  entityType: string;
  entityId: string | number;
  /** The event's public facts: never withheld or draft text (the payload is kept and sent as written). */
  data: Record<string, unknown>;
  at?: Date;
}

/** A new webhook-id: "msg_" and 16 random bytes, base64url. */
export function newMessageId(): string {
  return `msg_${randomBytes(16).toString('base64url')}`;
}

export function subscribedTo(events: string, event: WebhookEvent): boolean {
  return events.split(' ').includes(event);
}

/** Writes the event for every active subscription to it; returns how many rows were written. */
export async function enqueueEvent(tx: Tx, input: OutboxEvent): Promise<number> {
  const at = input.at ?? new Date();
  const subscriptions = await tx.select({ id: webhookSubscriptions.id, events: webhookSubscriptions.events }).from(webhookSubscriptions).where(isNull(webhookSubscriptions.disabledAt));
  let written = 0;
  for (const s of subscriptions) {
    if (!subscribedTo(s.events, input.event)) continue;
    const payload = JSON.stringify({ type: input.event, timestamp: at.toISOString(), data: input.data });
    await tx.insert(webhookOutbox)
      .values({ messageId: newMessageId(), subscriptionId: s.id, event: input.event, payload, entityType: input.entityType, entityId: String(input.entityId), createdAt: at, nextAttemptAt: at });
    written += 1;
  }
  // Sent as soon as the change commits (the nudge runs outside this transaction, after it ends; after a rollback it finds nothing).
  if (written > 0) nudgeWebhookWorker();
  return written;
}
