// The case a reader report opens, and what triaging the report does to it, each in the report's
// own transaction. No server-only here: the demo seed opens its reports' cases through the same
// functions the desk's reports do (db/queries/reports.ts, through cases.ts).
import { and, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { responseDue } from '../../lib/standards/clock';
import { readStandardsConfig, type StandardsConfig } from '../../lib/standards/config';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { Case } from '../schema';
import { caseArticles, caseNotes, cases, settings, standardsSettings } from '../tables';
import { recordAudit } from './audit';
import type { Tx } from './types';
import { referenceFrom } from '../../lib/random';

/** The stored standards configuration (defaults for anything missing), read in the caller's transaction. */
export async function standardsConfigIn(tx: Tx): Promise<StandardsConfig> {
  const row = (await tx.select().from(standardsSettings).where(eq(standardsSettings.id, 1)).limit(1))[0];
  return readStandardsConfig(row?.config);
}

/** The newsroom's time zone (the clocks count its calendar days), read in the caller's transaction. */
export async function newsroomZoneIn(tx: Tx): Promise<string> {
  return (await tx.select({ timeZone: settings.timeZone }).from(settings).where(eq(settings.id, 1)).limit(1))[0]?.timeZone ?? DEFAULT_SETTINGS.timeZone;
}

/** A reference a complainant can quote back: no 0/O or 1/I to misread. */
export function newCaseReference(): string {
  return referenceFrom('C', randomBytes(8));
}

/** Opens the case a reader report starts, inside the report's transaction. */
export async function openCaseForReport(tx: Tx, report: { id: number; articleId: number; exact: string; message: string; email: string | null; createdAt: Date }): Promise<Case> {
  const config = await standardsConfigIn(tx);
  const row = (await tx
    .insert(cases)
    .values({
      reference: newCaseReference(),
      channel: 'reader_report',
      route: 'direct',
      complainantName: '',
      complainantContact: report.email,
      summary: report.message,
      reportId: report.id,
      receivedAt: report.createdAt,
      dueAt: responseDue(report.createdAt, 'direct', config, await newsroomZoneIn(tx)),
      updatedAt: report.createdAt,
    })
    .returning())[0];
  await tx.insert(caseArticles).values({ caseId: row.id, articleId: report.articleId, quote: report.exact || null });
  return row;
}

/** A report accepted: its case now leads to the correction drafted from it. */
export async function linkReportCase(tx: Tx, reportId: number, correctionId: number, now: Date): Promise<void> {
  await tx.update(cases).set({ correctionId, updatedAt: now }).where(and(eq(cases.reportId, reportId), eq(cases.status, 'open')));
}

/**
 * A report declined. Closing a case is a standards decision (case.manage): when the decliner may
 * make it, the case closes as not upheld with the reason (audited as a close); otherwise (a desk
 * editor triaging the inbox) the case stays open for standards, with the reason as a note.
 */
export async function declineReportCase(tx: Tx, reportId: number, reason: string, now: Date, by: { actorId: number | null; closes: boolean }): Promise<void> {
  const open = (await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.reportId, reportId), eq(cases.status, 'open'))).limit(1))[0];
  if (!open) return;
  if (by.closes) {
    await tx.update(cases).set({ status: 'not_upheld', closedAt: now, outcomeNote: reason, updatedAt: now }).where(eq(cases.id, open.id));
    await recordAudit(tx, { actorId: by.actorId, action: 'case.close', entityType: 'case', entityId: open.id, before: { status: 'open' }, after: { status: 'not_upheld', correctionId: null, note: reason, byDeclining: reportId }, at: now });
    return;
  }
  const note = (await tx.insert(caseNotes).values({ caseId: open.id, authorId: by.actorId, body: `The report was declined on the desk: ${reason}`, at: now }).returning())[0];
  await recordAudit(tx, { actorId: by.actorId, action: 'case.note', entityType: 'case', entityId: open.id, after: { noteId: note.id }, at: now });
}
