// The case a reader report opens, and what triaging the report does to it, each in the report's
// own transaction. No server-only here: the demo seed opens its reports' cases through the same
// functions the desk's reports do (db/queries/reports.ts, through cases.ts).
import { and, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { responseDue } from '../../lib/standards/clock';
import { readStandardsConfig, type StandardsConfig } from '../../lib/standards/config';
import { caseArticles, cases, type Case, standardsSettings } from '../schema';
import type { Tx } from './types';

/** The stored standards configuration (defaults for anything missing), read in the caller's transaction. */
export function standardsConfigIn(tx: Tx): StandardsConfig {
  const row = tx.select().from(standardsSettings).where(eq(standardsSettings.id, 1)).get();
  return readStandardsConfig(row?.config);
}

/** A reference a complainant can quote back: no 0/O or 1/I to misread. */
export function newCaseReference(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `C-${Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join('')}`;
}

/** Opens the case a reader report starts, inside the report's transaction. */
export function openCaseForReport(tx: Tx, report: { id: number; articleId: number; exact: string; message: string; email: string | null; createdAt: Date }): Case {
  const config = standardsConfigIn(tx);
  const row = tx
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
      dueAt: responseDue(report.createdAt, 'direct', config),
      updatedAt: report.createdAt,
    })
    .returning()
    .get();
  tx.insert(caseArticles).values({ caseId: row.id, articleId: report.articleId, quote: report.exact || null }).run();
  return row;
}

/** A report accepted: its case now leads to the correction drafted from it. */
export function linkReportCase(tx: Tx, reportId: number, correctionId: number, now: Date): void {
  tx.update(cases).set({ correctionId, updatedAt: now }).where(and(eq(cases.reportId, reportId), eq(cases.status, 'open'))).run();
}

/** A report declined: its case closes as not upheld, with the reason. */
export function declineReportCase(tx: Tx, reportId: number, reason: string, now: Date): void {
  tx.update(cases).set({ status: 'not_upheld', closedAt: now, outcomeNote: reason, updatedAt: now }).where(and(eq(cases.reportId, reportId), eq(cases.status, 'open'))).run();
}
