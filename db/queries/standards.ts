// The facts behind the standards dashboard, the alerts and the annual statement: published
// corrections by publication day, cases by the day they were received, both in the newsroom's
// time zone. lib/standards/statement.ts works every figure out of these rows, so the page, the
// CSV and the charts share one set of queries. Plain drizzle (no SQLite-only SQL).
import 'server-only';
import { and, count, desc, eq, gte, inArray, lt, min, sql, type SQL } from 'drizzle-orm';
import { buildStatement, byAuthor, type CaseFact, type CorrectionFact, type Statement } from '../../lib/standards/statement';
import type { StandardsConfig } from '../../lib/standards/config';
import { calendarDayFinder, endOfCalendarDay, isoDateInZone, startOfCalendarDay } from '../../lib/wording';
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

const firstComplaint = sql<number | null>`(select ${min(cases.receivedAt)} from ${cases} where ${cases.correctionId} = ${corrections.id})`;

/** The published corrections (not withdrawn) published in the range. */
export function correctionFacts(range: FigureRange, timeZone: string): CorrectionFact[] {
  const { start, end } = rangeInstants(range, timeZone);
  const where: SQL[] = [eq(corrections.status, 'published'), gte(corrections.publishedAt, start), lt(corrections.publishedAt, end)];
  if (range.section) where.push(eq(articles.section, range.section));
  const rows = getDb()
    .select({
      id: corrections.id,
      kind: corrections.kind,
      publishedAt: corrections.publishedAt,
      section: articles.section,
      byline: articles.byline,
      slug: articles.slug,
      wording: corrections.wording,
      errorType: corrections.errorType,
      errorCause: corrections.errorCause,
      foundBy: corrections.foundBy,
      exposedFrom: corrections.exposedFrom,
      amendedAt: versions.savedAt,
      firstReportAt: firstComplaint,
    })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .leftJoin(versions, eq(versions.id, corrections.amendedVersionId))
    .where(and(...where))
    .orderBy(corrections.publishedAt, corrections.id)
    .all();
  const dayOf = calendarDayFinder(range.from, range.to, timeZone);
  return rows.map((r) => {
    const publishedAt = r.publishedAt as Date;
    return { ...r, publishedAt, publishedDay: dayOf(publishedAt), firstReportAt: r.firstReportAt === null ? null : new Date(Number(r.firstReportAt)) };
  });
}

/** The cases received in the range (on an article of the section, when one is given), with their clauses. */
export function caseFacts(range: FigureRange, timeZone: string): CaseFact[] {
  const db = getDb();
  const { start, end } = rangeInstants(range, timeZone);
  const where: SQL[] = [gte(cases.receivedAt, start), lt(cases.receivedAt, end)];
  if (range.section) {
    where.push(inArray(cases.id, db.select({ id: caseArticles.caseId }).from(caseArticles).innerJoin(articles, eq(articles.id, caseArticles.articleId)).where(eq(articles.section, range.section))));
  }
  const rows = db
    .select({ id: cases.id, reference: cases.reference, route: cases.route, status: cases.status, receivedAt: cases.receivedAt, acknowledgedAt: cases.acknowledgedAt, dueAt: cases.dueAt, closedAt: cases.closedAt, correctionId: cases.correctionId, summary: cases.summary })
    .from(cases)
    .where(and(...where))
    .orderBy(cases.receivedAt, cases.id)
    .all();
  // Probed by case (the clauses' primary key), for the cases the range picked.
  const clauses = db
    .select({ caseId: caseClauses.caseId, clause: caseClauses.clause })
    .from(caseClauses)
    .where(inArray(caseClauses.caseId, db.select({ id: cases.id }).from(cases).where(and(...where))))
    .all();
  const byCase = new Map<number, string[]>();
  for (const c of clauses) {
    const list = byCase.get(c.caseId);
    if (list) list.push(c.clause);
    else byCase.set(c.caseId, [c.clause]);
  }
  return rows.map((r) => ({ ...r, clauses: (byCase.get(r.id) ?? []).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })) }));
}

