// The standards figures: the dashboard and the annual statement are both built here, from the same
// figures, so the printable page, its CSV and the dashboard's charts can never disagree. The
// figures are counts by group and the instants the medians need (db/queries/standards.ts reads
// them along covering indexes, so a year of a national newsroom's corrections is not tens of
// thousands of rows for the server to hold); figuresFromFacts works out the same from plain rows.
import { lastAtOrBefore } from '../sorted';
import { CORRECTION_KIND_LABELS, CORRECTION_KINDS, type CorrectionKind } from '../types';
import { type CaseRoute, type CaseStatus, CASE_ROUTE_LABELS, CASE_ROUTES, CASE_STATUS_LABELS, CASE_STATUSES, labelOf, type StandardsConfig } from './config';
import { exposureBetweenMs } from './exposure';
import { median, type Tally, tallyCounts, weekOf, weeksBetween } from './stats';

/** One published correction as the figures need it. */
export interface CorrectionFact {
  id: number;
  kind: CorrectionKind;
  publishedAt: Date;
  /** The publication day in the newsroom's time zone (YYYY-MM-DD). */
  publishedDay: string;
  section: string;
  byline: string;
  errorType: string | null;
  errorCause: string | null;
  foundBy: string | null;
  exposedFrom: Date | null;
  /** When the version that amended the words was saved, if one did. */
  amendedAt: Date | null;
  /** The earliest complaint (case) that led to it, if any. */
  firstReportAt: Date | null;
}

/** A correction as the statement names it beside the upheld complaint that led to it. */
export interface NamedCorrection {
  id: number;
  kind: CorrectionKind;
  wording: string;
  slug: string;
  publishedAt: Date;
}

/** One case as the figures need it. */
export interface CaseFact {
  id: number;
  reference: string;
  route: CaseRoute;
  status: CaseStatus;
  receivedAt: Date;
  acknowledgedAt: Date | null;
  dueAt: Date;
  closedAt: Date | null;
  clauses: string[];
  correctionId: number | null;
}

/** Published corrections counted by everything the tables group them by. */
export interface CorrectionGroup {
  kind: CorrectionKind;
  section: string;
  errorType: string | null;
  errorCause: string | null;
  foundBy: string | null;
  count: number;
}

/** Cases counted by outcome and route. */
export interface CaseGroup {
  status: CaseStatus;
  route: CaseRoute;
  count: number;
}

/** An upheld case, as the statement lists it. */
export interface UpheldCase {
  id: number;
  reference: string;
  receivedAt: Date;
  closedAt: Date | null;
  clauses: string[];
  route: CaseRoute;
  correctionId: number | null;
}

/**
 * Everything a statement is built from: counts by group, and the durations the medians are taken
 * of (milliseconds, one per correction or case where known; plain arrays of numbers, so a year of a
 * national newsroom's record is not tens of thousands of objects).
 */
export interface StatementFigures {
  correctionGroups: readonly CorrectionGroup[];
  /** Each correction's exposure: first public → amended, or the notice published. */
  exposures: readonly number[];
  /** From the first complaint to the correction, for the corrections a complaint led to. */
  toCorrection: readonly number[];
  caseGroups: readonly CaseGroup[];
  /** Received → closed, for the closed cases. */
  responses: readonly number[];
  /** Received → acknowledged, for the acknowledged cases. */
  acknowledgements: readonly number[];
  /** Complaints under each clause; '' counts the cases that cite none. */
  clauseCounts: readonly { clause: string; count: number }[];
  upheld: readonly UpheldCase[];
}

export interface FigureTable {
  /** Also the CSV's file name: statement-{id}.csv. */
  id: string;
  title: string;
  /** What is counted ("corrections", "cases", "complaints under a clause"). */
  counting: string;
  rows: Tally[];
  total: number;
}

export interface MedianFigure {
  id: string;
  title: string;
  /** Milliseconds, or null when nothing was measured. */
  median: number | null;
  /** How many were measured. */
  n: number;
}

