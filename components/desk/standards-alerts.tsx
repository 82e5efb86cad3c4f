// The standards desk's alerts on the desk home: a pattern of corrections on one section or author.
import Link from 'next/link';
import { type AlertLike, alertHref, alertPhrase } from '@/lib/standards/alert-phrase';

export function StandardsAlertsPanel({ alerts }: { alerts: AlertLike[] }) {
  if (alerts.length === 0) return null;
  return (
    <section className="case-panel" aria-labelledby="standards-alerts-title">
      <h2 id="standards-alerts-title">Standards alerts</h2>
      <ul>
        {alerts.map((a) => (
          <li key={`${a.on}:${a.name}`}>
            <Link href={alertHref(a)}>{alertPhrase(a)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
