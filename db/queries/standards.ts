// The facts behind the standards dashboard, the alerts and the annual statement: published
// corrections by publication day, cases by the day they were received, both in the newsroom's
// time zone. lib/standards/statement.ts works every figure out of these rows, so the page, the
// CSV and the charts share one set of queries. Plain drizzle (no SQLite-only SQL). A correction is
// counted under the section and byline it was published under (kept with it, migration 0020).
import 'server-only';
import { and, count, desc, eq, exists, gte, inArray, isNotNull, lt, min, sql, type SQL } from 'drizzle-orm';
import {
  buildStatement,
  byAuthor,
  type CaseFact,
  type CorrectionFact,
  type NamedCorrection,
  type Statement,
  type StatementFigures,
  upheldCorrectionIds,
  WeekCounter,
  type WeeklySeries,
} from '../../lib/standards/statement';
import { exposureBetweenMs } from '../../lib/standards/exposure';
import type { StandardsConfig } from '../../lib/standards/config';
import { calendarDayFinder, endOfCalendarDay, startOfCalendarDay } from '../../lib/wording';
import { getDb } from '../index';
import { articles, caseArticles, caseClauses, cases, corrections, versions } from '../tables';
import { recordAudit } from './audit';
import { forEachRow, hopDistinct } from '../dialect';
import { transaction } from '../store';

export interface FigureRange {
  /** Calendar days in the newsroom's time zone, inclusive. */
  from: string;
  to: string;
  section?: string | null;
}

export function rangeInstants(range: FigureRange, timeZone: string): { start: Date; end: Date } {
  return { start: startOfCalendarDay(range.from, timeZone), end: endOfCalendarDay(range.to, timeZone) };
}

const ms = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(Number(v)));

/** An instant as milliseconds, whether the driver gave a Date or the stored number. */
const instantMs = (v: unknown): number => (v instanceof Date ? v.getTime() : Number(v));

/**
 * The earliest complaint (case) each correction was linked to, for the corrections that have one:
 * one walk of the cases linked to a correction (cases_correction_received_idx), not a probe per row.
 */
async function firstComplaints(): Promise<Map<number, number>> {
  const rows = await getDb()
    .select({ correctionId: cases.correctionId, first: min(cases.receivedAt) })
    .from(cases)
    .where(isNotNull(cases.correctionId))
    .groupBy(cases.correctionId);
  return new Map(rows.map((r) => [r.correctionId as number, instantMs(r.first)]));
}

/**
 * The published corrections of the range (in the section, when one is given). With `walkGroups`,
 * written so that a long range's counts walk corrections_standards_groups_idx in the groups' order
 * rather than read the range's rows and sort them: the range goes inside coalesce(x, x) (the same
 * instant, and of the same type on either store), which no index serves, so the planner takes the index the grouping wants, with or without statistics. The status
 * is a literal, not a parameter, so the planner weighs it with its statistics.
 */
function correctionsWhere(range: FigureRange, timeZone: string, { walkGroups = false } = {}): SQL | undefined {
  const { start, end } = rangeInstants(range, timeZone);
  const at = walkGroups ? sql`coalesce(${corrections.publishedAt}, ${corrections.publishedAt})` : corrections.publishedAt;
  const where: SQL[] = [sql`${corrections.status} = 'published'`, sql`${at} >= ${sql.param(start, corrections.publishedAt)}`, sql`${at} < ${sql.param(end, corrections.publishedAt)}`];
  if (range.section) where.push(eq(corrections.publishedSection, range.section));
  return and(...where);
}

/** Longer than this, a range's counts walk corrections_standards_groups_idx; shorter, its rows in the range. */
const LONG_RANGE_DAYS = 56;

function isLong(range: FigureRange, timeZone: string): boolean {
  const { start, end } = rangeInstants(range, timeZone);
  return end.getTime() - start.getTime() > LONG_RANGE_DAYS * 86_400_000;
}

