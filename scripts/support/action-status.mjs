// A server action's HTTP status. Next answers a server action with 200 unless it redirects or is
// interrupted (401, 403, 404), so an action that refuses its input could not say "422" or "409".
// The server runs each action request inside an AsyncLocalStorage context holding a mutable
// status; the action sets it (app/(auth)/forms.ts `refuse`), and just before the response's head is
// written the server makes it the response's status. Nothing travels to or from the browser, and
// nothing else changes: React's client reads an action's answer whatever its status, so the form
// still shows its errors and the typed text.
import { AsyncLocalStorage } from 'node:async_hooks';

const KEY = Symbol.for('errata.action-status');
const ALLOWED = new Set([400, 401, 403, 404, 409, 413, 422, 429, 503]);

/** The one store, shared through the process with the app's bundles (which cannot import this file). */
export const actionStatusStore = (globalThis[KEY] ??= new AsyncLocalStorage());

/** Inside a request run by `withActionStatus`: asks for this refusal status. Anything else is ignored. */
export function setActionStatus(status) {
  const store = actionStatusStore.getStore();
  if (store && ALLOWED.has(status)) store.status = status;
}

/**
 * Runs `handle` with a status an action may set, applied to `res` when its head is written
 * (explicitly or implicitly). Only a successful answer becomes a refusal; a redirect or an error
 * stays as it is.
 */
export function withActionStatus(res, handle) {
  const store = { status: null };
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    if (store.status !== null && !res.headersSent && (statusCode === undefined || (statusCode >= 200 && statusCode < 300))) {
      statusCode = store.status;
      if (typeof rest[0] === 'string') rest.shift();
    }
    return writeHead.call(this, statusCode, ...rest);
  };
  return actionStatusStore.run(store, handle);
}
