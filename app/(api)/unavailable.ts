// The store being unreachable, outside a service's typed refusals: one line in the log (never a
// stack that quotes the statement's parameters), and for an endpoint outside the API's handler (a
// reader's report, the sign-in) the 503 with the message and Retry-After a caller can act on.
import { ErrataError, storeUnavailable, UNAVAILABLE_MESSAGE, UNAVAILABLE_RETRY_SECONDS, unavailableDetail } from '@/lib/errors';
import { logLimiter } from '@/lib/log-limit';

// Every request during an outage would write its line: one each 10 s for each place, with the count.
const limit = logLimiter({ windowMs: 10_000 });

type Body = (message: string) => Record<string, unknown>;
const plain: Body = (message) => ({ error: message });

/** `thrown` as the store-unavailable refusal it is, logged in one line as `where`'s; null (and nothing logged) for anything else. */
export function logIfUnavailable(where: string, thrown: unknown): ErrataError | null {
  const error = thrown instanceof ErrataError && thrown.code === 'unavailable' ? thrown : storeUnavailable(thrown);
  if (error) {
    const detail = unavailableDetail(error);
    // One line per place and cause: a refused connection and a cancelled statement are told apart.
    limit(`${where} ${detail.split(':')[0]}`, `${where}: the store is unavailable (${detail})`, (line) => console.error(line));
  }
  return error;
}

/** The 503 itself, for a caller that has logged why (authorize() refusing as "unavailable"). */
export function unavailableAnswer(body: Body = plain): Response {
  return Response.json(body(UNAVAILABLE_MESSAGE), { status: 503, headers: { 'retry-after': String(UNAVAILABLE_RETRY_SECONDS) } });
}

/** `thrown` as a 503 when it is the store being unavailable (logged in one line); anything else is thrown on. */
export function unavailableResponse(where: string, thrown: unknown, body: Body = plain): Response {
  if (!logIfUnavailable(where, thrown)) throw thrown;
  return unavailableAnswer(body);
}
