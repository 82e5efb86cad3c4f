// The annual statement's tables: each tally, the medians and the upheld complaints, every one with
// an id (table-{id}, the same id as its CSV) and a caption, the numbers alone in their cells.
import Link from 'next/link';
import { formatDuration } from '@/lib/standards/clock';
import { CASE_ROUTE_LABELS, labelOf, type Option } from '@/lib/standards/config';
import type { FigureTable, MedianFigure, UpheldComplaint } from '@/lib/standards/statement';
import { CORRECTION_KIND_LABELS, type NewsroomSettings } from '@/lib/types';
import { formatShortDate } from '@/lib/wording';
import { TallyTable } from './horizontal-bars';

/** The heading of each tally's first column. */
export const GROUP_HEADINGS: Record<string, string> = {
  kind: 'Kind',
  section: 'Section',
  'error-type': 'Type of error',
  cause: 'Cause',
  'found-by': 'Found by',
  clause: 'Clause',
  outcome: 'Outcome',
  route: 'Route',
};

export const tableId = (id: string) => `table-${id}`;

export function FigureTableView({ table }: { table: FigureTable }) {
  const counting = table.counting.startsWith('cases') ? 'cases' : table.counting.startsWith('complaints') ? 'complaints' : 'corrections';
  return (
    <>
      <TallyTable id={tableId(table.id)} title={table.title} rows={table.rows} total={table.total} group={GROUP_HEADINGS[table.id] ?? 'Group'} counting={counting} />
      {table.id === 'clause' ? <p className="meta">A case may cite several clauses, so this counts complaints under a clause, not cases.</p> : null}
    </>
  );
}

export function MediansTable({ medians }: { medians: readonly MedianFigure[] }) {
  return (
    <table id={tableId('medians')} className="figure-table">
      <caption>Medians</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Median</th>
          <th scope="col" className="num">
            Measured (n)
          </th>
        </tr>
      </thead>
      <tbody>
        {medians.map((m) => (
          <tr key={m.id} id={`median-${m.id}`}>
            <th scope="row">{m.title}</th>
            <td data-ms={m.median ?? ''}>{m.median === null ? 'None measured' : formatDuration(m.median)}</td>
            <td className="num">{m.n}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UpheldTable({ upheld, clauses, settings }: { upheld: readonly UpheldComplaint[]; clauses: readonly Option[]; settings: Pick<NewsroomSettings, 'timeZone' | 'locale'> }) {
  return (
    <table id={tableId('upheld')} className="figure-table upheld" tabIndex={0}>
      <caption>Upheld complaints and the corrections that followed</caption>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Received</th>
          <th scope="col">Closed</th>
          <th scope="col">Route</th>
          <th scope="col">Clauses</th>
          <th scope="col">Correction</th>
        </tr>
      </thead>
      <tbody>
        {upheld.length === 0 ? (
          <tr>
            <td colSpan={6}>No complaint was upheld in this range.</td>
          </tr>
        ) : (
          upheld.map((u) => (
            <tr key={u.reference}>
              <th scope="row">{u.reference}</th>
              <td>{formatShortDate(u.receivedAt, settings)}</td>
              <td>{u.closedAt ? formatShortDate(u.closedAt, settings) : '—'}</td>
              <td>{CASE_ROUTE_LABELS[u.route]}</td>
              <td>{u.clauses.length ? u.clauses.map((c) => labelOf(clauses, c)).join('; ') : 'None given'}</td>
              <td>
                {u.correction ? (
                  <>
                    <Link href={`/desk/corrections/${u.correction.id}`} prefetch={false}>
                      {CORRECTION_KIND_LABELS[u.correction.kind]} {u.correction.id}
                    </Link>
                    , {formatShortDate(u.correction.publishedAt, settings)}: {u.correction.wording}{' '}
                    <span className="meta">
                      (<Link href={`/articles/${u.correction.slug}`} prefetch={false}>
                        the article
                      </Link>
                      )
                    </span>
                  </>
                ) : (
                  'No correction'
                )}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
