// The statement as CSV (csv-stringify does the quoting): every table in one file, or one table.
// A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR at its start) is prefixed with
// an apostrophe (OWASP "CSV injection"): article wording and case summaries come from outside.
import { stringify } from 'csv-stringify/sync';
import type { Statement } from './statement';

export function safeCell(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const durationHours = (ms: number | null) => (ms === null ? '' : (ms / 3_600_000).toFixed(2));

/** All of the statement: one row per figure, headed table, label, count (medians in hours; the upheld list last). */
export function statementCsv(statement: Statement): string {
  const rows: (string | number)[][] = [['table', 'label', 'count']];
  rows.push(['period', `${statement.from} to ${statement.to}`, '']);
  // Not "section": that is the id of the by-section table, whose rows follow.
  if (statement.section) rows.push(['section-filter', statement.section, '']);
  rows.push(['totals', 'Corrections published', statement.corrections], ['totals', 'Cases received', statement.cases]);
  for (const t of statement.tables) for (const r of t.rows) rows.push([t.id, r.label, r.count]);
  for (const m of statement.medians) rows.push([`median-${m.id}`, `${m.title} (hours; ${m.n} measured)`, durationHours(m.median)]);
  for (const u of statement.upheld) rows.push(['upheld', `${u.reference}${u.correction ? ` → correction ${u.correction.id}: ${u.correction.wording}` : ' (no correction)'}`, 1]);
  return stringify(rows.map((r) => r.map((c) => safeCell(c))));
}

/** One table of the statement (its id as in statement.tables, or "medians" or "upheld"). Null when there is no such table. */
export function statementTableCsv(statement: Statement, id: string): string | null {
  if (id === 'medians') return stringify([['figure', 'median_hours', 'measured'], ...statement.medians.map((m) => [m.title, durationHours(m.median), m.n])].map((r) => r.map(safeCell)));
  if (id === 'upheld') {
    return stringify(
      [
        ['case', 'received', 'closed', 'route', 'clauses', 'correction', 'kind', 'article', 'wording'],
        ...statement.upheld.map((u) => [u.reference, u.receivedAt.toISOString(), u.closedAt?.toISOString() ?? '', u.route, u.clauses.join(' '), u.correction?.id ?? '', u.correction?.kind ?? '', u.correction?.slug ?? '', u.correction?.wording ?? '']),
      ].map((r) => r.map(safeCell)),
    );
  }
  const table = statement.tables.find((t) => t.id === id);
  if (!table) return null;
  return stringify([['label', 'count'], ...table.rows.map((r) => [r.label, r.count]), ['Total', table.total]].map((r) => r.map(safeCell)));
}

/** The ids a per-table CSV may be asked for. */
export function statementTableIds(statement: Statement): string[] {
  return [...statement.tables.map((t) => t.id), 'medians', 'upheld'];
}
