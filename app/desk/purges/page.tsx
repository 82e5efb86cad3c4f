import { requireDeskPage } from '@/app/(auth)/access';
import { configuredPurger } from '@/app/(auth)/purge';
import { Pager } from '@/components/desk/pager';
import { listPurgeLog, PURGE_LOG_KEEP } from '@/db/queries/purge-log';
import { getSettings } from '@/db/queries/settings';
import { parseCursor } from '@/lib/desk/keyset';
import { formatDateTime } from '@/lib/wording';

export const metadata = { title: 'Purges' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PurgesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireDeskPage('purges.view', '/desk/purges');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const page = await listPurgeLog({ cursor: parseCursor(raw) });
  const settings = await getSettings();
  const purger = configuredPurger();
  return (
    <section>
      <h1>Purges</h1>
      <p>
        {purger
          ? `Changes readers can see are purged from the HTTP cache in front through the ${purger.name} purger (ERRATA_PURGER). The newest ${PURGE_LOG_KEEP.toLocaleString('en-GB')} purges are kept.`
          : 'No HTTP cache purger is configured (ERRATA_PURGER=none): nothing is purged.'}
      </p>
      {/* On a phone the table scrolls inside itself; focusable, so a keyboard can scroll it too. */}
      <table tabIndex={0}>
        <caption>Purges, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Tags</th>
            <th scope="col">Purger</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map(({ entry, actorEmail }) => (
            <tr key={entry.id}>
              <td>{formatDateTime(entry.at, settings)}</td>
              <td>{actorEmail ?? '—'}</td>
              <td>
                <code>{entry.tags}</code>
              </td>
              <td>{entry.purger}</td>
              <td>{entry.status}</td>
              <td>{entry.attempts}</td>
              <td>{entry.error ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager path="/desk/purges" filters={{}} next={page.next} prev={page.prev} label="Purges" />
    </section>
  );
}
