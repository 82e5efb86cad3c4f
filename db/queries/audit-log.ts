// Reading the audit trail, filtered, newest first, a page at a time (keyset on id).
import 'server-only';
import { and, eq, gte, lt, type SQL } from 'drizzle-orm';
import { type Cursor, cutPage } from '../../lib/desk/keyset';
import { getDb } from '../index';
import { auditEvents, users } from '../tables';
import { keyset } from './keyset';
import { startsWithLiterally } from './like';

export interface AuditFilter {
  action?: string;
  actor?: string;
  entityType?: string;
  from?: Date;
  to?: Date;
  cursor?: Cursor;
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(filter: AuditFilter) {
  const conditions: SQL[] = [];
  // Prefix match on the action ("version." finds every version event), the text taken literally.
  if (filter.action) conditions.push(startsWithLiterally(auditEvents.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.actor) {
    // The account first, then its events by their index: never a walk of the trail joined to accounts.
    const actor = (await getDb().select({ id: users.id }).from(users).where(eq(users.email, filter.actor.trim().toLowerCase())).limit(1))[0];
    conditions.push(eq(auditEvents.actorId, actor?.id ?? -1));
  }
  if (filter.from) conditions.push(gte(auditEvents.at, filter.from));
  if (filter.to) conditions.push(lt(auditEvents.at, filter.to));
  const cursor = filter.cursor ?? null;
  const key = keyset(auditEvents.id, cursor);
  const fetched = await getDb()
    .select({ event: auditEvents, actorEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(key.where, ...conditions))
    .orderBy(key.orderBy)
    .limit(AUDIT_PAGE_SIZE + 1);
  return cutPage(fetched, cursor, AUDIT_PAGE_SIZE, (r) => r.event.id);
}
