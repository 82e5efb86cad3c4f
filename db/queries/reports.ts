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
import { articles, cases, type Report, reports, users, versions } from '../schema';
import { recordAudit } from './audit';
import { reportReceivedEvent } from './webhook-events';
import { declineReportCase, getStandardsConfig, linkReportCase, openCaseForReport } from './cases';
import type { Tx } from './types';
import { insertDraft } from './correction-writes';
import { keyset } from './keyset';
import { referenceFrom } from '../../lib/random';

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

export function createReport(input: NewReport): Report {
  return getDb().transaction(
    (tx) => {
      const version = tx.select().from(versions).where(eq(versions.id, input.versionId)).get();
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
      const report = tx
        .insert(reports)
        .values({ reference: newReference(), articleId: input.articleId, versionId: input.versionId, ...quote, start, end, message: input.message, email: input.email })
        .returning()
        .get();
      // Every report opens a case in the casebook, in the same transaction.
      const opened = openCaseForReport(tx, report);
      // The reader's words stay out of the audit trail's "after": it records the fact, not the text.
      recordAudit(tx, { actorId: null, action: 'report.create', entityType: 'report', entityId: report.id, after: { reference: report.reference, articleId: input.articleId, caseId: opened.id }, ip: input.ip });
      reportReceivedEvent(tx, report, opened.id);
      return report;
    },
    { behavior: 'immediate' },
  );
}

export function countNewReports(): number {
  return getDb().select({ n: count() }).from(reports).where(eq(reports.status, 'new')).get()?.n ?? 0;
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
export function listReports(filter: ReportFilter = {}, now = new Date()) {
  const db = getDb();
  const cursor = filter.cursor ?? null;
  const key = keyset(reports.id, cursor);
  const where: SQL[] = [key.where];
  if (filter.status) where.push(eq(reports.status, filter.status));
  if (filter.article) {
    const article = db.select({ id: articles.id }).from(articles).where(eq(articles.slug, filter.article)).get();
    where.push(eq(reports.articleId, article?.id ?? -1));
  }
  if (filter.age === 'older') where.push(lt(reports.createdAt, new Date(now.getTime() - REPORT_AGES.month)));
  else if (filter.age) where.push(gte(reports.createdAt, new Date(now.getTime() - REPORT_AGES[filter.age])));
  const fetched = db
    .select({ report: reports, slug: articles.slug, versionNumber: versions.number, headline: versions.headline, body: versions.body, handler: users.name, caseId: cases.id, caseReference: cases.reference })
    .from(reports)
    .innerJoin(articles, eq(articles.id, reports.articleId))
    .innerJoin(versions, eq(versions.id, reports.versionId))
    .leftJoin(users, eq(users.id, reports.handledBy))
    // The case each report opened (reports from before the casebook have none).
    .leftJoin(cases, eq(cases.reportId, reports.id))
    .where(and(...where))
    .orderBy(key.orderBy)
    .limit(REPORT_PAGE_SIZE + 1)
    .all();
  return cutPage(fetched, cursor, REPORT_PAGE_SIZE, (r) => r.report.id);
}

export function getReport({ id }: { id: number }) {
  return getDb().select().from(reports).where(eq(reports.id, id)).get();
}


/** A draft from a reader's report was found by a reader, when the taxonomy still has that option. */
function foundByReader(tx: Tx): string | undefined {
  return getStandardsConfig(tx).foundBy.some((o) => o.code === 'reader') ? 'reader' : undefined;
}

/** Accepting opens a correction draft on the reported words and links the two. */
export function acceptReport({ id, actorId }: { id: number; actorId: number }): number {
  const db = getDb();
  const report = getReport({ id });
  if (!report) throw new ErrataError('not_found', 'No such report.');
  if (report.status !== 'new') throw new ErrataError('conflict', 'This report was already handled.');
  const version = db.select().from(versions).where(eq(versions.id, report.versionId)).get();
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
  return db.transaction(
    (tx) => {
      const correction = insertDraft(tx, { articleId: report.articleId, versionNumber: version.number, kind: 'correction', mode: 'notice', wording: '', claims: [{ start, end }], taxonomy: { foundBy: foundByReader(tx) }, actorId });
      const now = new Date();
      tx.update(reports).set({ status: 'accepted', correctionId: correction.id, handledBy: actorId, handledAt: now }).where(eq(reports.id, id)).run();
      linkReportCase(tx, id, correction.id, now);
      recordAudit(tx, { actorId, action: 'report.accept', entityType: 'report', entityId: id, before: { status: 'new' }, after: { status: 'accepted', correctionId: correction.id } });
      return correction.id;
    },
    { behavior: 'immediate' },
  );
}

export function declineReport({ id, reason, actorId }: { id: number; reason: string; actorId: number }): void {
  getDb().transaction((tx) => {
    const report = tx.select().from(reports).where(eq(reports.id, id)).get();
    if (!report) throw new ErrataError('not_found', 'No such report.');
    if (report.status !== 'new') throw new ErrataError('conflict', 'This report was already handled.');
    const now = new Date();
    tx.update(reports).set({ status: 'declined', declineReason: reason, handledBy: actorId, handledAt: now }).where(eq(reports.id, id)).run();
    const actor = tx.select({ role: users.role }).from(users).where(eq(users.id, actorId)).get();
    declineReportCase(tx, id, reason, now, { actorId, closes: actor ? can(actor.role, 'case.manage') : false });
    recordAudit(tx, { actorId, action: 'report.decline', entityType: 'report', entityId: id, before: { status: 'new' }, after: { status: 'declined', reason } });
  });
}
