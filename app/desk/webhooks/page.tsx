import { requireDeskPage } from '@/app/(auth)/access';
import { ActionForm } from '@/components/desk/action-form';
import { Pager } from '@/components/desk/pager';
import { RecentDeliveries } from '@/components/desk/webhook-deliveries';
import { SubscriptionForm } from '@/components/desk/webhook-forms';
import { getSettings } from '@/db/queries/settings';
import { listOutbox, listSubscriptions } from '@/db/queries/webhook-delivery';
import { parseCursor } from '@/lib/desk/keyset';
import { WEBHOOK_LIMITS } from '@/lib/webhooks/receiver-url';
import { formatDateTime } from '@/lib/wording';
import { createSubscriptionAction, disableSubscriptionAction, retryWebhookAction } from './actions';

export const metadata = { title: 'Webhooks' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function WebhooksPage({ searchParams }: { searchParams: SearchParams }) {
  await requireDeskPage('webhooks.manage', '/desk/webhooks');
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const settings = await getSettings();
  const subscriptions = await listSubscriptions();
  const page = await listOutbox({ cursor: parseCursor(raw) });
  return (
    <section>
      <h1>Webhooks</h1>
      <p className="meta">
        Each change a subscription names is POSTed to its address as JSON, signed the Standard Webhooks way with the subscription’s secret. Until the receiver answers 2xx it is sent again after 5 s, 5 min,
        30 min, 2 h, 5 h, 10 h and 10 h, always with the same <code>webhook-id</code> and body, then marked failed. A message is written in the same transaction as its change, so none is lost in a crash.
      </p>
      <h2>Subscriptions</h2>
      {subscriptions.length === 0 ? (
        <p className="meta">No subscriptions yet.</p>
      ) : (
        <table tabIndex={0} className="webhook-table">
          <caption>Subscriptions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Events</th>
              <th scope="col">Description</th>
              <th scope="col">Added</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {subscriptions.map((s) => (
              <tr key={s.id}>
                <td>
                  <code>{s.url}</code>
                </td>
                <td>
                  {s.events.map((e, i) => (
                    <span key={e}>
                      {i ? ', ' : ''}
                      <code className="whole">{e}</code>
                    </span>
                  ))}
                </td>
                <td>{s.description}</td>
                <td>
                  {formatDateTime(s.createdAt, settings)}
                  {s.createdByName ? ` by ${s.createdByName}` : ''}
                </td>
                <td>
                  {s.disabledAt ? (
                    <>
                      <span className="badge badge-declined">disabled</span> {formatDateTime(s.disabledAt, settings)}
                    </>
                  ) : (
                    <>
                      <span className="badge badge-published">active</span>
                      <ActionForm action={disableSubscriptionAction} hidden={{ subscriptionId: String(s.id) }} submitLabel={`Disable ${new URL(s.url).host}`} className="inline-form" />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Add a subscription</h2>
      <div className="article">
        <SubscriptionForm action={createSubscriptionAction} limits={WEBHOOK_LIMITS} />
      </div>
      <h2>Recent deliveries</h2>
      <RecentDeliveries
        entries={page.rows}
        settings={settings}
        retry={(entry) => <ActionForm action={retryWebhookAction} hidden={{ outboxId: String(entry.message.id) }} submitLabel="Retry now" className="inline-form" />}
      />
      <Pager path="/desk/webhooks" filters={{}} next={page.next} prev={page.prev} label="Messages" />
    </section>
  );
}
