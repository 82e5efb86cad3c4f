// The standards casebook: complaints (cases) with their clocks, and the standards desk's lists and
// clocks configuration. Every reader report opens a case in the report's own transaction; staff
// log the rest. A closed case is never changed (triggers); notes are append-only.
import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, lt, lte, ne, type SQL } from 'drizzle-orm';
import { COUNT_CAP, type Cursor, cutPage } from '../../lib/desk/keyset';
import { mapSeries } from '../../lib/async';
import { ErrataError } from '../../lib/errors';
import { responseDue } from '../../lib/standards/clock';
import {
  type CaseChannel,
  type CaseOutcome,
  type CaseRoute,
  type CaseStatus,
  DEFAULT_STANDARDS,
  type StandardsConfig,
} from '../../lib/standards/config';
import { getDb } from '../index';
import type { Case } from '../schema';
import { articles, caseArticles, caseClauses, caseNotes, cases, corrections, reports, standardsSettings, users, versions } from '../tables';
import { recordAudit } from './audit';
import { keyset } from './keyset';
import { newCaseReference, newsroomZoneIn, standardsConfigIn } from './report-cases';
import type { Tx } from './types';
import { transaction } from '../store';
import { countRows } from '../dialect';

// ---------------------------------------------------------------- configuration

export async function getStandardsConfig(tx?: Tx): Promise<StandardsConfig> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return DEFAULT_STANDARDS;
  return standardsConfigIn(tx ?? getDb());
}

/** An option taken off a list that the record still carries: it stays on those records. */
export interface RetiredOption {
  list: 'clauses' | 'errorTypes' | 'errorCauses' | 'foundBy';
  code: string;
  label: string;
  /** How many cases (clauses) or corrections (the taxonomy) carry it. */
  count: number;
}

/** Options in `before` but not in `after` that cases or corrections carry, with how many carry each. */
async function retiredInUse(tx: Tx, before: StandardsConfig, after: StandardsConfig): Promise<RetiredOption[]> {
  const out: RetiredOption[] = [];
  const column = { errorTypes: corrections.errorType, errorCauses: corrections.errorCause, foundBy: corrections.foundBy } as const;
  for (const list of ['clauses', 'errorTypes', 'errorCauses', 'foundBy'] as const) {
    const kept = new Set(after[list].map((o) => o.code));
    for (const option of before[list]) {
      if (kept.has(option.code)) continue;
      const n =
        list === 'clauses'
          ? ((await tx.select({ n: count() }).from(caseClauses).where(eq(caseClauses.clause, option.code)).limit(1))[0]?.n ?? 0)
          : ((await tx.select({ n: count() }).from(corrections).where(eq(column[list], option.code)).limit(1))[0]?.n ?? 0);
      if (n > 0) out.push({ list, code: option.code, label: option.label, count: n });
    }
  }
  return out;
}

/**
 * The admin's change, audited with what it replaced. Returns the keys that changed, and the options
 * taken off a list that cases or corrections still carry (they keep them; the record is not rewritten).
 */
export async function saveStandardsConfig({ config, actorId }: { config: StandardsConfig; actorId: number }): Promise<{ changed: (keyof StandardsConfig)[]; retired: RetiredOption[] }> {
  return await transaction(getDb(), async (tx) => {
      const before = await getStandardsConfig(tx);
      const changed = (Object.keys(config) as (keyof StandardsConfig)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(config[k]));
      if (changed.length === 0) return { changed, retired: [] };
      const json = JSON.stringify(config);
      await tx.insert(standardsSettings).values({ id: 1, config: json }).onConflictDoUpdate({ target: standardsSettings.id, set: { config: json } });
      const pick = (c: StandardsConfig) => Object.fromEntries(changed.map((k) => [k, c[k]]));
      await recordAudit(tx, { actorId, action: 'standards.settings', entityType: 'settings', entityId: 'standards', before: pick(before), after: pick(config) });
      return { changed, retired: await retiredInUse(tx, before, config) };
    });
}

// ---------------------------------------------------------------- opening cases

// The case a reader report opens, and its triage, live with no server-only (the demo seed uses them).
export { declineReportCase, linkReportCase, openCaseForReport } from './report-cases';

