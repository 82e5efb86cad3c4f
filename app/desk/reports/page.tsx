import Link from 'next/link';
import { requireDeskPage } from '@/app/(auth)/access';
import { ActionForm } from '@/components/desk/action-form';
import { QuoteInContext } from '@/components/desk/quote-in-context';
import { Pager } from '@/components/desk/pager';
import { listReports } from '@/db/queries/reports';
import { parseReportList, type RawParams } from '@/lib/desk/list-params';
import { getSettings } from '@/db/queries/settings';
import { formatDateTime } from '@/lib/wording';
import { acceptReportAction, declineReportAction } from './actions';
import { FilterSelect } from '@/components/desk/filter-select';

export const metadata = { title: 'Reader reports' };

// Everything a reader wrote is shown as text: React escapes it; nothing here renders HTML from a report.
export default async function ReportsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requireDeskPage('report.triage', '/desk/reports');
  const { flat, filter } = parseReportList(await searchParams);
  const page = await listReports(filter);
  const rows = page.rows;
  const settings = await getSettings();
  return (
    <section>
      <h1>Reader reports</h1>
      <form method="get" action="/desk/reports" className="filters">
        <FilterSelect id="status" name="status" label="Status" value={flat.status} options={['new', 'accepted', 'declined']} />
        <label htmlFor="article">Article (slug)</label>
        <input id="article" name="article" defaultValue={flat.article} />
        <label htmlFor="age">Received</label>
        <select id="age" name="age" defaultValue={flat.age ?? ''}>
          <option value="">Any time</option>
          <option value="day">In the last day</option>
          <option value="week">In the last week</option>
          <option value="month">In the last 30 days</option>
          <option value="older">More than 30 days ago</option>
        </select>
        <p>
          <button type="submit">Show</button>
        </p>
      </form>
      {rows.length === 0 ? <p>No reports{flat.status || flat.article || flat.age ? ' match' : ' yet'}.</p> : null}
      <ol className="report-list">
        {rows.map(({ report, slug, versionNumber, headline, body, handler, caseId, caseReference }) => (
          <li key={report.id} id={report.reference} className={`report report-${report.status}`}>
            <h2>
              {report.reference} · {report.status}
            </h2>
            {caseId !== null ? (
              <p className="meta">
                Case <Link href={`/desk/cases/${caseId}`}>{caseReference}</Link>
              </p>
            ) : null}
            <p className="meta">
              {formatDateTime(report.createdAt, settings)} on <Link href={`/articles/${slug}/versions/${versionNumber}`} prefetch={false}>{headline}</Link> (version{' '}
              {versionNumber}){report.email ? ` · reply to ${report.email}` : ''}
            </p>
            <QuoteInContext body={body} exact={report.exact} start={report.start} end={report.end} />
            <p className="report-message">{report.message}</p>
            {report.status === 'new' ? (
              <div className="desk-actions">
                <ActionForm action={acceptReportAction} hidden={{ reportId: String(report.id) }} submitLabel={`Accept ${report.reference}`} />
                <ActionForm action={declineReportAction} hidden={{ reportId: String(report.id) }} submitLabel={`Decline ${report.reference}`} reasonLabel={`Reason for declining ${report.reference}`} />
              </div>
            ) : report.status === 'accepted' ? (
              <p>
                Accepted by {handler ?? 'the desk'}: <Link href={`/desk/corrections/${report.correctionId}`}>the correction draft</Link>
              </p>
            ) : (
              <p>
                Declined by {handler ?? 'the desk'}: <span className="decline-reason">{report.declineReason}</span>
              </p>
            )}
          </li>
        ))}
      </ol>
      <Pager path="/desk/reports" filters={flat} next={page.next} prev={page.prev} label="Reports" />
    </section>
  );
}