export interface UpheldComplaint {
  reference: string;
  receivedAt: Date;
  closedAt: Date | null;
  clauses: string[];
  route: CaseRoute;
  /** The published correction it led to (published in the range or not), if any. */
  correction: NamedCorrection | null;
}

export interface Statement {
  from: string;
  to: string;
  section: string | null;
  corrections: number;
  cases: number;
  tables: FigureTable[];
  medians: MedianFigure[];
  upheld: UpheldComplaint[];
}

const withTotal = (t: Omit<FigureTable, 'total'>): FigureTable => ({ ...t, total: t.rows.reduce((n, r) => n + r.count, 0) });

/** Response time: from receipt to closing, for the closed cases. */
export function responseMs(c: CaseFact): number | null {
  return c.closedAt ? Math.max(0, c.closedAt.getTime() - c.receivedAt.getTime()) : null;
}

/** Exposure of one correction: first public → amended or notice published. */
export function correctionExposureMs(c: CorrectionFact): number | null {
  return exposureBetweenMs(c.exposedFrom?.getTime() ?? null, c.publishedAt.getTime(), c.amendedAt?.getTime() ?? null);
}

/** From the first complaint to the correction's publication. */
export function timeToCorrectionMs(c: CorrectionFact): number | null {
  return c.firstReportAt ? Math.max(0, c.publishedAt.getTime() - c.firstReportAt.getTime()) : null;
}

/** The figures of plain rows: what db/queries/standards.ts counts in SQL, counted here. */
export function figuresFromFacts(cs: readonly CorrectionFact[], cases: readonly CaseFact[]): StatementFigures {
  const groups = new Map<string, CorrectionGroup>();
  for (const c of cs) {
    const key = JSON.stringify([c.kind, c.section, c.errorType, c.errorCause, c.foundBy]);
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { kind: c.kind, section: c.section, errorType: c.errorType, errorCause: c.errorCause, foundBy: c.foundBy, count: 1 });
  }
  const caseGroups = new Map<string, CaseGroup>();
  const clauses = new Map<string, number>();
  for (const c of cases) {
    const key = `${c.status} ${c.route}`;
    const group = caseGroups.get(key);
    if (group) group.count += 1;
    else caseGroups.set(key, { status: c.status, route: c.route, count: 1 });
    for (const clause of c.clauses.length ? c.clauses : ['']) clauses.set(clause, (clauses.get(clause) ?? 0) + 1);
  }
  return {
    correctionGroups: [...groups.values()],
    exposures: collect(cs.map(correctionExposureMs)),
    toCorrection: collect(cs.map(timeToCorrectionMs)),
    caseGroups: [...caseGroups.values()],
    responses: collect(cases.map(responseMs)),
    acknowledgements: collect(cases.map((c) => (c.acknowledgedAt ? Math.max(0, c.acknowledgedAt.getTime() - c.receivedAt.getTime()) : null))),
    clauseCounts: [...clauses].map(([clause, count]) => ({ clause, count })),
    upheld: cases.filter((c) => c.status === 'upheld').map((c) => ({ id: c.id, reference: c.reference, receivedAt: c.receivedAt, closedAt: c.closedAt, clauses: c.clauses, route: c.route, correctionId: c.correctionId })),
  };
}

/** The corrections the upheld cases led to: what `named` must hold. */
export function upheldCorrectionIds(upheld: readonly UpheldCase[]): number[] {
  return [...new Set(upheld.flatMap((c) => (c.correctionId === null ? [] : [c.correctionId])))];
}

/** Each distinct value of a field, with the groups' counts summed. */
function sum<G extends { count: number }>(groups: readonly G[], key: (g: G) => string | null): [string | null, number][] {
  const out = new Map<string | null, number>();
  for (const g of groups) {
    const k = key(g);
    out.set(k, (out.get(k) ?? 0) + g.count);
  }
  return [...out];
}

function collect(values: Iterable<number | null>): number[] {
  const out: number[] = [];
  for (const v of values) if (v !== null) out.push(v);
  return out;
}

/**
 * The statement for a range from its figures; `named` holds the published corrections the upheld
 * cases led to (whenever those were published).
 */
