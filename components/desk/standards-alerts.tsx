// The standards desk's alerts on the desk home: a pattern of corrections on one section (named) or
// on authors (counted; who they are is on the dashboard's audited per-author view).
import Link from 'next/link';
import { type AlertLike, alertHref, alertPhrase, authorAlertsPhrase } from '@/lib/standards/alert-phrase';

export function StandardsAlertsPanel({ alerts }: { alerts: AlertLike[] }) {
  if (alerts.length === 0) return null;
  const authors = authorAlertsPhrase(alerts);
  return (
    <section className="case-panel" aria-labelledby="standards-alerts-title">
      <h2 id="standards-alerts-title">Standards alerts</h2>
      <ul>
        {alerts
          .filter((a) => a.on === 'section')
          .map((a) => (
            <li key={`${a.on}:${a.name}`}>
              <Link href={alertHref(a)}>{alertPhrase(a)}</Link>
            </li>
          ))}
        {authors ? (
          <li>
            {/* Who: on the dashboard's per-author view, whose every showing is audited (never prefetched). */}
            <Link href="/desk/standards?authors=1" prefetch={false}>
              {authors}
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
