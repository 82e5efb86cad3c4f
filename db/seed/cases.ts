// Seeds the demo casebook: each complaint through the shapes the desk writes. A reader report is
// stored as the article page stores one and opens its case through openCaseForReport, as every
// report does; staff-logged complaints, assignments, acknowledgements, notes and closings are
// written as db/queries/cases.ts writes them, at the demo's own times, each with its audit event.
import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { createAnchor } from '../../lib/anchoring';
import { toPlainText } from '../../lib/markdown';
import { responseDue } from '../../lib/standards/clock';
import { recordAudit } from '../queries/audit';
import { can } from '../../lib/roles';
import { declineReportCase, linkReportCase, newCaseReference, newsroomZoneIn, openCaseForReport, standardsConfigIn } from '../queries/report-cases';
import type { Tx } from '../queries/types';
import type { Version } from '../schema';
import { caseArticles, caseClauses, caseNotes, cases, corrections, reports, users } from '../tables';
import type { DemoCase } from './types';

const HOUR = 3_600_000;

export interface SeededArticle {
  id: number;
  versions: Version[];
  corrections: { id: number; draftedAt: Date; publishedAt: Date | null }[];
}

function reportReference(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return `R-${Array.from(randomBytes(8), (b) => alphabet[b % alphabet.length]).join('')}`;
}

