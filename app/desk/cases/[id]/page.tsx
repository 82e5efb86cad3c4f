import Link from 'next/link';
import { notFound } from 'next/navigation';
import { hasPermission, requireDeskPage } from '@/app/(auth)/access';
import { deskNow } from '@/app/(auth)/clock';
import { CaseStatusBadge, ClockBadge } from '@/components/cases/case-badges';
import { AssignCaseForm, CaseNoteForm, CloseCaseForm } from '@/components/cases/case-forms';
import { ActionForm } from '@/components/desk/action-form';
import { caseOwners, getCaseDetail, getStandardsConfig } from '@/db/queries/cases';
import { getSettings } from '@/db/queries/settings';
import { shortSummary } from '@/lib/standards/case-form';
import { CASE_CHANNEL_LABELS, CASE_OUTCOMES, CASE_ROUTE_LABELS, CASE_ROUTES, CASE_STATUS_LABELS, labelOf } from '@/lib/standards/config';
import { CORRECTION_KIND_LABELS } from '@/lib/types';
import { formatDateTime } from '@/lib/wording';
import { acknowledgeCaseAction, addCaseNoteAction, assignCaseAction, closeCaseAction } from '../actions';
import { parseRecordId } from '@/lib/ids';

export const metadata = { title: 'Case' };

// Desk only: the complainant's name and contact are shown here and nowhere a reader can reach.
export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireDeskPage('case.view', `/desk/cases/${id}`);
  const caseId = parseRecordId(id);
  const detail = caseId === null ? null : await getCaseDetail(caseId);
  if (!detail) notFound();
  const { case: c, owner, articles, clauses, notes, report, candidates } = detail;
  const now = await deskNow();
  const config = await getStandardsConfig();
  const settings = await getSettings();
  const open = c.status === 'open';
  const manage = open && hasPermission(user, 'case.manage');
  const linked = c.correctionId === null ? undefined : candidates.find((k) => k.id === c.correctionId);
  const clauseChoices = config.clauses.map((o) => ({ value: o.code, label: o.label }));
  const owners = manage ? (await caseOwners()).map((o) => ({ id: o.id, name: o.name, role: o.role })) : [];
  return (
    <section className="desk-narrow case">
      <p className="meta">
        <Link href="/desk/cases">Cases</Link>
      </p>
      <h1>
        Case {c.reference} <CaseStatusBadge status={c.status} />
      </h1>
      <h2>Clocks</h2>
      <dl className="case-facts">
        <dt>Received</dt>
        <dd>
          {formatDateTime(c.receivedAt, settings)} ({CASE_CHANNEL_LABELS[c.channel]})
        </dd>
        <dt>Acknowledged</dt>
        <dd>{c.acknowledgedAt ? formatDateTime(c.acknowledgedAt, settings) : 'Not yet'}</dd>
        <dt>Response due</dt>
        <dd>
          {formatDateTime(c.dueAt, settings)} <ClockBadge status={c.status} dueAt={c.dueAt} now={now} config={config} />
        </dd>
        <dt>Closed</dt>
        <dd>{c.closedAt ? `${formatDateTime(c.closedAt, settings)}: ${CASE_STATUS_LABELS[c.status]}${c.outcomeNote ? `. ${c.outcomeNote}` : ''}` : 'Open'}</dd>
        <dt>Route</dt>
        <dd>{CASE_ROUTE_LABELS[c.route]}</dd>
        <dt>Owner</dt>
        <dd>{owner ?? 'Nobody yet'}</dd>
      </dl>

      <h2>The complainant</h2>
      <p className="meta">Desk only: readers never see who complained or how to reach them.</p>
      <dl className="case-facts">
        <dt>Name</dt>
        <dd>{c.complainantName || (c.channel === 'reader_report' ? 'A reader (no name asked)' : 'Not given')}</dd>
        <dt>Contact</dt>
        <dd className="case-contact">{c.complainantContact || 'None given'}</dd>
      </dl>
      <h2>What the complaint says</h2>
      <p className="case-summary">{c.summary}</p>

      <h2>Articles</h2>
      <ul>
        {articles.map((a) => (
          <li key={a.articleId}>
            <Link href={`/desk/articles/${a.articleId}`}>{a.headline}</Link> <span className="meta">({a.section}, {a.byline})</span>
            {a.quote ? <blockquote className="case-quote">“{a.quote}”</blockquote> : null}
          </li>
        ))}
      </ul>
      {report && articles[0] ? (
        <p>
          From the reader report{' '}
          <Link href={`/desk/reports?article=${encodeURIComponent(articles[0].slug)}#${report.reference}`}>{report.reference}</Link> ({report.status}).
        </p>
      ) : null}
      <h2>Clauses</h2>
      {clauses.length ? (
        <ul className="case-clauses">
          {clauses.map((code) => (
            <li key={code}>{labelOf(config.clauses, code)}</li>
          ))}
        </ul>
      ) : (
        <p>None assigned yet.</p>
      )}
      <h2>Correction</h2>
      {c.correctionId !== null ? (
        <p>
          Led to <Link href={`/desk/corrections/${c.correctionId}`}>correction {c.correctionId}</Link>
          {linked ? ` (${CORRECTION_KIND_LABELS[linked.kind]}, ${linked.status})` : ''}.
        </p>
      ) : (
        <p>None linked.</p>
      )}

      <h2>Notes</h2>
      {notes.length ? (
        <ol className="case-notes">
          {notes.map(({ note, author }) => (
            <li key={note.id}>
              <p className="meta">
                {author ?? 'Unknown'}, {formatDateTime(note.at, settings)}
              </p>
              <p className="case-note-body">{note.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p>No notes yet.</p>
      )}
      {open && hasPermission(user, 'case.note') ? <CaseNoteForm action={addCaseNoteAction} caseId={c.id} /> : null}

      {!open ? <p className="banner">A closed case is not changed.</p> : null}
      {manage ? (
        <>
          <h2>Assign</h2>
          <AssignCaseForm action={assignCaseAction} caseId={c.id} routes={CASE_ROUTES.map((r) => ({ value: r, label: `${CASE_ROUTE_LABELS[r]} (${config.responseDays[r]} days)` }))} clauses={clauseChoices} owners={owners} current={{ route: c.route, clauses, ownerId: c.ownerId }} />
          {!c.acknowledgedAt ? (
            <>
              <h2>Acknowledge</h2>
              <p className="meta">Record that the complainant has been told the complaint is being looked at.</p>
              <ActionForm action={acknowledgeCaseAction} hidden={{ caseId: String(c.id) }} submitLabel="Acknowledge" />
            </>
          ) : null}
          <h2>Close</h2>
          <CloseCaseForm
            action={closeCaseAction}
            caseId={c.id}
            outcomes={CASE_OUTCOMES.map((o) => ({ value: o, label: CASE_STATUS_LABELS[o] }))}
            candidates={candidates.map((k) => ({ id: k.id, published: k.status === 'published', label: `Correction ${k.id} (${CORRECTION_KIND_LABELS[k.kind]}): ${shortSummary(k.wording || 'no wording yet', 70)}` }))}
            suggested={linked?.status === 'published' ? linked.id : null}
          />
        </>
      ) : null}
    </section>
  );
}
