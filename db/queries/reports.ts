// Reader reports of errors: stored with the words they point at, triaged on the desk.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, count, eq, gte, lt, type SQL } from 'drizzle-orm';
import { type Cursor, cutPage } from '../../lib/desk/keyset';
import { REPORT_AGES } from '../../lib/desk/list-params';
import { createAnchor } from '../../lib/anchoring';
import { toPlainText } from '../../lib/markdown';
import { ErrataError } from '../../lib/errors';
import { can } from '../../lib/roles';
import { getDb } from '../index';
import type { Report } from '../schema';
import { articles, cases, reports, users, versions } from '../tables';
import { recordAudit } from './audit';
import { reportReceivedEvent } from './webhook-events';
import { declineReportCase, getStandardsConfig, linkReportCase, openCaseForReport } from './cases';
import type { Tx } from './types';
import { insertDraft } from './correction-writes';
import { keyset } from './keyset';
import { referenceFrom } from '../../lib/random';
import { transaction } from '../store';

/** A reference a reader can quote back: no 0/O or 1/I to misread. */
function newReference(): string {
  return referenceFrom('R', randomBytes(8));
}

export interface NewReport {
  articleId: number;
  versionId: number;
  start: number | null;
  end: number | null;
  exact: string;
  message: string;
  email: string | null;
  ip: string;
}

export async function createReport(input: NewReport): Promise<Report> {
  return await transaction(getDb(), async (tx) => {
      const version = (await tx.select().from(versions).where(eq(versions.id, input.versionId)).limit(1))[0];
      if (!version) throw new Error('no such version');
      const text = toPlainText(version.body);
      let quote = { exact: input.exact, prefix: '', suffix: '' };
      let start = input.start;
      let end = input.end;
      if (start !== null && end !== null && text.slice(start, end) === input.exact) {
        quote = createAnchor(text, start, end).quote;
      } else {
        start = null;
        end = null;
      }
      const report = (await tx
        .insert(reports)
        .values({ reference: newReference(), articleId: input.articleId, versionId: input.versionId, ...quote, start, end, message: input.message, email: input.email })
        .returning())[0];
      // Every report opens a case in the casebook, in the same transaction.
      const opened = await openCaseForReport(tx, report);
      // The reader's words stay out of the audit trail's "after": it records the fact, not the text.
      await recordAudit(tx, { actorId: null, action: 'report.create', entityType: 'report', entityId: report.id, after: { reference: report.reference, articleId: input.articleId, caseId: opened.id }, ip: input.ip });
      await reportReceivedEvent(tx, report, opened.id);
      return report;
    });
}

export async function countNewReports(): Promise<number> {
  return (await getDb().select({ n: count() }).from(reports).where(eq(reports.status, 'new')).limit(1))[0]?.n ?? 0;
}

export interface ReportFilter {
  status?: 'new' | 'accepted' | 'declined';
  /** The article's slug. */
  article?: string;
  /** Received within the last day, week or month, or longer ago than a month. */
  age?: 'day' | 'week' | 'month' | 'older';
  cursor?: Cursor;
}

export const REPORT_PAGE_SIZE = 25;

/** The desk's inbox, newest first, a page at a time (keyset on id). */
export async function listReports(filter: ReportFilter = {}, now = new Date()) {
  const db = getDb();
  const cursor = filter.cursor ?? null;
  const key = keyset(reports.id, cursor);
  const where: SQL[] = [key.where];
  if (filter.status) where.push(eq(reports.status, filter.status));
  if (filter.article) {
    const article = (await db.select({ id: articles.id }).from(articles).where(eq(articles.slug, filter.article)).limit(1))[0];
    where.push(eq(reports.articleId, article?.id ?? -1));
  }
  if (filter.age === 'older') where.push(lt(reports.createdAt, new Date(now.getTime() - REPORT_AGES.month)));
  else if (filter.age) where.push(gte(reports.createdAt, new Date(now.getTime() - REPORT_AGES[filter.age])));
  const fetched = await db
    .select({ report: reports, slug: articles.slug, versionNumber: versions.number, headline: versions.headline, body: versions.body, handler: users.name, caseId: cases.id, caseReference: cases.reference })
    .from(reports)
    .innerJoin(articles, eq(articles.id, reports.articleId))
    .innerJoin(versions, eq(versions.id, reports.versionId))
    .leftJoin(users, eq(users.id, reports.handledBy))
    // The case each report opened (reports from before the casebook have none).
    .leftJoin(cases, eq(cases.reportId, reports.id))
    .where(and(...where))
    .orderBy(key.orderBy)
    .limit(REPORT_PAGE_SIZE + 1);
  return cutPage(fetched, cursor, REPORT_PAGE_SIZE, (r) => r.report.id);
}

