import { z } from 'zod';
import { requireDeskPage } from '@/app/(auth)/access';
import { Pager } from '@/components/desk/pager';
import { listAuditEvents } from '@/db/queries/audit-log';
import { parseCursor } from '@/lib/desk/keyset';
import { getSettings } from '@/db/queries/settings';
import { listRecentCounts } from '@/db/queries/throttle';
import { RecentSignInFailures } from '@/components/audit/recent-sign-in-failures';
import { SIGN_IN_WINDOW_MS } from '@/lib/auth/sign-in-throttle';
import { formatDateTime } from '@/lib/wording';
import { day } from '@/lib/desk/list-params';
import { FilterSelect } from '@/components/desk/filter-select';

export const metadata = { title: 'Audit trail' };


const filterSchema = z.object({
  action: z.string().trim().max(60).optional().catch(undefined),
  actor: z.string().trim().max(320).optional().catch(undefined),
  entityType: z.string().trim().max(40).optional().catch(undefined),
  from: day,
  to: day,
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requireDeskPage('audit.view', '/desk/audit');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const filter = filterSchema.parse(raw);
  const page = await listAuditEvents({ ...filter, to: filter.to ? new Date(filter.to.getTime() + 86_400_000) : undefined, cursor: parseCursor(raw) });
  const settings = await getSettings();
  const failuresByAccount = await listRecentCounts({ bucket: 'sign-in:account', windowMs: SIGN_IN_WINDOW_MS });
  const failuresByAddress = await listRecentCounts({ bucket: 'sign-in:address', windowMs: SIGN_IN_WINDOW_MS });
  return (
    <section>
      <h1>Audit trail</h1>
      <form method="get" className="filters">
        <label htmlFor="action">Action starts with</label>
        <input id="action" name="action" defaultValue={raw.action} placeholder="version." />
        <label htmlFor="actor">Actor email</label>
        <input id="actor" name="actor" defaultValue={raw.actor} />
        <FilterSelect id="entityType" name="entityType" label="Thing" value={raw.entityType} options={['article', 'version', 'correction', 'column', 'report', 'user', 'token', 'webhook', 'webhook_message']} />
        <label htmlFor="from">From</label>
        <input id="from" name="from" type="date" defaultValue={raw.from} />
        <label htmlFor="to">To</label>
        <input id="to" name="to" type="date" defaultValue={raw.to} />
        <p>
          <button type="submit">Filter</button>
        </p>
      </form>
      <RecentSignInFailures
        byAccount={failuresByAccount}
        byAddress={failuresByAddress}
        windowMinutes={SIGN_IN_WINDOW_MS / 60_000}
        settings={settings}
      />
      {/* On a phone the table scrolls inside itself; focusable, so a keyboard can scroll it too. */}
      <table tabIndex={0}>
        <caption>Audit events</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Thing</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map(({ event, actorEmail }) => (
            <tr key={event.id}>
              <td>{formatDateTime(event.at, settings)}</td>
              <td>{actorEmail ?? '—'}</td>
              <td>{event.action}</td>
              <td>
                {event.entityType} {event.entityId}
              </td>
              <td>
                <code>{event.before}</code>
              </td>
              <td>
                <code>{event.after}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager path="/desk/audit" filters={raw} next={page.next} prev={page.prev} label="Audit trail" />
    </section>
  );
}
