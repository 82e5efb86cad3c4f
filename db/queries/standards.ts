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
  type WeeklySeries,
  weeklyFromTimings,
} from '../../lib/standards/statement';
import type { StandardsConfig } from '../../lib/standards/config';
import { calendarDayFinder, endOfCalendarDay, startOfCalendarDay } from '../../lib/wording';
import { getDb } from '../index';
import { articles, caseArticles, caseClauses, cases, corrections, versions } from '../schema';
import { recordAudit } from './audit';
import { distinctArticleValues } from './distinct-values';

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

/**
 * The earliest complaint (case) each correction was linked to, for the corrections that have one:
 * one walk of the cases linked to a correction (cases_correction_received_idx), not a probe per row.
 */
function firstComplaints(): Map<number, number> {
  const rows = getDb()
    .select({ correctionId: cases.correctionId, first: min(cases.receivedAt) })
    .from(cases)
    .where(isNotNull(cases.correctionId))
    .groupBy(cases.correctionId)
    .values() as [number, number][];
  return new Map(rows.map(([id, first]) => [id, Number(first)]));
}

function correctionsWhere(range: FigureRange, timeZone: string): SQL[] {
  const { start, end } = rangeInstants(range, timeZone);
  const where: SQL[] = [eq(corrections.status, 'published'), gte(corrections.publishedAt, start), lt(corrections.publishedAt, end)];
  if (range.section) where.push(eq(corrections.publishedSection, range.section));
  return where;
}

/**
 * The published corrections (not withdrawn) published in the range, one row each, counted under the
 * section and byline they were published under: for the per-author figures, which need the rows.
 */
export function correctionFacts(range: FigureRange, timeZone: string): CorrectionFact[] {
  const rows = getDb()
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
    .where(and(...correctionsWhere(range, timeZone)))
    .orderBy(corrections.publishedAt, corrections.id)
    .values() as [number, CorrectionFact['kind'], number, string | null, string | null, string | null, string | null, string | null, number | null, number | null][];
  const dayOf = calendarDayFinder(range.from, range.to, timeZone);
  const firsts = firstComplaints();
  return rows.map(([id, kind, publishedMs, section, byline, errorType, errorCause, foundBy, exposedFrom, amendedAt]) => {
    const publishedAt = new Date(Number(publishedMs));
    return { id, kind, publishedAt, publishedDay: dayOf(publishedAt), section: section ?? '', byline: byline ?? '', errorType, errorCause, foundBy, exposedFrom: ms(exposedFrom), amendedAt: ms(amendedAt), firstReportAt: ms(firsts.get(id)) };
  });
}

function casesWhere(range: FigureRange, timeZone: string): SQL[] {
  const { start, end } = rangeInstants(range, timeZone);
  const where: SQL[] = [gte(cases.receivedAt, start), lt(cases.receivedAt, end)];
  if (range.section) {
    where.push(inArray(cases.id, getDb().select({ id: caseArticles.caseId }).from(caseArticles).innerJoin(articles, eq(articles.id, caseArticles.articleId)).where(eq(articles.section, range.section))));
  }
  return where;
}

const clauseOrder = new Intl.Collator('en', { numeric: true });

/**
 * Everything the statement counts for a range, counted by the database along covering indexes
 * (corrections_standards_facts_idx, cases_standards_facts_idx): corrections by kind, section and
 * taxonomy; cases by outcome and route; complaints by clause; the instants the medians need; the
 * upheld cases. Corrections by the day they were published, cases by the day they were received.
 */