export interface LoggedCase {
  channel: Exclude<CaseChannel, 'reader_report'>;
  route: CaseRoute;
  complainantName: string;
  complainantContact: string | null;
  summary: string;
  /** Slugs of the articles complained about, with the words when given. */
  articles: { slug: string; quote: string | null }[];
  clauses: string[];
  receivedAt: Date;
  ownerId: number | null;
  actorId: number;
  now?: Date;
}

function checkClauses(config: StandardsConfig, clauses: readonly string[]): void {
  const known = new Set(config.clauses.map((c) => c.code));
  const unknown = clauses.find((c) => !known.has(c));
  if (unknown !== undefined) throw new ErrataError('invalid', `There is no clause “${unknown}” in the code; pick from the list.`, 'clauses');
}

async function checkOwner(tx: Tx, ownerId: number | null): Promise<void> {
  if (ownerId === null) return;
  const owner = (await tx.select({ id: users.id, disabledAt: users.disabledAt }).from(users).where(eq(users.id, ownerId)).limit(1))[0];
  if (!owner || owner.disabledAt) throw new ErrataError('invalid', 'Pick an owner from the desk’s current people.', 'ownerId');
}

/** A complaint that came by email, phone, letter or from a regulator, logged by staff. */
export async function logCase(input: LoggedCase): Promise<Case> {
  const now = input.now ?? new Date();
  if (input.receivedAt.getTime() > now.getTime() + 60_000) throw new ErrataError('invalid', 'The date received cannot be in the future.', 'receivedAt');
  if (input.receivedAt.getTime() < now.getTime() - 10 * 366 * 86_400_000) throw new ErrataError('invalid', 'The date received is more than ten years ago: check the year.', 'receivedAt');
  return await transaction(getDb(), async (tx) => {
      const config = await getStandardsConfig(tx);
      checkClauses(config, input.clauses);
      await checkOwner(tx, input.ownerId);
      const found: { id: number; quote: string | null }[] = [];
      for (const a of input.articles) {
        const article = (await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, a.slug)).limit(1))[0];
        if (!article) throw new ErrataError('invalid', `There is no article at “${a.slug}”.`, 'articles');
        if (!found.some((f) => f.id === article.id)) found.push({ id: article.id, quote: a.quote });
      }
      const row = (await tx
        .insert(cases)
        .values({
          reference: newCaseReference(),
          channel: input.channel,
          route: input.route,
          complainantName: input.complainantName,
          complainantContact: input.complainantContact,
          summary: input.summary,
          ownerId: input.ownerId,
          receivedAt: input.receivedAt,
          dueAt: responseDue(input.receivedAt, input.route, config, await newsroomZoneIn(tx)),
          createdBy: input.actorId,
          updatedAt: now,
        })
        .returning())[0];
      for (const f of found) await tx.insert(caseArticles).values({ caseId: row.id, articleId: f.id, quote: f.quote });
      for (const clause of new Set(input.clauses)) await tx.insert(caseClauses).values({ caseId: row.id, clause });
      // The complainant's name and contact stay out of the audit trail: it records the fact.
      await recordAudit(tx, { actorId: input.actorId, action: 'case.log', entityType: 'case', entityId: row.id, after: { reference: row.reference, channel: row.channel, route: row.route, articles: found.map((f) => f.id), clauses: input.clauses, ownerId: input.ownerId } });
      return row;
    });
}

// ---------------------------------------------------------------- working a case

async function openCase(tx: Tx, caseId: number): Promise<Case> {
  const row = (await tx.select().from(cases).where(eq(cases.id, caseId)).limit(1))[0];
  if (!row) throw new ErrataError('not_found', 'No such case.');
  if (row.status !== 'open') throw new ErrataError('conflict', 'This case is closed; a closed case is not changed.');
  return row;
}

