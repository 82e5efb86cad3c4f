// The dashboard's figures other than charts: the headline numbers and medians, the alerts, and the
// per-author table (shown only when asked for, and audited: db/queries/standards.ts).
import Link from 'next/link';
import { formatDuration } from '@/lib/standards/clock';
import type { MedianFigure } from '@/lib/standards/statement';

export interface Headline {
  label: string;
  value: string | number;
  note?: string;
  href?: string;
}

export function medianHeadline(m: MedianFigure | undefined, label: string): Headline {
  if (!m) return { label, value: '—' };
  return { label, value: m.median === null ? '—' : formatDuration(m.median), note: m.n === 1 ? '1 measured' : `${m.n} measured` };
}

export function Headlines({ items }: { items: readonly Headline[] }) {
  return (
    <dl className="standards-figures">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>
            {item.href ? (
              <Link href={item.href} prefetch={false}>
                {item.value}
              </Link>
            ) : (
              item.value
            )}
            {item.note ? <span className="meta">{item.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export interface AlertRow {
  on: 'author' | 'section';
  name: string;
  count: number;
  days: number;
}

/**
 * The alerts that have reached the rule. An author's name with their count is a per-author figure:
 * it is shown only in the audited view (showAuthors); otherwise the authors are counted, with a
 * link to that view.
 */
export function AlertsList({ alerts, rule, showAuthors, authorsHref }: { alerts: readonly AlertRow[]; rule: { alertCount: number; alertDays: number }; showAuthors: boolean; authorsHref: string | null }) {
  const ruleText = `at least ${rule.alertCount} corrections in ${rule.alertDays} days on one author or one section`;
  if (alerts.length === 0) return <p>No alerts: nothing has reached the rule ({ruleText}).</p>;
  const hiddenAuthors = showAuthors ? 0 : alerts.filter((a) => a.on === 'author').length;
  return (
    <div className="standards-alerts">
      <p>The alert rule is {ruleText}. These have reached it:</p>
      <ul>
        {alerts
          .filter((a) => showAuthors || a.on === 'section')
          .map((a) => (
            <li key={`${a.on}-${a.name}`}>
              <strong>{a.name}</strong> ({a.on === 'author' ? 'author' : 'section'}): {a.count} corrections in the last {a.days} days
            </li>
          ))}
        {hiddenAuthors ? (
          <li>
            {hiddenAuthors === 1 ? 'One author' : `${hiddenAuthors} authors`}{' '}
            {authorsHref ? (
              <>
                {/* Never prefetched: following the link is what the audit trail records. */}
                (<Link href={authorsHref} prefetch={false}>show who</Link>; each showing is kept in the audit trail)
              </>
            ) : (
              '(names are for standards editors)'
            )}
          </li>
        ) : null}
      </ul>
    </div>
  );
}

export function AuthorTable({ rows }: { rows: readonly { byline: string; count: number; medianExposure: number | null }[] }) {
  return (
    <table id="table-authors" className="figure-table" tabIndex={0}>
      <caption>Corrections by author (the article’s byline)</caption>
      <thead>
        <tr>
          <th scope="col">Author</th>
          <th scope="col" className="num">
            Corrections
          </th>
          <th scope="col">Median exposure</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3}>No corrections in this range.</td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.byline}>
              <th scope="row">{r.byline}</th>
              <td className="num">{r.count}</td>
              <td>{r.medianExposure === null ? '—' : formatDuration(r.medianExposure)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
