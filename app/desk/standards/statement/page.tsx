// The annual statement for any range (the last 365 days by default): every count, the medians and
// the upheld complaints, printable, each table also as CSV; from the dashboard's own queries.
import Link from 'next/link';
import { requireDeskPage } from '@/app/(auth)/access';
import { deskNow } from '@/app/(auth)/clock';
import { RangeForm } from '@/components/standards/range-form';
import { FigureTableView, MediansTable, tableId, UpheldTable } from '@/components/standards/statement-tables';
import { getStandardsConfig } from '@/db/queries/cases';
import { getSettings } from '@/db/queries/settings';
import { correctionSections, loadStatement } from '@/db/queries/standards';
import { flatParams, type RawParams } from '@/lib/desk/list-params';
import { statementTableIds } from '@/lib/standards/csv';
import { parseStandardsRange, rangeQuery, STATEMENT_DAYS } from '@/lib/standards/range';
import { formatCalendarDay, formatDateTime, isoDateInZone } from '@/lib/wording';
import '../standards.css';

export const metadata = { title: 'Standards statement' };

const TABLE_NAMES: Record<string, string> = { medians: 'Medians', upheld: 'Upheld complaints' };

export default async function StatementPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requireDeskPage('standards.view', '/desk/standards/statement');
  const flat = flatParams(await searchParams);
  const settings = await getSettings();
  const config = await getStandardsConfig();
  const now = await deskNow();
  const parsed = parseStandardsRange(flat, { today: isoDateInZone(now, settings.timeZone), defaultDays: STATEMENT_DAYS });
  const sections = await correctionSections();
  if (!parsed.ok) {
    return (
      <section className="statement">
        <h1>Standards statement</h1>
        <p className="form-error" role="alert">
          No statement: {parsed.message}
        </p>
        <RangeForm action="/desk/standards/statement" values={{ from: flat.from ?? '', to: flat.to ?? '', section: flat.section ?? '' }} sections={sections} submitLabel="Show the statement" />
        <p>
          <Link href="/desk/standards/statement">The statement for the last 365 days</Link>
        </p>
      </section>
    );
  }
  const { range } = parsed;
  const { statement } = await loadStatement(range, settings.timeZone, config);
  const query = rangeQuery(range);
  const csv = (table?: string) => `/desk/standards/statement.csv?${table ? rangeQuery(range, { table }) : query}`;
  return (
    <section className="statement">
      <h1>Standards statement</h1>
      <p>
        <strong>
          {formatCalendarDay(range.from, settings)} to {formatCalendarDay(range.to, settings)}
        </strong>
        {parsed.defaulted ? ' — the last 365 days, as no range was given' : ''}; {range.section ? `the ${range.section} section` : 'all sections'}.
      </p>
      <p className="meta">
        Corrections are counted by the day they were published (withdrawn ones are not counted), cases by the day they were received, in the newsroom’s time zone ({settings.timeZone}). Generated{' '}
        {formatDateTime(now, settings)} from the same queries as the standards dashboard.
      </p>
      <RangeForm action="/desk/standards/statement" values={{ ...range, section: range.section ?? '' }} sections={sections} submitLabel="Show the statement" />
      <nav className="no-print" aria-label="Downloads">
        <ul className="standards-links">
          <li>
            <a href={csv()}>The whole statement as CSV</a>
          </li>
          {statementTableIds(statement).map((id) => (
            <li key={id}>
              <a href={csv(id)}>{TABLE_NAMES[id] ?? statement.tables.find((t) => t.id === id)?.title ?? id} (CSV)</a>
            </li>
          ))}
          <li>
            <Link href={`/desk/standards?${query}`}>The dashboard for this range</Link>
          </li>
        </ul>
      </nav>

      <table id={tableId('totals')} className="figure-table">
        <caption>Totals</caption>
        <tbody>
          <tr>
            <th scope="row">Corrections published</th>
            <td className="num">{statement.corrections}</td>
          </tr>
          <tr>
            <th scope="row">Cases received</th>
            <td className="num">{statement.cases}</td>
          </tr>
          <tr>
            <th scope="row">Complaints upheld</th>
            <td className="num">{statement.upheld.length}</td>
          </tr>
        </tbody>
      </table>

      <div className="statement-tables">
        {statement.tables.map((t) => (
          <div key={t.id}>
            <FigureTableView table={t} />
          </div>
        ))}
      </div>
      <MediansTable medians={statement.medians} />
      <UpheldTable upheld={statement.upheld} clauses={config.clauses} settings={settings} />
    </section>
  );
}
