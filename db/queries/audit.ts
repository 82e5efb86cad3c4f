// Writes to the append-only audit trail; always called inside the transaction of the change itself.
import { auditEvents } from '../tables';
import type { Tx } from './types';

export interface AuditInput {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
  at?: Date;
}

export async function recordAudit(tx: Tx, event: AuditInput): Promise<void> {
  await tx.insert(auditEvents)
    .values({
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId == null ? null : String(event.entityId),
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
      ip: event.ip ?? null,
      ...(event.at ? { at: event.at } : {}),
    });
}
