// The standards figures, worked out from plain facts (db/queries/standards.ts reads them): the
// dashboard and the annual statement are both built here, from the same rows, so the printable
// page, its CSV and the dashboard's charts can never disagree.
import { CORRECTION_KIND_LABELS, CORRECTION_KINDS, type CorrectionKind } from '../types';
import { type CaseRoute, type CaseStatus, CASE_ROUTE_LABELS, CASE_ROUTES, CASE_STATUS_LABELS, CASE_STATUSES, labelOf, type StandardsConfig } from './config';
import { exposedUntil, exposureMs } from './exposure';
import { median, type Tally, tally, weekOf, weeksBetween } from './stats';

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
  slug: string;
  wording: string;
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
  summary: string;
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
  correction: { id: number; kind: CorrectionKind; wording: string; slug: string; publishedAt: Date } | null;
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
  return exposureMs(c.exposedFrom, exposedUntil(c.publishedAt, c.amendedAt));
}

/** From the first complaint to the correction's publication. */
export function timeToCorrectionMs(c: CorrectionFact): number | null {
  return c.firstReportAt ? Math.max(0, c.publishedAt.getTime() - c.firstReportAt.getTime()) : null;
}

const present = (values: (number | null)[]): number[] => values.filter((v): v is number => v !== null);

export function buildStatement(input: { from: string; to: string; section: string | null; corrections: readonly CorrectionFact[]; cases: readonly CaseFact[]; config: StandardsConfig }): Statement {
  const { corrections: cs, cases, config } = input;
  const clauseLabel = (code: string) => (code === '' ? 'No clause given' : labelOf(config.clauses, code));
  const tables: FigureTable[] = [
    withTotal({ id: 'kind', title: 'Corrections by kind', counting: 'corrections', rows: tally(cs.map((c) => c.kind), (k) => CORRECTION_KIND_LABELS[k as CorrectionKind] ?? k, CORRECTION_KINDS) }),
    withTotal({ id: 'section', title: 'Corrections by section', counting: 'corrections', rows: tally(cs.map((c) => c.section), (s) => s) }),
    withTotal({ id: 'error-type', title: 'Corrections by type of error', counting: 'corrections', rows: tally(cs.map((c) => c.errorType), (k) => labelOf(config.errorTypes, k), [...config.errorTypes.map((o) => o.code)]) }),
    withTotal({ id: 'cause', title: 'Corrections by cause', counting: 'corrections', rows: tally(cs.map((c) => c.errorCause), (k) => labelOf(config.errorCauses, k), [...config.errorCauses.map((o) => o.code)]) }),
    withTotal({ id: 'found-by', title: 'Corrections by who found the error', counting: 'corrections', rows: tally(cs.map((c) => c.foundBy), (k) => labelOf(config.foundBy, k), [...config.foundBy.map((o) => o.code)]) }),
    withTotal({ id: 'clause', title: 'Complaints by code clause', counting: 'complaints under a clause (a case may cite several)', rows: tally(cases.flatMap((c) => (c.clauses.length ? c.clauses : [''])), clauseLabel, [...config.clauses.map((o) => o.code)]) }),
    withTotal({ id: 'outcome', title: 'Cases by outcome', counting: 'cases', rows: tally(cases.map((c) => c.status), (s) => CASE_STATUS_LABELS[s as CaseStatus] ?? s, CASE_STATUSES) }),
    withTotal({ id: 'route', title: 'Cases by route', counting: 'cases', rows: tally(cases.map((c) => c.route), (r) => CASE_ROUTE_LABELS[r as CaseRoute] ?? r, CASE_ROUTES) }),
  ];
  // The "not recorded" rows (corrections published before the taxonomy) only when there are some.
  for (const t of tables) t.rows = t.rows.filter((r) => r.key !== '' || r.count > 0);
  const responses = present(cases.map(responseMs));
  const exposures = present(cs.map(correctionExposureMs));
  const toCorrection = present(cs.map(timeToCorrectionMs));
  const acknowledged = present(cases.map((c) => (c.acknowledgedAt ? Math.max(0, c.acknowledgedAt.getTime() - c.receivedAt.getTime()) : null)));
  const medians: MedianFigure[] = [
    { id: 'response', title: 'Median response time (received → closed)', median: median(responses), n: responses.length },
    { id: 'acknowledgement', title: 'Median time to acknowledge', median: median(acknowledged), n: acknowledged.length },
    { id: 'time-to-correction', title: 'Median time from first complaint to correction', median: median(toCorrection), n: toCorrection.length },
    { id: 'exposure', title: 'Median exposure (wrong words public)', median: median(exposures), n: exposures.length },
  ];
  const byId = new Map(cs.map((c) => [c.id, c]));
  const upheld = cases
    .filter((c) => c.status === 'upheld')
    .sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id - b.id)
    .map((c) => {
      const fact = c.correctionId === null ? undefined : byId.get(c.correctionId);
      return {
        reference: c.reference,
        receivedAt: c.receivedAt,
        closedAt: c.closedAt,
        clauses: c.clauses,
        route: c.route,
        correction: fact ? { id: fact.id, kind: fact.kind, wording: fact.wording, slug: fact.slug, publishedAt: fact.publishedAt } : null,
      };
    });
  return { from: input.from, to: input.to, section: input.section, corrections: cs.length, cases: cases.length, tables, medians, upheld };
}

export interface WeeklySeries {
  weeks: string[];
  /** Per kind, one count per week. */
  series: { key: CorrectionKind; label: string; counts: number[] }[];
}

/** Corrections per week (weeks starting Monday) by kind, over the range (up to about five years of weeks). */
export function weeklyByKind(cs: readonly CorrectionFact[], from: string, to: string, maxWeeks = 270): WeeklySeries {
  const weeks = weeksBetween(from, to, maxWeeks);
  const index = new Map(weeks.map((w, i) => [w, i]));
  const series = CORRECTION_KINDS.map((key) => ({ key, label: CORRECTION_KIND_LABELS[key], counts: weeks.map(() => 0) }));
  for (const c of cs) {
    const i = index.get(weekOf(c.publishedDay));
    if (i === undefined) continue;
    series[CORRECTION_KINDS.indexOf(c.kind)].counts[i] += 1;
  }
  return { weeks, series };
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
    .map(([byline, rows]) => ({ byline, count: rows.length, medianExposure: median(present(rows.map(correctionExposureMs))) }))
    .sort((a, b) => b.count - a.count || a.byline.localeCompare(b.byline));
}
