// The annual statement's figures worked out in SQL written for the tests, independently of the
// app's queries (db/queries/standards.ts) and arithmetic (lib/standards/statement.ts): the
// statement spec checks the page and the CSVs against it, db/queries/standards.test.ts the
// statement object itself. Labels are the ones the statement prints.
import type Database from 'better-sqlite3';
import { DEFAULT_STANDARDS, labelOf } from '../../lib/standards/config';
import { CORRECTION_KIND_LABELS } from '../../lib/types';
import { STATEMENT_INSTANTS as R } from './statement-fixture';

export type Counts = Map<string, number>;
const counts = (rows: { k: string | null; n: number }[], label: (k: string) => string): Counts => new Map(rows.filter((r) => r.n > 0).map((r) => [label(r.k ?? ''), r.n]));

/** The independent figures, by the statement's table ids, each a map of label → count. */
export function expectedStatement(sql: Database.Database, section: string | null) {
  const s = R.start;
  const e = R.end;
  const inSection = section ? 'and a.section = @section' : '';
  const caseInSection = section ? 'and exists (select 1 from case_articles ca join articles a on a.id = ca.article_id where ca.case_id = c.id and a.section = @section)' : '';
  const p = { s, e, section };
  const corr = (column: string) =>
    sql.prepare(`select ${column} k, count(*) n from corrections c join articles a on a.id = c.article_id where c.status = 'published' and c.published_at >= @s and c.published_at < @e ${inSection} group by 1`).all(p) as { k: string | null; n: number }[];
  const cases = (column: string) => sql.prepare(`select ${column} k, count(*) n from cases c where c.received_at >= @s and c.received_at < @e ${caseInSection} group by 1`).all(p) as { k: string | null; n: number }[];
  const clauses = sql
    .prepare(
      `select coalesce(cc.clause, '') k, count(*) n from cases c left join case_clauses cc on cc.case_id = c.id where c.received_at >= @s and c.received_at < @e ${caseInSection} group by 1`,
    )
    .all(p) as { k: string; n: number }[];
  const notRecorded = (list: { code: string; label: string }[]) => (k: string) => (k === '' ? 'Not recorded' : labelOf(list, k));
  const outcome: Record<string, string> = { open: 'Open', resolved: 'Resolved', upheld: 'Upheld', not_upheld: 'Not upheld', mediated: 'Mediated', withdrawn: 'Withdrawn by the complainant' };
  const route: Record<string, string> = { direct: 'Direct to the newsroom', ipso: 'Referred by IPSO', impress: 'Referred by IMPRESS', other: 'Other' };
  const tables: Record<string, Counts> = {
    kind: counts(corr('c.kind'), (k) => CORRECTION_KIND_LABELS[k as keyof typeof CORRECTION_KIND_LABELS]),
    section: counts(corr('a.section'), (k) => k),
    'error-type': counts(corr("coalesce(c.error_type, '')"), notRecorded(DEFAULT_STANDARDS.errorTypes)),
    cause: counts(corr("coalesce(c.error_cause, '')"), notRecorded(DEFAULT_STANDARDS.errorCauses)),
    'found-by': counts(corr("coalesce(c.found_by, '')"), notRecorded(DEFAULT_STANDARDS.foundBy)),
    clause: counts(clauses, (k) => (k === '' ? 'No clause given' : labelOf(DEFAULT_STANDARDS.clauses, k))),
    outcome: counts(cases('c.status'), (k) => outcome[k]),
    route: counts(cases('c.route'), (k) => route[k]),
  };
  // Medians in SQL: the middle row (or the mean of the middle two) of the sorted values.
  const median = (values: string) =>
    (sql.prepare(`with v as (${values}), o as (select d, row_number() over (order by d) rn, count(*) over () c from v) select avg(d) m, max(c) n from o where rn in ((c + 1) / 2, (c + 2) / 2)`).get(p) as { m: number | null; n: number | null });
  const caseWhere = `c.received_at >= @s and c.received_at < @e ${caseInSection}`;
  const corrWhere = `c.status = 'published' and c.published_at >= @s and c.published_at < @e ${inSection}`;
  const medians = {
    response: median(`select c.closed_at - c.received_at d from cases c where ${caseWhere} and c.closed_at is not null`),
    acknowledgement: median(`select max(0, c.acknowledged_at - c.received_at) d from cases c where ${caseWhere} and c.acknowledged_at is not null`),
    'time-to-correction': median(
      `select max(0, c.published_at - f.first) d from corrections c join articles a on a.id = c.article_id join (select correction_id, min(received_at) first from cases where correction_id is not null group by correction_id) f on f.correction_id = c.id where ${corrWhere}`,
    ),
    exposure: median(
      `select max(0, min(c.published_at, coalesce(v.saved_at, c.published_at)) - c.exposed_from) d from corrections c join articles a on a.id = c.article_id left join versions v on v.id = c.amended_version_id where ${corrWhere} and c.exposed_from is not null`,
    ),
  };
  const upheld = sql
    .prepare(`select c.reference, c.correction_id from cases c where ${caseWhere} and c.status = 'upheld' order by c.received_at, c.id`)
    .all(p) as { reference: string; correction_id: number | null }[];
  const totals = {
    corrections: (sql.prepare(`select count(*) n from corrections c join articles a on a.id = c.article_id where ${corrWhere}`).get(p) as { n: number }).n,
    cases: (sql.prepare(`select count(*) n from cases c where ${caseWhere}`).get(p) as { n: number }).n,
  };
  return { tables, medians, upheld, totals };
}