export function buildStatement(input: { from: string; to: string; section: string | null; figures: StatementFigures; named: ReadonlyMap<number, NamedCorrection>; config: StandardsConfig }): Statement {
  const { figures: f, config, named } = input;
  const clauseLabel = (code: string) => (code === '' ? 'No clause given' : labelOf(config.clauses, code));
  const cg = f.correctionGroups;
  const tables: FigureTable[] = [
    withTotal({ id: 'kind', title: 'Corrections by kind', counting: 'corrections', rows: tallyCounts(sum(cg, (g) => g.kind), (k) => CORRECTION_KIND_LABELS[k as CorrectionKind] ?? k, CORRECTION_KINDS) }),
    withTotal({ id: 'section', title: 'Corrections by section', counting: 'corrections', rows: tallyCounts(sum(cg, (g) => g.section), (s) => s) }),
    withTotal({ id: 'error-type', title: 'Corrections by type of error', counting: 'corrections', rows: tallyCounts(sum(cg, (g) => g.errorType), (k) => labelOf(config.errorTypes, k), [...config.errorTypes.map((o) => o.code)]) }),
    withTotal({ id: 'cause', title: 'Corrections by cause', counting: 'corrections', rows: tallyCounts(sum(cg, (g) => g.errorCause), (k) => labelOf(config.errorCauses, k), [...config.errorCauses.map((o) => o.code)]) }),
    withTotal({ id: 'found-by', title: 'Corrections by who found the error', counting: 'corrections', rows: tallyCounts(sum(cg, (g) => g.foundBy), (k) => labelOf(config.foundBy, k), [...config.foundBy.map((o) => o.code)]) }),
    withTotal({ id: 'clause', title: 'Complaints by code clause', counting: 'complaints under a clause (a case may cite several)', rows: tallyCounts(f.clauseCounts.map((c) => [c.clause, c.count]), clauseLabel, [...config.clauses.map((o) => o.code)]) }),
    withTotal({ id: 'outcome', title: 'Cases by outcome', counting: 'cases', rows: tallyCounts(sum(f.caseGroups, (g) => g.status), (s) => CASE_STATUS_LABELS[s as CaseStatus] ?? s, CASE_STATUSES) }),
    withTotal({ id: 'route', title: 'Cases by route', counting: 'cases', rows: tallyCounts(sum(f.caseGroups, (g) => g.route), (r) => CASE_ROUTE_LABELS[r as CaseRoute] ?? r, CASE_ROUTES) }),
  ];
  // The "not recorded" rows (corrections published before the taxonomy) only when there are some.
  for (const t of tables) t.rows = t.rows.filter((r) => r.key !== '' || r.count > 0);
  const medians: MedianFigure[] = [
    { id: 'response', title: 'Median response time (received → closed)', median: median(f.responses), n: f.responses.length },
    { id: 'acknowledgement', title: 'Median time to acknowledge', median: median(f.acknowledgements), n: f.acknowledgements.length },
    { id: 'time-to-correction', title: 'Median time from first complaint to correction', median: median(f.toCorrection), n: f.toCorrection.length },
    { id: 'exposure', title: 'Median exposure (wrong words public)', median: median(f.exposures), n: f.exposures.length },
  ];
  const upheld = [...f.upheld]
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id - b.id)
    .map((c) => ({
      reference: c.reference,
      receivedAt: c.receivedAt,
      closedAt: c.closedAt,
      clauses: c.clauses,
      route: c.route,
      correction: (c.correctionId === null ? undefined : named.get(c.correctionId)) ?? null,
    }));
  const total = (groups: readonly { count: number }[]) => groups.reduce((n, g) => n + g.count, 0);
  return { from: input.from, to: input.to, section: input.section, corrections: total(cg), cases: total(f.caseGroups), tables, medians, upheld };
}

export interface WeeklySeries {
  weeks: string[];
  /** Per kind, one count per week. */
  series: { key: CorrectionKind; label: string; counts: number[] }[];
}

/** The most weeks a chart draws: about five years. */
export const MAX_WEEKS = 270;