/** Standards assigns the route, the clauses and the owner; a change of route moves the due date. */
export async function assignCase(input: { caseId: number; route: CaseRoute; clauses: string[]; ownerId: number | null; actorId: number; now?: Date }): Promise<Case> {
  return await transaction(getDb(), async (tx) => {
      const before = await openCase(tx, input.caseId);
      const config = await getStandardsConfig(tx);
      checkClauses(config, input.clauses);
      await checkOwner(tx, input.ownerId);
      const oldClauses = (await tx.select({ clause: caseClauses.clause }).from(caseClauses).where(eq(caseClauses.caseId, input.caseId))).map((c) => c.clause).sort();
      // A clause since removed from the configured list stays on the cases that cite it (the form
      // cannot show it, so it is not the editor's choice to drop it).
      const known = new Set(config.clauses.map((c) => c.code));
      const newClauses = [...new Set([...input.clauses, ...oldClauses.filter((c) => !known.has(c))])].sort();
      const dueAt = before.route === input.route ? before.dueAt : responseDue(before.receivedAt, input.route, config, await newsroomZoneIn(tx));
      const after = (await tx.update(cases).set({ route: input.route, ownerId: input.ownerId, dueAt, updatedAt: input.now ?? new Date() }).where(eq(cases.id, input.caseId)).returning())[0];
      await tx.delete(caseClauses).where(eq(caseClauses.caseId, input.caseId));
      for (const clause of newClauses) await tx.insert(caseClauses).values({ caseId: input.caseId, clause });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: 'case.assign',
        entityType: 'case',
        entityId: input.caseId,
        before: { route: before.route, ownerId: before.ownerId, clauses: oldClauses, dueAt: before.dueAt.toISOString() },
        after: { route: after.route, ownerId: after.ownerId, clauses: newClauses, dueAt: after.dueAt.toISOString() },
      });
      return after;
    });
}

export async function acknowledgeCase(input: { caseId: number; actorId: number; now?: Date }): Promise<Case> {
  return await transaction(getDb(), async (tx) => {
      const before = await openCase(tx, input.caseId);
      if (before.acknowledgedAt) throw new ErrataError('conflict', 'This case was already acknowledged.');
      const now = input.now ?? new Date();
      const after = (await tx.update(cases).set({ acknowledgedAt: now, updatedAt: now }).where(eq(cases.id, input.caseId)).returning())[0];
      await recordAudit(tx, { actorId: input.actorId, action: 'case.acknowledge', entityType: 'case', entityId: input.caseId, after: { acknowledgedAt: now.toISOString() } });
      return after;
    });
}

/** The outcomes that say the complaint was (at least partly) right, and may name the correction it led to. */
const WITH_CORRECTION: readonly CaseOutcome[] = ['resolved', 'upheld', 'mediated'];

/**
 * Closes the case with an outcome. A correction named must be published (not withdrawn) and on one
 * of the case's articles; "not upheld" and "withdrawn" name none.
 */
export async function closeCase(input: { caseId: number; outcome: CaseOutcome; correctionId: number | null; note: string; actorId: number; now?: Date }): Promise<Case> {
  return await transaction(getDb(), async (tx) => {
      const before = await openCase(tx, input.caseId);
      let correctionId = input.correctionId;
      if (correctionId !== null) {
        if (!WITH_CORRECTION.includes(input.outcome)) throw new ErrataError('invalid', 'A case that is not upheld, or withdrawn, names no correction.', 'correctionId');
        const correction = (await tx.select({ id: corrections.id, articleId: corrections.articleId, status: corrections.status }).from(corrections).where(eq(corrections.id, correctionId)).limit(1))[0];
        const onCase = correction && (await tx.select({ n: count() }).from(caseArticles).where(and(eq(caseArticles.caseId, input.caseId), eq(caseArticles.articleId, correction.articleId))).limit(1))[0]?.n;
        if (!correction || !onCase) throw new ErrataError('invalid', `Correction ${correctionId} is not on one of this case’s articles.`, 'correctionId');
        if (correction.status !== 'published') throw new ErrataError('invalid', correction.status === 'draft' ? `Correction ${correctionId} is still a draft: publish it first, then close the case.` : `Correction ${correctionId} was withdrawn.`, 'correctionId');
      } else if (!WITH_CORRECTION.includes(input.outcome)) {
        correctionId = null;
      } else if (before.correctionId !== null) {
        // The report's correction: named once published; still a draft, it must be published first,
        // or the case would close for good without the correction that followed.
        const linked = (await tx.select({ status: corrections.status }).from(corrections).where(eq(corrections.id, before.correctionId)).limit(1))[0];
        if (linked?.status === 'draft') throw new ErrataError('invalid', `Correction ${before.correctionId}, drafted from this case, is not published yet: publish it, then close the case.`, 'correctionId');
        correctionId = linked?.status === 'published' ? before.correctionId : null;
      }
      const now = input.now ?? new Date();
      const after = (await tx
        .update(cases)
        .set({ status: input.outcome, correctionId, closedAt: now, outcomeNote: input.note || null, updatedAt: now })
        .where(eq(cases.id, input.caseId))
        .returning())[0];
      await recordAudit(tx, { actorId: input.actorId, action: 'case.close', entityType: 'case', entityId: input.caseId, before: { status: 'open' }, after: { status: input.outcome, correctionId: after.correctionId, note: input.note || null } });
      return after;
    });
}

