// The desk home's casebook panel: open cases overdue or due soon (the account's own, or every one
// for standards), each linked, with the counts linking the casebook's filters.
import Link from 'next/link';
import { ClockBadge } from '@/components/cases/case-badges';
import { countBadge } from '@/lib/desk/attention';
import { COUNT_CAP } from '@/lib/desk/keyset';
import { shortSummary } from '@/lib/standards/case-form';
import type { CaseRoute, CaseStatus, StandardsConfig } from '@/lib/standards/config';

interface AttentionCase {
  id: number;
  reference: string;
  summary: string;
  dueAt: Date;
  route: CaseRoute;
  status: CaseStatus;
  owner: string | null;
}

export interface CasesAttention {
  overdue: AttentionCase[];
  overdueCount: number;
  dueSoon: AttentionCase[];
  dueSoonCount: number;
}

export function CasesAttentionPanel({ attention, mine, now, config }: { attention: CasesAttention; mine: boolean; now: Date; config: Pick<StandardsConfig, 'dueSoonDays'> }) {
  const owner = mine ? '&owner=mine' : '';
  const rows = [...attention.overdue, ...attention.dueSoon];
  return (
    <section className="case-panel" aria-labelledby="cases-attention-title">
      <h2 id="cases-attention-title">Cases needing attention</h2>
      {rows.length === 0 ? (
        <p>{mine ? 'None of your cases' : 'No open case'} is overdue or due within {config.dueSoonDays} days.</p>
      ) : (
        <>
          <p>
            <Link href={`/desk/cases?clock=overdue${owner}`}>
              <strong>{countBadge(attention.overdueCount, COUNT_CAP)}</strong> overdue
            </Link>
            {' · '}
            <Link href={`/desk/cases?clock=due_soon${owner}`}>
              <strong>{countBadge(attention.dueSoonCount, COUNT_CAP)}</strong> due soon
            </Link>
            {mine ? ' (yours)' : ' (everyone’s)'}
          </p>
          <ul>
            {rows.map((c) => (
              <li key={c.id}>
                <Link href={`/desk/cases/${c.id}`}>{c.reference}</Link> <ClockBadge status={c.status} dueAt={c.dueAt} now={now} config={config} /> {shortSummary(c.summary, 70)}
                {mine ? null : <span className="meta"> · {c.owner ?? 'nobody yet'}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
