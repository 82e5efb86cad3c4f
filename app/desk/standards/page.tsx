// The standards dashboard: corrections and cases over a range (the last 12 weeks by default), drawn
// on the server as SVG with a table for each chart, from the same queries as the annual statement.
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { hasPermission, requireDeskPage } from '@/app/(auth)/access';
import { deskNow } from '@/app/(auth)/clock';
import { AlertsList, AuthorTable, Headlines, medianHeadline } from '@/components/standards/dashboard-parts';
import { HorizontalBars } from '@/components/standards/horizontal-bars';
import { RangeForm } from '@/components/standards/range-form';
import { StackedBars } from '@/components/standards/stacked-bars';
import { getStandardsConfig } from '@/db/queries/cases';
import { getSettings } from '@/db/queries/settings';
import { correctionSections, loadStatement, openCaseCounts, standardsAlerts, viewAuthorFigures } from '@/db/queries/standards';
import { flatParams, type RawParams } from '@/lib/desk/list-params';
import { plural } from '@/lib/standards/charts';
import { DASHBOARD_DAYS, parseStandardsRange, rangeQuery } from '@/lib/standards/range';
import type { FigureTable } from '@/lib/standards/statement';
import { formatCalendarDay, isoDateInZone } from '@/lib/wording';
import './standards.css';

export const metadata = { title: 'Standards' };

const CORRECTIONS = { one: 'correction', many: 'corrections' };
const CASES = { one: 'case', many: 'cases' };

export default async function StandardsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requireDeskPage('standards.view', '/desk/standards');
  const flat = flatParams(await searchParams);
  const wantAuthors = flat.authors === '1';
  if (wantAuthors && !hasPermission(user, 'standards.authors')) forbidden();
  const settings = await getSettings();
  const config = await getStandardsConfig();
  const now = await deskNow();
  const today = isoDateInZone(now, settings.timeZone);
  const parsed = parseStandardsRange(flat, { today, defaultDays: DASHBOARD_DAYS });
  const sections = await correctionSections();
  const typed = { from: flat.from ?? '', to: flat.to ?? '', section: flat.section ?? '' };
  if (!parsed.ok) {
    return (
      <section>
        <h1>Standards</h1>
        <RangeForm action="/desk/standards" values={typed} sections={sections} error={parsed} />
        <p>
          <Link href="/desk/standards">The last 12 weeks</Link>
        </p>
      </section>
    );
  }
  const { range } = parsed;
  const { statement, weekly } = await loadStatement(range, settings.timeZone, config);
  const counts = await openCaseCounts(now, range.section);
  const alerts = await standardsAlerts(now, config);
  const authors = wantAuthors ? (await viewAuthorFigures({ actorId: user.id, range, timeZone: settings.timeZone })) : null;
  const table = (id: string) => statement.tables.find((t) => t.id === id) as FigureTable;
  const median = (id: string) => statement.medians.find((m) => m.id === id);
  const query = rangeQuery(range);
  const period = `${formatCalendarDay(range.from, settings)} to ${formatCalendarDay(range.to, settings)}`;
  const bars = (id: string, noun: typeof CORRECTIONS, by: string, group: string) => {
    const t = table(id);
    return <HorizontalBars id={`chart-${id}`} title={t.title} rows={t.rows} total={t.total} noun={noun} by={by} group={group} />;
  };
  return (
    <section>
      <h1>Standards</h1>
      <p className="meta">
        {period}
        {parsed.defaulted ? ' (the last 12 weeks)' : ''}, {range.section ? `the ${range.section} section` : 'all sections'}: corrections by the day they were published, cases by the day they were received ({settings.timeZone}).
      </p>
      <RangeForm action="/desk/standards" values={{ ...range, section: range.section ?? '' }} sections={sections} />
      <ul className="standards-links">
        <li>
          <Link href={`/desk/standards/statement?${query}`} prefetch={false}>
            The statement for this range
          </Link>
        </li>
        <li>
          <a href={`/desk/standards/statement.csv?${query}`}>The statement as CSV</a>
        </li>
        {hasPermission(user, 'settings.edit') ? (
          <li>
            <Link href="/desk/standards/settings">Standards settings</Link>
          </li>
        ) : null}
      </ul>

      <h2>Alerts</h2>
      <AlertsList alerts={alerts} rule={config} showAuthors={authors !== null} authorsHref={hasPermission(user, 'standards.authors') ? `/desk/standards?${rangeQuery(range, { authors: '1' })}` : null} />

      <h2>At a glance</h2>
      <Headlines
        items={[
          { label: 'Corrections published', value: statement.corrections },
          { label: 'Cases received', value: statement.cases },
          { label: 'Cases open now', value: counts.open, href: '/desk/cases' },
          { label: 'Cases overdue now', value: counts.overdue, href: '/desk/cases' },
          medianHeadline(median('time-to-correction'), 'Median time from complaint to correction'),
          medianHeadline(median('exposure'), 'Median exposure (wrong words public)'),
          medianHeadline(median('response'), 'Median response time (received to closed)'),
          medianHeadline(median('acknowledgement'), 'Median time to acknowledge'),
        ]}
      />

      <h2>Corrections</h2>
      <StackedBars id="chart-weekly" title="Corrections per week, by kind" weekly={weekly} locale={settings.locale} />
      <div className="standards-charts">
        {bars('section', CORRECTIONS, 'by section', 'Section')}
        {bars('error-type', CORRECTIONS, 'by type of error', 'Type of error')}
        {bars('cause', CORRECTIONS, 'by cause', 'Cause')}
        {bars('found-by', CORRECTIONS, 'by who found the error', 'Found by')}
      </div>

      <h2>Cases</h2>
      <div className="standards-charts">
        {bars('route', CASES, 'by route', 'Route')}
        {bars('outcome', CASES, 'by outcome', 'Outcome')}
        {bars('clause', { one: 'complaint under a clause', many: 'complaints under a clause' }, 'by clause', 'Clause')}
      </div>

      <h2>Per author</h2>
      {authors ? (
        <>
          <p className="meta">
            {plural(authors.length, { one: 'author', many: 'authors' })} with corrections in this range. Your viewing of these figures is kept in the audit trail.
          </p>
          <AuthorTable rows={authors} />
          <p>
            <Link href={`/desk/standards?${query}`}>Hide per-author figures</Link>
          </p>
        </>
      ) : hasPermission(user, 'standards.authors') ? (
        <p>
          {/* Never prefetched: following the link is what the audit trail records. */}
          <Link href={`/desk/standards?${rangeQuery(range, { authors: '1' })}`} prefetch={false}>
            Show per-author figures
          </Link>{' '}
          <span className="meta">(each showing is kept in the audit trail)</span>
        </p>
      ) : (
        <p className="meta">Per-author figures are for standards editors and admins.</p>
      )}
    </section>
  );
}
