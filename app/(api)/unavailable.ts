// The 503 of an endpoint outside the API's handler (a reader's report, the sign-in) when the store
// cannot be reached: the message and Retry-After a caller can act on, one line in the log, never an
// empty 500 with a stack that quotes the statement's parameters. Anything else is thrown on.
import { storeUnavailable, UNAVAILABLE_MESSAGE, UNAVAILABLE_RETRY_SECONDS, unavailableDetail } from '@/lib/errors';

type Body = (message: string) => Record<string, unknown>;
const plain: Body = (message) => ({ error: message });

/** The 503 itself, for a caller that has logged why (authorize() refusing as "unavailable"). */
export function unavailableAnswer(body: Body = plain): Response {
  return Response.json(body(UNAVAILABLE_MESSAGE), { status: 503, headers: { 'retry-after': String(UNAVAILABLE_RETRY_SECONDS) } });
}

/** `thrown` as a 503 when it is the store being unavailable (logged in one line); anything else is thrown on. */
export function unavailableResponse(where: string, thrown: unknown, body: Body = plain): Response {
  const error = storeUnavailable(thrown);
  if (!error) throw thrown;
  console.error(`${where}: answered 503, the store is unavailable (${unavailableDetail(error)})`);
  return unavailableAnswer(body);
}