export async function addCaseNote(input: { caseId: number; body: string; actorId: number; now?: Date }): Promise<void> {
  await transaction(getDb(), async (tx) => {
      const row = (await tx.select({ id: cases.id, status: cases.status }).from(cases).where(eq(cases.id, input.caseId)).limit(1))[0];
      if (!row) throw new ErrataError('not_found', 'No such case.');
      // A closed case is never changed, its notes included (the case page offers no note form then).
      if (row.status !== 'open') throw new ErrataError('conflict', 'This case is closed: a closed case is not changed, and takes no more notes.');
      const note = (await tx.insert(caseNotes).values({ caseId: input.caseId, authorId: input.actorId, body: input.body, at: input.now ?? new Date() }).returning())[0];
      await recordAudit(tx, { actorId: input.actorId, action: 'case.note', entityType: 'case', entityId: input.caseId, after: { noteId: note.id } });
    });
}

// ---------------------------------------------------------------- reading cases

export interface CaseFilter {
  status?: CaseStatus;
  /** Only the open cases past, or near, their due date. */
  clock?: 'overdue' | 'due_soon';
  ownerId?: number;
  route?: CaseRoute;
  cursor?: Cursor;
}

export const CASE_PAGE_SIZE = 25;

/** The casebook, newest first, a page at a time (keyset on id). */
export async function listCases(filter: CaseFilter, now: Date, config: StandardsConfig) {
  const db = getDb();
  const cursor = filter.cursor ?? null;
  const key = keyset(cases.id, cursor);
  const where: SQL[] = [key.where];
  if (filter.status) where.push(eq(cases.status, filter.status));
  if (filter.route) where.push(eq(cases.route, filter.route));
  if (filter.ownerId !== undefined) where.push(eq(cases.ownerId, filter.ownerId));
  if (filter.clock) {
    where.push(eq(cases.status, 'open'));
    if (filter.clock === 'overdue') where.push(lt(cases.dueAt, now));
    else where.push(gte(cases.dueAt, now), lte(cases.dueAt, new Date(now.getTime() + config.dueSoonDays * 86_400_000)));
  }
  const fetched = await db
    .select({ case: cases, owner: users.name })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.ownerId))
    .where(and(...where))
    .orderBy(key.orderBy)
    .limit(CASE_PAGE_SIZE + 1);
  const page = cutPage(fetched, cursor, CASE_PAGE_SIZE, (r) => r.case.id);
  const ids = page.rows.map((r) => r.case.id);
  const about = ids.length
    ? (await db.select({ caseId: caseArticles.caseId, slug: articles.slug }).from(caseArticles).innerJoin(articles, eq(articles.id, caseArticles.articleId)).where(inArray(caseArticles.caseId, ids)))
    : [];
  return { ...page, rows: page.rows.map((r) => ({ ...r, slugs: about.filter((a) => a.caseId === r.case.id).map((a) => a.slug) })) };
}

