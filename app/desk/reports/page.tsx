import Link from 'next/link';
import { requireDeskPage } from '@/app/(auth)/access';
import { ActionForm } from '@/components/desk/action-form';
import { QuoteInContext } from '@/components/desk/quote-in-context';
import { listReports } from '@/db/queries/reports';
import { getSettings } from '@/db/queries/settings';
import { formatDateTime } from '@/lib/wording';
import { acceptReportAction, declineReportAction } from './actions';

export const metadata = { title: 'Reader reports' };

// Everything a reader wrote is shown as text: React escapes it; nothing here renders HTML from a report.
export default async function ReportsPage() {
  await requireDeskPage('report.triage', '/desk/reports');
  const rows = listReports();
  const settings = getSettings();
  return (
    <section>
      <h1>Reader reports</h1>
      {rows.length === 0 ? <p>No reports yet.</p> : null}
      <ol className="report-list">
        {rows.map(({ report, slug, versionNumber, headline, body, handler }) => (
          <li key={report.id} className={`report report-${report.status}`}>
            <h2>
              {report.reference} · {report.status}
            </h2>
            <p className="meta">
              {formatDateTime(report.createdAt, settings)} on <Link href={`/articles/${slug}/versions/${versionNumber}`}>{headline}</Link> (version{' '}
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
    </section>
  );
}
