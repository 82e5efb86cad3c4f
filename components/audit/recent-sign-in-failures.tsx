// Failed sign-ins still inside the throttling window, by account and by address. The audit trail
// keeps one event per account per window; the counts live here, in the throttle table.
import { type DateSettings, formatDateTime } from '@/lib/wording';

type Row = { key: string; count: number; last: number };

function Counts({ caption, label, rows, settings }: { caption: string; label: string; rows: Row[]; settings: DateSettings }) {
  if (!rows.length) return null;
  return (
    <table tabIndex={0}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col">Failures</th>
          <th scope="col">Latest</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td>{r.key}</td>
            <td>{r.count}</td>
            <td>{formatDateTime(new Date(r.last), settings)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RecentSignInFailures({ byAccount, byAddress, windowMinutes, settings }: { byAccount: Row[]; byAddress: Row[]; windowMinutes: number; settings: DateSettings }) {
  if (!byAccount.length && !byAddress.length) return null;
  return (
    <section aria-labelledby="recent-failures">
      <h2 id="recent-failures">Failed sign-ins in the last {windowMinutes} minutes</h2>
      <Counts caption="From browsers the account does not know, by account" label="Account" rows={byAccount} settings={settings} />
      <Counts caption="By address" label="Address" rows={byAddress} settings={settings} />
    </section>
  );
}
