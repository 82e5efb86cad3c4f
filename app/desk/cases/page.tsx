import Link from 'next/link';
import { hasPermission, requireDeskPage } from '@/app/(auth)/access';
import { deskNow } from '@/app/(auth)/clock';
import { CaseStatusBadge, ClockBadge } from '@/components/cases/case-badges';
import { FilterSelect } from '@/components/desk/filter-select';
import { Pager } from '@/components/desk/pager';
import { caseOwners, getStandardsConfig, listCases } from '@/db/queries/cases';
import { getSettings } from '@/db/queries/settings';
import { parseCaseList, type RawParams } from '@/lib/desk/list-params';
import { shortSummary } from '@/lib/standards/case-form';
import { CASE_ROUTE_LABELS, CASE_ROUTES, CASE_STATUS_LABELS, CASE_STATUSES } from '@/lib/standards/config';
import { formatDateTime } from '@/lib/wording';

export const metadata = { title: 'Cases' };

// What a complainant wrote is shown as text (React escapes it); their contact is only on the case's own page.
export default async function CasesPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requireDeskPage('case.view', '/desk/cases');
  const { flat, filter } = parseCaseList(await searchParams, user.id);
  const now = await deskNow();
  const config = await getStandardsConfig();
  const page = await listCases(filter, now, config);
  const owners = await caseOwners();
  const settings = await getSettings();
  const filtered = Boolean(flat.status || flat.clock || flat.owner || flat.route);
  return (
    <section>
      <h1>Cases</h1>
      <p className="meta">
        Every complaint: reader reports open one by themselves
        {hasPermission(user, 'case.log') ? (
          <>
            ; <Link href="/desk/cases/new">log one</Link> that came by email, phone, letter or from a regulator
          </>
        ) : null}
        .
      </p>
      <form method="get" action="/desk/cases" className="filters">
        <FilterSelect id="status" name="status" label="Status" value={flat.status} options={CASE_STATUSES} labels={CASE_STATUS_LABELS} />
        <FilterSelect id="clock" name="clock" label="Clock" value={flat.clock} options={['overdue', 'due_soon']} labels={{ overdue: 'Overdue', due_soon: `Due within ${config.dueSoonDays} days` }} />
        <label htmlFor="owner">Owner</label>
        <select id="owner" name="owner" defaultValue={flat.owner ?? ''}>
          <option value="">Anyone</option>
          <option value="mine">Mine</option>
          {owners.map((o) => (
            <option key={o.id} value={String(o.id)}>
              {o.name}
            </option>
          ))}
        </select>
        <FilterSelect id="route" name="route" label="Route" value={flat.route} options={CASE_ROUTES} labels={CASE_ROUTE_LABELS} />
        <p>
          <button type="submit">Show</button>
        </p>
      </form>
      {page.rows.length === 0 ? <p>No cases{filtered ? ' match' : ' yet'}.</p> : null}
      {page.rows.length ? (
        /* On a phone the table scrolls inside itself; focusable, so a keyboard can scroll it too. */
        <table tabIndex={0} className="case-list">
          <caption>Cases, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Summary</th>
              <th scope="col">Articles</th>
              <th scope="col">Route</th>
              <th scope="col">Owner</th>
              <th scope="col">Received</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map(({ case: c, owner, slugs }) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/desk/cases/${c.id}`}>{c.reference}</Link>
                </td>
                <td>{shortSummary(c.summary, 90)}</td>
                <td>{slugs.join(', ')}</td>
                <td>{CASE_ROUTE_LABELS[c.route]}</td>
                <td>{owner ?? 'Nobody yet'}</td>
                <td>{formatDateTime(c.receivedAt, settings)}</td>
                <td>
                  {c.status === 'open' ? (
                    <>
                      {formatDateTime(c.dueAt, settings)} <ClockBadge status={c.status} dueAt={c.dueAt} now={now} config={config} />
                    </>
                  ) : c.closedAt ? (
                    `Closed ${formatDateTime(c.closedAt, settings)}`
                  ) : (
                    'Closed'
                  )}
                </td>
                <td>
                  <CaseStatusBadge status={c.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pager path="/desk/cases" filters={flat} next={page.next} prev={page.prev} label="Cases" />
    </section>
  );
}
