// Reading the audit trail, filtered, newest first.
import 'server-only';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import { getDb } from '../index';
import { auditEvents, users } from '../schema';
import { startsWithLiterally } from './like';

export interface AuditFilter {
  action?: string;
  actor?: string;
  entityType?: string;
  from?: Date;
  to?: Date;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export function listAuditEvents(filter: AuditFilter) {
  const conditions: SQL[] = [];
  // Prefix match on the action ("version." finds every version event), the text taken literally.
  if (filter.action) conditions.push(startsWithLiterally(auditEvents.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditEvents.entityType, filter.entityType));
  if (filter.actor) conditions.push(eq(users.email, filter.actor.trim().toLowerCase()));
  if (filter.from) conditions.push(gte(auditEvents.at, filter.from));
  if (filter.to) conditions.push(lt(auditEvents.at, filter.to));
  const page = Math.max(1, filter.page ?? 1);
  return getDb()
    .select({ event: auditEvents, actorEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
}