/** The corrections an upheld case led to that were published outside the range: the statement still names them. */
export function correctionsById(ids: number[], timeZone: string): CorrectionFact[] {
  if (ids.length === 0) return [];
  const rows = getDb()
    .select({ id: corrections.id, kind: corrections.kind, publishedAt: corrections.publishedAt, section: articles.section, byline: articles.byline, slug: articles.slug, wording: corrections.wording, errorType: corrections.errorType, errorCause: corrections.errorCause, foundBy: corrections.foundBy, exposedFrom: corrections.exposedFrom, amendedAt: versions.savedAt })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .leftJoin(versions, eq(versions.id, corrections.amendedVersionId))
    .where(and(inArray(corrections.id, ids), eq(corrections.status, 'published')))
    .all();
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt as Date, publishedDay: isoDateInZone(r.publishedAt as Date, timeZone), firstReportAt: null }));
}

/** Open cases now, and how many of them are past their due date. */
export function openCaseCounts(now: Date, section?: string | null) {
  const db = getDb();
  const where: SQL[] = [eq(cases.status, 'open')];
  if (section) where.push(inArray(cases.id, db.select({ id: caseArticles.caseId }).from(caseArticles).innerJoin(articles, eq(articles.id, caseArticles.articleId)).where(eq(articles.section, section))));
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

/** The alert rule: at least `alertCount` corrections published in the last `alertDays` days on one author (byline) or one section. */
export function standardsAlerts(now: Date, config: Pick<StandardsConfig, 'alertCount' | 'alertDays'>): Alert[] {
  const db = getDb();
  const since = new Date(now.getTime() - config.alertDays * 86_400_000);
  const recent = and(eq(corrections.status, 'published'), gte(corrections.publishedAt, since), lt(corrections.publishedAt, now));
  const n = count();
  const group = (column: typeof articles.byline | typeof articles.section, on: Alert['on']) =>
    db
      .select({ name: column, n })
      .from(corrections)
      .innerJoin(articles, eq(articles.id, corrections.articleId))
      .where(recent)
      .groupBy(column)
      .having(gte(n, config.alertCount))
      .orderBy(desc(n))
      .limit(20)
      .all()
      .map((r) => ({ on, name: r.name, count: r.n, days: config.alertDays }));
  return [...group(articles.section, 'section'), ...group(articles.byline, 'author')];
}

/** The sections corrections have been published in, for the dashboard's filter (a hop along the section index). */
export function correctionSections(): string[] {
  return distinctArticleValues(getDb(), 'section', 500, { publishedCorrection: true });
}

/** The annual statement (and the dashboard's tables) for a range: the one place both are read. */
export function loadStatement(range: FigureRange, timeZone: string, config: StandardsConfig): { statement: Statement; corrections: CorrectionFact[]; cases: CaseFact[] } {
  const cs = correctionFacts(range, timeZone);
  const caseRows = caseFacts(range, timeZone);
  // An upheld case's correction may have been published after the range: the statement still names it.
  const known = new Set(cs.map((c) => c.id));
  const missing = caseRows.filter((c) => c.status === 'upheld' && c.correctionId !== null && !known.has(c.correctionId)).map((c) => c.correctionId as number);
  const extra = correctionsById([...new Set(missing)], timeZone);
  const statement = buildStatement({ from: range.from, to: range.to, section: range.section ?? null, corrections: cs, cases: caseRows, config });
  if (extra.length) {
    const byId = new Map(extra.map((c) => [c.id, c]));
    const correctionOf = new Map(caseRows.map((c) => [c.reference, c.correctionId]));
    for (const u of statement.upheld) {
      const correctionId = correctionOf.get(u.reference);
      const fact = correctionId ? byId.get(correctionId) : undefined;
      if (!u.correction && fact) u.correction = { id: fact.id, kind: fact.kind, wording: fact.wording, slug: fact.slug, publishedAt: fact.publishedAt };
    }
  }
  return { statement, corrections: cs, cases: caseRows };
}

/**
 * The per-author figures (corrections and median exposure by byline) for a range: standards only,
 * and each showing is kept in the audit trail with the range it covered, in the same call, so no
 * page can show them without the trail saying who looked.
 */
export function viewAuthorFigures({ actorId, range, corrections: cs }: { actorId: number; range: FigureRange; corrections: readonly CorrectionFact[] }) {
  const rows = byAuthor(cs);
  getDb().transaction((tx) => {
    recordAudit(tx, { actorId, action: 'standards.view_authors', entityType: 'standards', entityId: 'authors', after: { from: range.from, to: range.to, section: range.section ?? null, authors: rows.length } });
  });
  return rows;
}
