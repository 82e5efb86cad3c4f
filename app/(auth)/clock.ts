// "Now" for the desk's clocks (cases due and overdue). The end-to-end suite moves it forward to
// watch a case go overdue without waiting 21 days: only when the server was started with
// ERRATA_TEST_CLOCK=1 (never in production: scripts/server.mjs says so at start) does a desk
// request's `x-errata-test-now` header (an ISO instant) stand in for the real time. Reader pages
// never read it, and nothing is written with it: it only changes what the desk shows as due.
import 'server-only';
import { headers } from 'next/headers';

export const TEST_CLOCK_HEADER = 'x-errata-test-now';

export async function deskNow(): Promise<Date> {
  if (process.env.ERRATA_TEST_CLOCK !== '1') return new Date();
  const value = (await headers()).get(TEST_CLOCK_HEADER);
  if (!value) return new Date();
  const t = Date.parse(value);
  // Within a century either way of the real time: an instant beyond what dates can be worked out
  // for (the year 275760) is no test of anything.
  const century = 100 * 365 * 86_400_000;
  return Number.isFinite(t) && Math.abs(t - Date.now()) < century ? new Date(t) : new Date();
}