export function statementFigures(range: FigureRange, timeZone: string): StatementFigures {
  const db = getDb();
  const cw = and(...correctionsWhere(range, timeZone));
  const n = count();
  const correctionGroups = (
    db
      .select({ kind: corrections.kind, section: corrections.publishedSection, errorType: corrections.errorType, errorCause: corrections.errorCause, foundBy: corrections.foundBy, n })
      .from(corrections)
      .where(cw)
      .groupBy(corrections.kind, corrections.publishedSection, corrections.errorType, corrections.errorCause, corrections.foundBy)
      .values() as [CorrectionFact['kind'], string | null, string | null, string | null, string | null, number][]
  ).map(([kind, section, errorType, errorCause, foundBy, c]) => ({ kind, section: section ?? '', errorType, errorCause, foundBy, count: Number(c) }));
  const firsts = firstComplaints();
  const correctionTimings = (
    db
      .select({ id: corrections.id, kind: corrections.kind, publishedAt: corrections.publishedAt, exposedFrom: corrections.exposedFrom, amendedAt: versions.savedAt })
      .from(corrections)
      .leftJoin(versions, eq(versions.id, corrections.amendedVersionId))
      .where(cw)
      .values() as [number, CorrectionFact['kind'], number, number | null, number | null][]
  ).map(([id, kind, published, exposedFrom, amended]) => ({ kind, publishedMs: Number(published), exposedFromMs: exposedFrom === null ? null : Number(exposedFrom), amendedMs: amended === null ? null : Number(amended), firstReportMs: firsts.get(id) ?? null }));

  // The range's cases, once (with a section, its cases are found once too), then counted here.
  const caseRows = db
    .select({ id: cases.id, status: cases.status, route: cases.route, receivedAt: cases.receivedAt, acknowledgedAt: cases.acknowledgedAt, closedAt: cases.closedAt })
    .from(cases)
    .where(and(...casesWhere(range, timeZone)))
    .values() as [number, CaseFact['status'], CaseFact['route'], number, number | null, number | null][];
  const groups = new Map<string, { status: CaseFact['status']; route: CaseFact['route']; count: number }>();
  const caseTimings: StatementFigures['caseTimings'][number][] = [];
  const upheldIds: number[] = [];
  for (const [id, status, route, received, acknowledged, closed] of caseRows) {
    const key = `${status} ${route}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { status, route, count: 1 });
    caseTimings.push({ receivedMs: Number(received), acknowledgedMs: acknowledged === null ? null : Number(acknowledged), closedMs: closed === null ? null : Number(closed) });
    if (status === 'upheld') upheldIds.push(id);
  }
  // Complaints under each clause: the clauses of the range's cases (probed by case, the clauses' key).
  const clauseRows = db
    .select({ caseId: caseClauses.caseId, clause: caseClauses.clause })
    .from(caseClauses)
    .where(inArray(caseClauses.caseId, db.select({ id: cases.id }).from(cases).where(and(...casesWhere(range, timeZone)))))
    .values() as [number, string][];
  const byClause = new Map<string, number>();
  const cited = new Map<number, string[]>();
  for (const [caseId, clause] of clauseRows) {
    byClause.set(clause, (byClause.get(clause) ?? 0) + 1);
    const list = cited.get(caseId);
    if (list) list.push(clause);
    else cited.set(caseId, [clause]);
  }
  const clauseCounts = [...byClause].map(([clause, c]) => ({ clause, count: c }));
  const none = caseRows.length - cited.size;
  if (none > 0) clauseCounts.push({ clause: '', count: none });
  const upheld = upheldIds.length
    ? db
        .select({ id: cases.id, reference: cases.reference, receivedAt: cases.receivedAt, closedAt: cases.closedAt, route: cases.route, correctionId: cases.correctionId })
        .from(cases)
        .where(inArray(cases.id, upheldIds))
        .all()
        .map((r) => ({ ...r, receivedAt: r.receivedAt as Date, closedAt: r.closedAt ?? null, clauses: (cited.get(r.id) ?? []).sort(clauseOrder.compare) }))
    : [];
  const caseGroups = [...groups.values()];
  return { correctionGroups, correctionTimings, caseGroups, caseTimings, clauseCounts, upheld };
}

/** The published corrections among these ids, with their wording and article, as the statement names them. */
export function namedCorrections(ids: readonly number[]): Map<number, NamedCorrection> {
  if (ids.length === 0) return new Map();
  const rows = getDb()
    .select({ id: corrections.id, kind: corrections.kind, wording: corrections.wording, slug: articles.slug, publishedAt: corrections.publishedAt })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(and(inArray(corrections.id, [...ids]), eq(corrections.status, 'published')))
    .all();
  return new Map(rows.map((r) => [r.id, { ...r, publishedAt: r.publishedAt as Date }]));
}

/** Open cases now, and how many of them are past their due date. */
export function openCaseCounts(now: Date, section?: string | null) {
  const db = getDb();
  const where: SQL[] = [eq(cases.status, 'open')];
  // Open cases are few beside the archive: each is checked for an article in the section (two key
  // probes), rather than every case on the section's articles being gathered first.
  if (section) where.push(exists(db.select({ one: sql`1` }).from(caseArticles).innerJoin(articles, eq(articles.id, caseArticles.articleId)).where(and(eq(caseArticles.caseId, cases.id), eq(articles.section, section)))));
  const open = db.select({ n: count() }).from(cases).where(and(...where)).get()?.n ?? 0;
  const overdue = db.select({ n: count() }).from(cases).where(and(...where, lt(cases.dueAt, now))).get()?.n ?? 0;
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
export function standardsAlerts(now: Date, config: Pick<StandardsConfig, 'alertCount' | 'alertDays'>): Alert[] {
  const db = getDb();
  const since = new Date(now.getTime() - config.alertDays * 86_400_000);
  const recent = and(eq(corrections.status, 'published'), gte(corrections.publishedAt, since), lt(corrections.publishedAt, now));
  const n = count();
  const group = (column: typeof corrections.publishedByline | typeof corrections.publishedSection, on: Alert['on']) =>
    db
      .select({ name: column, n })
      .from(corrections)
      .where(and(recent, isNotNull(column)))
      .groupBy(column)
      .having(gte(n, config.alertCount))
      .orderBy(desc(n), column)
      .limit(20)
      .all()
      .map((r) => ({ on, name: r.name ?? '', count: r.n, days: config.alertDays }));
  return [...group(corrections.publishedSection, 'section'), ...group(corrections.publishedByline, 'author')];
}

/** The sections corrections have been published in, for the dashboard's filter (a hop along the section index). */
export function correctionSections(): string[] {
  return distinctArticleValues(getDb(), 'section', 500, { publishedCorrection: true });
}

/**
 * The annual statement (and the dashboard's tables and weekly chart) for a range: the one place
 * both are read.
 */
export function loadStatement(range: FigureRange, timeZone: string, config: StandardsConfig): { statement: Statement; weekly: WeeklySeries } {
  const figures = statementFigures(range, timeZone);
  // An upheld case's correction may have been published after the range: the statement still names it.
  const named = namedCorrections(upheldCorrectionIds(figures.upheld));
  const statement = buildStatement({ from: range.from, to: range.to, section: range.section ?? null, figures, named, config });
  return { statement, weekly: weeklyFromTimings(range.from, range.to, figures.correctionTimings, (day) => startOfCalendarDay(day, timeZone)) };
}

/**
 * The per-author figures (corrections and median exposure by byline) for a range: standards only,
 * and each showing is kept in the audit trail with the range it covered, in the same call, so no
 * page can show them without the trail saying who looked.
 */
export function viewAuthorFigures({ actorId, range, timeZone }: { actorId: number; range: FigureRange; timeZone: string }) {
  const rows = byAuthor(correctionFacts(range, timeZone));
  getDb().transaction((tx) => {
    recordAudit(tx, { actorId, action: 'standards.view_authors', entityType: 'standards', entityId: 'authors', after: { from: range.from, to: range.to, section: range.section ?? null, authors: rows.length } });
  });
  return rows;
}