export async function seedCase(tx: Tx, c: DemoCase, seeded: Map<string, SeededArticle>, userIds: Map<string, number>): Promise<void> {
  const userId = (email: string) => {
    const id = userIds.get(email);
    if (id === undefined) throw new Error(`demo case names an unknown user: ${email}`);
    return id;
  };
  const article = (slug: string) => {
    const found = seeded.get(slug);
    if (!found) throw new Error(`demo case names an unknown article: ${slug}`);
    return found;
  };
  const config = await standardsConfigIn(tx);
  const zone = await newsroomZoneIn(tx);
  const received = new Date(c.receivedAt);
  const at = (hours: number) => new Date(received.getTime() + hours * HOUR);
  const first = article(c.articles[0].slug);

  let caseId: number;
  let reportId: number | null = null;
  if (c.channel === 'reader_report') {
    if (!c.report || c.articles.length !== 1 || !c.articles[0].quote) throw new Error(`demo reader report on ${c.articles[0]?.slug} needs its report and the words`);
    const version = first.versions[c.report.version - 1];
    const text = toPlainText(version.body);
    const quote = c.articles[0].quote;
    const start = text.indexOf(quote);
    if (start < 0 || text.indexOf(quote, start + 1) >= 0) throw new Error(`demo report words "${quote}" must occur once in ${c.articles[0].slug} v${c.report.version}`);
    const anchor = createAnchor(text, start, start + quote.length);
    const report = (await tx
      .insert(reports)
      .values({ reference: reportReference(), articleId: first.id, versionId: version.id, ...anchor.quote, start: anchor.start, end: anchor.end, message: c.summary, email: c.report.email ?? null, createdAt: received })
      .returning())[0];
    reportId = report.id;
    const opened = await openCaseForReport(tx, report);
    caseId = opened.id;
    await recordAudit(tx, { actorId: null, action: 'report.create', entityType: 'report', entityId: report.id, after: { reference: report.reference, articleId: first.id, caseId }, at: received });
  } else {
    const by = userId(c.loggedBy ?? '');
    const ownerId = c.assigned?.owner ? userId(c.assigned.owner) : null;
    const row = (await tx
      .insert(cases)
      .values({
        reference: newCaseReference(),
        channel: c.channel,
        route: c.route,
        complainantName: c.complainantName ?? '',
        complainantContact: c.complainantContact ?? null,
        summary: c.summary,
        ownerId,
        receivedAt: received,
        dueAt: responseDue(received, c.route, config, zone),
        createdBy: by,
        createdAt: received,
        updatedAt: received,
      })
      .returning())[0];
    caseId = row.id;
    const ids = c.articles.map((a) => ({ id: article(a.slug).id, quote: a.quote ?? null }));
    for (const a of ids) await tx.insert(caseArticles).values({ caseId, articleId: a.id, quote: a.quote });
    for (const clause of new Set(c.clauses)) await tx.insert(caseClauses).values({ caseId, clause });
    await recordAudit(tx, { actorId: by, action: 'case.log', entityType: 'case', entityId: caseId, after: { reference: row.reference, channel: row.channel, route: row.route, articles: ids.map((a) => a.id), clauses: c.clauses, ownerId }, at: received });
  }

  // A reader report's case: standards gives it its route, clauses and owner.
  if (c.channel === 'reader_report' && c.assigned) {
    const when = at(c.assigned.hoursAfter);
    const ownerId = c.assigned.owner ? userId(c.assigned.owner) : null;
    const dueAt = responseDue(received, c.route, config, zone);
    await tx.update(cases).set({ route: c.route, ownerId, dueAt, updatedAt: when }).where(eq(cases.id, caseId));
    for (const clause of new Set(c.clauses)) await tx.insert(caseClauses).values({ caseId, clause });
    await recordAudit(tx, {
      actorId: userId(c.assigned.by),
      action: 'case.assign',
      entityType: 'case',
      entityId: caseId,
      before: { route: 'direct', ownerId: null, clauses: [], dueAt: responseDue(received, 'direct', config, zone).toISOString() },
      after: { route: c.route, ownerId, clauses: [...new Set(c.clauses)].sort(), dueAt: dueAt.toISOString() },
      at: when,
    });
  }
  if (c.acknowledged) {
    const when = at(c.acknowledged.hoursAfter);
    await tx.update(cases).set({ acknowledgedAt: when, updatedAt: when }).where(eq(cases.id, caseId));
    await recordAudit(tx, { actorId: userId(c.acknowledged.by), action: 'case.acknowledge', entityType: 'case', entityId: caseId, after: { acknowledgedAt: when.toISOString() }, at: when });
  }
  if (reportId !== null && c.report?.accepted) {
    const correction = first.corrections[c.report.accepted.correction];
    if (!correction) throw new Error(`demo report on ${c.articles[0].slug} names no correction ${c.report.accepted.correction}`);
    // Accepting the report is what opened the draft: at the draft's time.
    const when = correction.draftedAt;
    const by = userId(c.report.accepted.by);
    await tx.update(reports).set({ status: 'accepted', correctionId: correction.id, handledBy: by, handledAt: when }).where(eq(reports.id, reportId));
    await linkReportCase(tx, reportId, correction.id, when);
    await recordAudit(tx, { actorId: by, action: 'report.accept', entityType: 'report', entityId: reportId, before: { status: 'new' }, after: { status: 'accepted', correctionId: correction.id }, at: when });
  }
  for (const note of c.notes ?? []) {
    const when = at(note.hoursAfter);
    const row = (await tx.insert(caseNotes).values({ caseId, authorId: userId(note.by), body: note.body, at: when }).returning())[0];
    await recordAudit(tx, { actorId: userId(note.by), action: 'case.note', entityType: 'case', entityId: caseId, after: { noteId: row.id }, at: when });
  }
  if (reportId !== null && c.report?.declined) {
    const { reason, hoursAfter, by } = c.report.declined;
    const when = at(hoursAfter);
    await tx.update(reports).set({ status: 'declined', declineReason: reason, handledBy: userId(by), handledAt: when }).where(eq(reports.id, reportId));
    // As the desk's decline does: it closes the case only for someone who may close cases.
    const decliner = (await tx.select({ role: users.role }).from(users).where(eq(users.id, userId(by))).limit(1))[0];
    await declineReportCase(tx, reportId, reason, when, { actorId: userId(by), closes: decliner ? can(decliner.role, 'case.manage') : false });
    await recordAudit(tx, { actorId: userId(by), action: 'report.decline', entityType: 'report', entityId: reportId, before: { status: 'new' }, after: { status: 'declined', reason }, at: when });
  }
  if (c.closed) {
    const when = at(c.closed.hoursAfter);
    const withCorrection = ['resolved', 'upheld', 'mediated'].includes(c.closed.outcome);
    // As closeCase does: a case that is not upheld (or withdrawn) names none; otherwise the one
    // named, or the report's own correction once it is published.
    const linked = (await tx.select({ id: cases.correctionId, status: corrections.status }).from(cases).leftJoin(corrections, eq(corrections.id, cases.correctionId)).where(eq(cases.id, caseId)).limit(1))[0];
    let correctionId: number | null = withCorrection && linked?.id && linked.status === 'published' ? linked.id : null;
    if (c.closed.correction !== undefined) {
      if (!withCorrection) throw new Error(`demo case on ${c.articles[0].slug}: a ${c.closed.outcome} case names no correction`);
      const correction = first.corrections[c.closed.correction];
      const row = correction && (await tx.select({ status: corrections.status }).from(corrections).where(eq(corrections.id, correction.id)).limit(1))[0];
      if (!correction || row?.status !== 'published' || !correction.publishedAt || correction.publishedAt.getTime() > when.getTime()) {
        throw new Error(`demo case on ${c.articles[0].slug} must close with a correction published before it closes`);
      }
      correctionId = correction.id;
    }
    await tx.update(cases).set({ status: c.closed.outcome, correctionId, closedAt: when, outcomeNote: c.closed.note, updatedAt: when }).where(eq(cases.id, caseId));
    await recordAudit(tx, { actorId: userId(c.closed.by), action: 'case.close', entityType: 'case', entityId: caseId, before: { status: 'open' }, after: { status: c.closed.outcome, correctionId, note: c.closed.note }, at: when });
  }
}