export async function getReport({ id }: { id: number }) {
  return (await getDb().select().from(reports).where(eq(reports.id, id)).limit(1))[0];
}


/** A draft from a reader's report was found by a reader, when the taxonomy still has that option. */
async function foundByReader(tx: Tx): Promise<string | undefined> {
  return (await getStandardsConfig(tx)).foundBy.some((o) => o.code === 'reader') ? 'reader' : undefined;
}

/** Accepting opens a correction draft on the reported words and links the two. */
export async function acceptReport({ id, actorId }: { id: number; actorId: number }): Promise<number> {
  const db = getDb();
  const report = await getReport({ id });
  if (!report) throw new ErrataError('not_found', 'No such report.');
  if (report.status !== 'new') throw new ErrataError('conflict', 'This report was already handled.');
  const version = (await db.select().from(versions).where(eq(versions.id, report.versionId)).limit(1))[0];
  if (!version) throw new ErrataError('conflict', 'The report has lost its version.');
  const text = toPlainText(version.body);
  let start = report.start;
  let end = report.end;
  if (start === null || end === null) {
    const at = text.indexOf(report.exact);
    if (at < 0 || !report.exact) throw new ErrataError('conflict', 'The reported words are not in the version; draft the correction by hand.');
    start = at;
    end = at + report.exact.length;
  }
  return await transaction(db, async (tx) => {
      // Checked again inside the transaction: two editors accepting (or one declining) at once.
      const current = (await tx.select({ status: reports.status }).from(reports).where(eq(reports.id, id)).limit(1))[0];
      if (current?.status !== 'new') throw new ErrataError('conflict', 'This report was already handled.');
      const correction = await insertDraft(tx, { articleId: report.articleId, versionNumber: version.number, kind: 'correction', mode: 'notice', wording: '', claims: [{ start, end }], taxonomy: { foundBy: (await foundByReader(tx)) }, actorId });
      const now = new Date();
      await tx.update(reports).set({ status: 'accepted', correctionId: correction.id, handledBy: actorId, handledAt: now }).where(eq(reports.id, id));
      await linkReportCase(tx, id, correction.id, now);
      await recordAudit(tx, { actorId, action: 'report.accept', entityType: 'report', entityId: id, before: { status: 'new' }, after: { status: 'accepted', correctionId: correction.id } });
      return correction.id;
    });
}

export async function declineReport({ id, reason, actorId }: { id: number; reason: string; actorId: number }): Promise<void> {
  await transaction(getDb(), async (tx) => {
    const report = (await tx.select().from(reports).where(eq(reports.id, id)).limit(1))[0];
    if (!report) throw new ErrataError('not_found', 'No such report.');
    if (report.status !== 'new') throw new ErrataError('conflict', 'This report was already handled.');
    const now = new Date();
    await tx.update(reports).set({ status: 'declined', declineReason: reason, handledBy: actorId, handledAt: now }).where(eq(reports.id, id));
    const actor = (await tx.select({ role: users.role }).from(users).where(eq(users.id, actorId)).limit(1))[0];
    await declineReportCase(tx, id, reason, now, { actorId, closes: actor ? can(actor.role, 'case.manage') : false });
    await recordAudit(tx, { actorId, action: 'report.decline', entityType: 'report', entityId: id, before: { status: 'new' }, after: { status: 'declined', reason } });
  });
}
