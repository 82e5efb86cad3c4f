// A case's status and its clock, as labelled badges: the word is always there, the colour repeats it.
import { CLOCK_LABELS, clockPhrase, clockState } from '@/lib/standards/clock';
import { CASE_STATUS_LABELS, type CaseStatus, type StandardsConfig } from '@/lib/standards/config';

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  return <span className={`badge badge-case-${status}`}>{CASE_STATUS_LABELS[status]}</span>;
}

/** "Overdue · overdue by 3 days", "Due soon · due in 2 days": read against the desk's now (deskNow). */
export function ClockBadge({ status, dueAt, now, config }: { status: CaseStatus; dueAt: Date; now: Date; config: Pick<StandardsConfig, 'dueSoonDays'> }) {
  const state = clockState({ status, dueAt }, now, config);
  if (state === 'closed') return <span className="badge badge-clock-closed">{CLOCK_LABELS.closed}</span>;
  return (
    <span className="clock">
      <span className={`badge badge-clock-${state}`}>{CLOCK_LABELS[state]}</span> <span className="clock-phrase">{clockPhrase({ status, dueAt }, now)}</span>
    </span>
  );
}