export async function getCaseDetail(caseId: number) {
  const db = getDb();
  const row = (await db.select({ case: cases, owner: users.name }).from(cases).leftJoin(users, eq(users.id, cases.ownerId)).where(eq(cases.id, caseId)).limit(1))[0];
  if (!row) return null;
  const about = await db
    .select({ articleId: articles.id, slug: articles.slug, section: articles.section, byline: articles.byline, quote: caseArticles.quote })
    .from(caseArticles)
    .innerJoin(articles, eq(articles.id, caseArticles.articleId))
    .where(eq(caseArticles.caseId, caseId));
  const headlines = await mapSeries(about, async (a) => (await db.select({ headline: versions.headline }).from(versions).where(eq(versions.articleId, a.articleId)).orderBy(desc(versions.number)).limit(1))[0]?.headline ?? a.slug);
  const clauses = (await db.select({ clause: caseClauses.clause }).from(caseClauses).where(eq(caseClauses.caseId, caseId)).orderBy(asc(caseClauses.clause))).map((c) => c.clause);
  const notes = await db.select({ note: caseNotes, author: users.name }).from(caseNotes).leftJoin(users, eq(users.id, caseNotes.authorId)).where(eq(caseNotes.caseId, caseId)).orderBy(asc(caseNotes.id));
  const report = row.case.reportId ? (await db.select({ reference: reports.reference, status: reports.status }).from(reports).where(eq(reports.id, row.case.reportId)).limit(1))[0] : undefined;
  const articleIds = about.map((a) => a.articleId);
  // The corrections the case could be closed with: those on its articles.
  const candidates = articleIds.length
    ? (await db
        .select({ id: corrections.id, kind: corrections.kind, status: corrections.status, wording: corrections.wording, articleId: corrections.articleId })
        .from(corrections)
        .where(and(inArray(corrections.articleId, articleIds), ne(corrections.status, 'withdrawn')))
        .orderBy(desc(corrections.id))
        .limit(50))
    : [];
  return { ...row, articles: about.map((a, i) => ({ ...a, headline: headlines[i] })), clauses, notes, report, candidates };
}

/** The desk's people who can own a case. */
export async function caseOwners() {
  return (await getDb().select({ id: users.id, name: users.name, role: users.role, disabledAt: users.disabledAt }).from(users).orderBy(asc(users.name))).filter((u) => !u.disabledAt);
}

/**
 * The open cases overdue or due soon: the owner's own, or every one (standards), at most `limit` of
 * each with the full counts. Overdue: the most recently overdue first (what went overdue since the
 * desk last looked; the casebook's filter lists them all). Due soon: the soonest first.
 */
export async function casesNeedingAttention({ ownerId, now, config, limit = 10 }: { ownerId: number | null; now: Date; config: StandardsConfig; limit?: number }) {
  const db = getDb();
  const soon = new Date(now.getTime() + config.dueSoonDays * 86_400_000);
  const mine = ownerId === null ? [] : [eq(cases.ownerId, ownerId)];
  const pick = async (range: SQL[], order: SQL) =>
    await db
      .select({ id: cases.id, reference: cases.reference, summary: cases.summary, dueAt: cases.dueAt, route: cases.route, status: cases.status, owner: users.name })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.ownerId))
      .where(and(eq(cases.status, 'open'), ...mine, ...range))
      .orderBy(order)
      .limit(limit);
  const count_ = async (range: SQL[]) => (await db.select({ n: count() }).from(cases).where(and(eq(cases.status, 'open'), ...mine, ...range)).limit(1))[0]?.n ?? 0;
  const overdueRange = [lt(cases.dueAt, now)];
  const soonRange = [gte(cases.dueAt, now), lte(cases.dueAt, soon)];
  return { overdue: await pick(overdueRange, desc(cases.dueAt)), overdueCount: await count_(overdueRange), dueSoon: await pick(soonRange, asc(cases.dueAt)), dueSoonCount: await count_(soonRange) };
}

/** The menu's badge: open cases past their due date (the account's own, or every one), counted up to COUNT_CAP + 1. */
export function countOverdueCases({ ownerId, now }: { ownerId: number | null; now: Date }): Promise<number> {
  const db = getDb();
  const mine = ownerId === null ? [] : [eq(cases.ownerId, ownerId)];
  const overdue = db.select({ id: cases.id }).from(cases).where(and(eq(cases.status, 'open'), ...mine, lt(cases.dueAt, now))).limit(COUNT_CAP + 1);
  return countRows(db, overdue);
}