/**
 * The published corrections (not withdrawn) published in the range, one row each, counted under the
 * section and byline they were published under: for the per-author figures, which need the rows.
 */
export async function correctionFacts(range: FigureRange, timeZone: string): Promise<CorrectionFact[]> {
  const rows = await getDb()
    .select({
      id: corrections.id,
      kind: corrections.kind,
      publishedAt: corrections.publishedAt,
      section: corrections.publishedSection,
      byline: corrections.publishedByline,
      errorType: corrections.errorType,
      errorCause: corrections.errorCause,
      foundBy: corrections.foundBy,
      exposedFrom: corrections.exposedFrom,
      amendedAt: versions.savedAt,
    })
    .from(corrections)
    .leftJoin(versions, eq(versions.id, corrections.amendedVersionId))
    .where(correctionsWhere(range, timeZone))
    .orderBy(corrections.publishedAt, corrections.id);
  const dayOf = calendarDayFinder(range.from, range.to, timeZone);
  const firsts = await firstComplaints();
  return rows.map(({ id, kind, publishedAt: published, section, byline, errorType, errorCause, foundBy, exposedFrom, amendedAt }) => {
    const publishedAt = new Date(instantMs(published));
    return { id, kind, publishedAt, publishedDay: dayOf(publishedAt), section: section ?? '', byline: byline ?? '', errorType, errorCause, foundBy, exposedFrom: ms(exposedFrom === null ? null : instantMs(exposedFrom)), amendedAt: ms(amendedAt === null ? null : instantMs(amendedAt)), firstReportAt: ms(firsts.get(id)) };
  });
}

function casesWhere(range: FigureRange, timeZone: string): SQL | undefined {
  const { start, end } = rangeInstants(range, timeZone);
  const where: SQL[] = [gte(cases.receivedAt, start), lt(cases.receivedAt, end)];
  if (range.section) {
    where.push(inArray(cases.id, getDb().select({ id: caseArticles.caseId }).from(caseArticles).innerJoin(articles, eq(articles.id, caseArticles.articleId)).where(eq(articles.section, range.section))));
  }
  return and(...where);
}

const clauseOrder = new Intl.Collator('en', { numeric: true });

/**
 * Everything the statement counts for a range, counted by the database along covering indexes
 * (corrections_standards_facts_idx, cases_standards_facts_idx): corrections by kind, section and
 * taxonomy; cases by outcome and route; complaints by clause; the instants the medians need; the
 * upheld cases. Corrections by the day they were published, cases by the day they were received.
 */
