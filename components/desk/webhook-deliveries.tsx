// Webhook messages on the desk: the recent ones on /desk/webhooks, and those about one correction
// on its desk page. Each status is a word, with the badge colour only repeating it. The tables carry
// "webhook-table" and mark what is kept whole ("whole": event names, ids, hosts), so on a phone
// the table scrolls inside itself rather than breaking them letter by letter.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { DeliveryStatus, OutboxEntry } from '@/db/queries/webhook-delivery';
import { type DateSettings, formatDateTime } from '@/lib/wording';

/** The desk's badge colours: delivered as published, failed as withdrawn, waiting as a draft, sending as new. */
const BADGE: Record<DeliveryStatus, string> = { delivered: 'badge-published', failed: 'badge-withdrawn', pending: 'badge-draft', sending: 'badge-new' };

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return <span className={`badge ${BADGE[status]}`}>{status === 'pending' ? 'waiting' : status}</span>;
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Where the thing a message is about lives on the desk. */
function entityLink(entityType: string, entityId: string): ReactNode {
  const href = { correction: `/desk/corrections/${entityId}`, article: `/desk/articles/${entityId}`, column: `/desk/column/${entityId}` }[entityType];
  const label = `${entityType} ${entityId}`;
  return href && /^\d+$/.test(entityId) ? (
    <Link href={href} className="whole">
      {label}
    </Link>
  ) : (
    <span className="whole">{label}</span>
  );
}

/** Delivered or failed, and when; else when the next attempt is due. */
function settled(entry: OutboxEntry, settings: DateSettings): string {
  const { message } = entry;
  if (message.deliveredAt) return `delivered ${formatDateTime(message.deliveredAt, settings)}`;
  if (message.failedAt) return `failed ${formatDateTime(message.failedAt, settings)}`;
  return `next try ${formatDateTime(message.nextAttemptAt, settings)}`;
}

function lastError(entry: OutboxEntry): string {
  return entry.status === 'delivered' ? '' : (entry.message.lastError ?? '');
}

/** The newest messages to every subscriber, with "Retry now" beside each failed one. */
export function RecentDeliveries({ entries, settings, retry }: { entries: OutboxEntry[]; settings: DateSettings; retry: (entry: OutboxEntry) => ReactNode }) {
  if (entries.length === 0) return <p className="meta">Nothing has been sent yet.</p>;
  return (
    <table tabIndex={0} className="webhook-table">
      <caption>Messages, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Event</th>
          <th scope="col">About</th>
          <th scope="col">To</th>
          <th scope="col">webhook-id</th>
          <th scope="col">Attempts</th>
          <th scope="col">Status</th>
          <th scope="col">Last error</th>
          <th scope="col">Delivered or failed</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.message.id}>
            <td>
              <code className="whole">{entry.message.event}</code>
            </td>
            <td>{entityLink(entry.message.entityType, entry.message.entityId)}</td>
            <td>
              <span className="whole">{host(entry.subscriptionUrl)}</span>
            </td>
            <td>
              <code className="whole">{entry.message.messageId}</code>
            </td>
            <td>{entry.message.attempts}</td>
            <td>
              <DeliveryStatusBadge status={entry.status} />
              {entry.status === 'failed' ? retry(entry) : null}
            </td>
            <td>{lastError(entry)}</td>
            <td>{settled(entry, settings)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The messages about one correction, on its desk page: did the CMS hear of it? */
export function CorrectionDeliveries({ entries, settings, manageLink }: { entries: OutboxEntry[]; settings: DateSettings; manageLink: boolean }) {
  return (
    <section aria-labelledby="webhook-deliveries">
      <h2 id="webhook-deliveries">Webhook deliveries</h2>
      {entries.length === 0 ? (
        <p className="meta">No webhook subscription was told of this correction.</p>
      ) : (
        <table tabIndex={0} className="webhook-table">
          <caption>Messages about this correction, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
              <th scope="col">Written</th>
              <th scope="col">Delivered or failed</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.message.id}>
                <td>
                  <code className="whole">{entry.message.event}</code>
                </td>
                <td>
                  <span className="whole">{host(entry.subscriptionUrl)}</span>
                </td>
                <td>
                  <DeliveryStatusBadge status={entry.status} />
                </td>
                <td>{entry.message.attempts}</td>
                <td>{lastError(entry)}</td>
                <td>{formatDateTime(entry.message.createdAt, settings)}</td>
                <td>{settled(entry, settings)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manageLink ? (
        <p className="meta">
          Subscriptions, and a failed message sent again: <Link href="/desk/webhooks">Webhooks</Link>.
        </p>
      ) : null}
    </section>
  );
}