/** Corrections per week (weeks starting Monday) by kind, from counts by week (its Monday) and kind. */
export function weeklySeries(from: string, to: string, counts: Iterable<{ week: string; kind: CorrectionKind; count: number }>, maxWeeks = MAX_WEEKS): WeeklySeries {
  const weeks = weeksBetween(from, to, maxWeeks);
  const index = new Map(weeks.map((w, i) => [w, i]));
  const series = CORRECTION_KINDS.map((key) => ({ key, label: CORRECTION_KIND_LABELS[key], counts: weeks.map(() => 0) }));
  for (const c of counts) {
    const i = index.get(c.week);
    const k = CORRECTION_KINDS.indexOf(c.kind);
    if (i === undefined || k < 0) continue;
    series[k].counts[i] += c.count;
  }
  return { weeks, series };
}

/** The same from plain rows, by the day each was published. */
export function weeklyByKind(cs: readonly CorrectionFact[], from: string, to: string, maxWeeks = MAX_WEEKS): WeeklySeries {
  return weeklySeries(
    from,
    to,
    cs.map((c) => ({ week: weekOf(c.publishedDay), kind: c.kind, count: 1 })),
    maxWeeks,
  );
}

/**
 * The instants each week of the range runs between in the newsroom's zone (its Monday's start to
 * the next's, cut to the range), so the weekly counts can be made by the database.
 */
export function weekBounds(from: string, to: string, dayStart: (isoDay: string) => Date, maxWeeks = MAX_WEEKS): { week: string; start: Date; end: Date }[] {
  const weeks = weeksBetween(from, to, maxWeeks);
  const rangeStart = dayStart(from).getTime();
  const next = new Date(Date.parse(`${to}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const rangeEnd = dayStart(next).getTime();
  return weeks.map((week) => {
    const following = new Date(Date.parse(`${week}T12:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    return { week, start: new Date(Math.max(rangeStart, dayStart(week).getTime())), end: new Date(Math.min(rangeEnd, dayStart(following).getTime())) };
  });
}

/** Per author (the article's byline): corrections, with their median exposure. Standards only. */
export function byAuthor(cs: readonly CorrectionFact[]): { byline: string; count: number; medianExposure: number | null }[] {
  const groups = new Map<string, CorrectionFact[]>();
  for (const c of cs) {
    const rows = groups.get(c.byline);
    if (rows) rows.push(c);
    else groups.set(c.byline, [c]);
  }
  return [...groups.entries()]
    .map(([byline, rows]) => ({ byline, count: rows.length, medianExposure: median(collect(rows.map(correctionExposureMs))) }))
    .sort((a, b) => b.count - a.count || a.byline.localeCompare(b.byline));
}

/**
 * Counts corrections into the weeks of a range by kind, from the instants they were published
 * (binary search over the weeks' starts in the newsroom's zone): for a stream of rows.
 */
export class WeekCounter {
  private readonly bounds: { week: string; start: Date; end: Date }[];
  private readonly starts: number[];
  private readonly last: number;
  private readonly counts: number[][];

  constructor(
    private readonly from: string,
    private readonly to: string,
    dayStart: (isoDay: string) => Date,
    private readonly maxWeeks = MAX_WEEKS,
  ) {
    this.bounds = weekBounds(from, to, dayStart, maxWeeks);
    this.starts = this.bounds.map((b) => b.start.getTime());
    this.last = this.bounds.length ? this.bounds[this.bounds.length - 1].end.getTime() : -Infinity;
    this.counts = CORRECTION_KINDS.map(() => this.bounds.map(() => 0));
  }

  add(kind: CorrectionKind, publishedMs: number): void {
    const k = CORRECTION_KINDS.indexOf(kind);
    if (k < 0 || !(publishedMs >= this.starts[0] && publishedMs < this.last)) return;
    this.counts[k][lastAtOrBefore(this.starts, publishedMs)] += 1;
  }

  series(): WeeklySeries {
    const counted = this.counts.flatMap((perWeek, k) => perWeek.map((count, i) => ({ week: this.bounds[i].week, kind: CORRECTION_KINDS[k], count })));
    return weeklySeries(this.from, this.to, counted, this.maxWeeks);
  }
}