export async function statementFigures(range: FigureRange, timeZone: string): Promise<{ figures: StatementFigures; weekly: WeeklySeries }> {
  const db = getDb();
  const cw = correctionsWhere(range, timeZone);
  const n = count();
  const correctionGroups = (
    await db
      .select({ kind: corrections.kind, section: corrections.publishedSection, errorType: corrections.errorType, errorCause: corrections.errorCause, foundBy: corrections.foundBy, n })
      .from(corrections)
      .where(correctionsWhere(range, timeZone, { walkGroups: isLong(range, timeZone) }))
      // In the order of corrections_standards_groups_idx, so a long range is a walk of it, not a sort.
      .groupBy(corrections.publishedSection, corrections.kind, corrections.errorType, corrections.errorCause, corrections.foundBy)
  ).map(({ kind, section, errorType, errorCause, foundBy, n: c }) => ({ kind, section: section ?? '', errorType, errorCause, foundBy, count: Number(c) }));

  // One pass over the range's corrections: exposure, time from the first complaint, and the week.
  const firsts = await firstComplaints();
  const weeks = new WeekCounter(range.from, range.to, (day) => startOfCalendarDay(day, timeZone));
  const exposures: number[] = [];
  const toCorrection: number[] = [];
  const timings = db
    .select({ id: corrections.id, kind: corrections.kind, publishedAt: corrections.publishedAt, exposedFrom: corrections.exposedFrom, amendedAt: versions.savedAt })
    .from(corrections)
    .leftJoin(versions, eq(versions.id, corrections.amendedVersionId))
    .where(cw);
  await forEachRow<[number, CorrectionFact['kind'], number, number | null, number | null]>(db, timings, ([id, kind, published, exposedFrom, amended]) => {
    weeks.add(kind, published);
    const exposure = exposureBetweenMs(exposedFrom, published, amended);
    if (exposure !== null) exposures.push(exposure);
    const first = firsts.get(id);
    if (first !== undefined) toCorrection.push(Math.max(0, published - first));
  });

  // The range's cases, once (with a section, its cases are found once too), counted as they pass.
  const caseWhere = casesWhere(range, timeZone);
  const groups = new Map<string, { status: CaseFact['status']; route: CaseFact['route']; count: number }>();
  const responses: number[] = [];
  const acknowledgements: number[] = [];
  const upheldIds: number[] = [];
  let caseCount = 0;
  const caseRows = db
    .select({ id: cases.id, status: cases.status, route: cases.route, receivedAt: cases.receivedAt, acknowledgedAt: cases.acknowledgedAt, closedAt: cases.closedAt })
    .from(cases)
    .where(caseWhere);
  await forEachRow<[number, CaseFact['status'], CaseFact['route'], number, number | null, number | null]>(db, caseRows, ([id, status, route, received, acknowledged, closed]) => {
    caseCount += 1;
    const key = `${status} ${route}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { status, route, count: 1 });
    if (closed !== null) responses.push(Math.max(0, closed - received));
    if (acknowledged !== null) acknowledgements.push(Math.max(0, acknowledged - received));
    if (status === 'upheld') upheldIds.push(id);
  });
  // Complaints under each clause: the clauses of the range's cases (probed by case, the clauses' key).
  const clauseRows = db
    .select({ caseId: caseClauses.caseId, clause: caseClauses.clause })
    .from(caseClauses)
    .where(inArray(caseClauses.caseId, db.select({ id: cases.id }).from(cases).where(caseWhere)));
  const byClause = new Map<string, number>();
  const citing = new Set<number>();
  const upheldSet = new Set(upheldIds);
  const cited = new Map<number, string[]>();
  await forEachRow<[number, string]>(db, clauseRows, ([caseId, clause]) => {
    byClause.set(clause, (byClause.get(clause) ?? 0) + 1);
    citing.add(caseId);
    if (upheldSet.has(caseId)) cited.set(caseId, [...(cited.get(caseId) ?? []), clause]);
  });
  const clauseCounts = [...byClause].map(([clause, c]) => ({ clause, count: c }));
  const none = caseCount - citing.size;
  if (none > 0) clauseCounts.push({ clause: '', count: none });
  const upheld = upheldIds.length
    ? (await db
        .select({ id: cases.id, reference: cases.reference, receivedAt: cases.receivedAt, closedAt: cases.closedAt, route: cases.route, correctionId: cases.correctionId })
        .from(cases)
        .where(inArray(cases.id, upheldIds)))
        .map((r) => ({ ...r, receivedAt: r.receivedAt as Date, closedAt: r.closedAt ?? null, clauses: (cited.get(r.id) ?? []).sort(clauseOrder.compare) }))
    : [];
  return {
    figures: { correctionGroups, exposures, toCorrection, caseGroups: [...groups.values()], responses, acknowledgements, clauseCounts, upheld },
    weekly: weeks.series(),
  };
}

/** The published corrections among these ids, with their wording and article, as the statement names them. */
export async function namedCorrections(ids: readonly number[]): Promise<Map<number, NamedCorrection>> {
  if (ids.length === 0) return new Map();
  const rows = await getDb()
    .select({ id: corrections.id, kind: corrections.kind, wording: corrections.wording, slug: articles.slug, publishedAt: corrections.publishedAt })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(and(inArray(corrections.id, [...ids]), eq(corrections.status, 'published')));
  return new Map(rows.map((r) => [r.id, { ...r, publishedAt: r.publishedAt as Date }]));
}

/** Open cases now, and how many of them are past their due date. */
export async function openCaseCounts(now: Date, section?: string | null) {
  const db = getDb();
  const where: SQL[] = [eq(cases.status, 'open')];
  // Open cases are few beside the archive: each is checked for an article in the section (two key
  // probes), rather than every case on the section's articles being gathered first.
  if (section) where.push(exists(db.select({ one: sql`1` }).from(caseArticles).innerJoin(articles, eq(articles.id, caseArticles.articleId)).where(and(eq(caseArticles.caseId, cases.id), eq(articles.section, section)))));
  const open = (await db.select({ n: count() }).from(cases).where(and(...where)).limit(1))[0]?.n ?? 0;
  const overdue = (await db.select({ n: count() }).from(cases).where(and(...where, lt(cases.dueAt, now))).limit(1))[0]?.n ?? 0;
  return { open, overdue };
}

export interface Alert {
  on: 'author' | 'section';
  name: string;
  count: number;
  days: number;
}

/**
 * The alert rule: at least `alertCount` corrections published in the last `alertDays` days on one
 * author (the byline) or one section, as they were published (no join: the covering index).
 */
export async function standardsAlerts(now: Date, config: Pick<StandardsConfig, 'alertCount' | 'alertDays'>): Promise<Alert[]> {
  const db = getDb();
  const since = new Date(now.getTime() - config.alertDays * 86_400_000);
  const recent = and(eq(corrections.status, 'published'), gte(corrections.publishedAt, since), lt(corrections.publishedAt, now));
  const n = count();
  const group = async (column: typeof corrections.publishedByline | typeof corrections.publishedSection, on: Alert['on']) =>
    (await db
      .select({ name: column, n })
      .from(corrections)
      .where(and(recent, isNotNull(column)))
      .groupBy(column)
      .having(gte(n, config.alertCount))
      .orderBy(desc(n), column)
      .limit(20))
      .map((r) => ({ on, name: r.name ?? '', count: r.n, days: config.alertDays }));
  return [...await group(corrections.publishedSection, 'section'), ...await group(corrections.publishedByline, 'author')];
}

/**
 * The sections corrections were published under, for the dashboard's filter: a hop along
 * corrections_standards_groups_idx, one probe per section (a recursive CTE, as in distinct-values.ts).
 */
export function correctionSections(): Promise<string[]> {
  return hopDistinct(getDb(), { table: sql`${corrections}`, column: sql`${corrections.publishedSection}`, where: sql`${corrections.status} = 'published'`, limit: 500 });
}

/**
 * The annual statement (and the dashboard's tables and weekly chart) for a range: the one place
 * both are read.
 */
export async function loadStatement(range: FigureRange, timeZone: string, config: StandardsConfig): Promise<{ statement: Statement; weekly: WeeklySeries }> {
  const { figures, weekly } = await statementFigures(range, timeZone);
  // An upheld case's correction may have been published after the range: the statement still names it.
  const named = await namedCorrections(upheldCorrectionIds(figures.upheld));
  return { statement: buildStatement({ from: range.from, to: range.to, section: range.section ?? null, figures, named, config }), weekly };
}

/**
 * The per-author figures (corrections and median exposure by byline) for a range: standards only,
 * and each showing is kept in the audit trail with the range it covered, in the same call, so no
 * page can show them without the trail saying who looked.
 */
export async function viewAuthorFigures({ actorId, range, timeZone }: { actorId: number; range: FigureRange; timeZone: string }) {
  const rows = byAuthor(await correctionFacts(range, timeZone));
  await transaction(getDb(), async (tx) => {
    await recordAudit(tx, { actorId, action: 'standards.view_authors', entityType: 'standards', entityId: 'authors', after: { from: range.from, to: range.to, section: range.section ?? null, authors: rows.length } });
  });
  return rows;
}
