// An article's withdrawals and restorations, each with its date and public reason: the record keeps both.
import type { PublicStatusChange } from '@/db/queries/public-status';
import type { NewsroomSettings } from '@/lib/types';
import { formatLongDate } from '@/lib/wording';

export function StatusRecord({ changes, settings }: { changes: PublicStatusChange[]; settings: NewsroomSettings }) {
  if (changes.length === 0) return null;
  return (
    <section className="status-record" aria-label="Withdrawals and restorations">
      <h2>Withdrawals and restorations</h2>
      <ul>
        {changes.map((c, i) => (
          <li key={i}>
            <strong>{c.kind === 'withdrawn' ? 'Withdrawn' : 'Restored'}</strong> on <time dateTime={c.at.toISOString()}>{formatLongDate(c.at, settings)}</time>: {c.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}
