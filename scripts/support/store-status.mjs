// A reader's page or feed that failed because the store could not be reached is a 503 with
// Retry-After, not a 500: nothing is wrong with the page, and trying again in a few seconds is the
// answer. The API, the desk's forms and the sign-in answer their own 503s (app/(api)/unavailable.ts);
// a page or a route handler that throws cannot choose its status (and a failure inside a 'use cache'
// function reaches it only as a generic error). So the server runs each request inside an
// AsyncLocalStorage context, the app's PostgreSQL pool marks the request whose query or connection
// failed with the store unavailable (db/pg/connection.ts), and a 5xx head written for a marked
// request goes out as the 503.
import { AsyncLocalStorage } from 'node:async_hooks';

const KEY = Symbol.for('errata.store-status');

/** The one store, shared through the process with the app's bundles (which cannot import this file). */
export const storeStatusStore = (globalThis[KEY] ??= new AsyncLocalStorage());

/**
 * Inside a request run by `withStoreStatus`: this request failed because the store is unavailable,
 * and the reader may try again in `retryAfterSeconds` (lib/errors.ts UNAVAILABLE_RETRY_SECONDS).
 */
export function markStoreUnavailable(retryAfterSeconds) {
  const store = storeStatusStore.getStore();
  if (store) store.retryAfter = Math.max(1, Math.round(Number(retryAfterSeconds) || 1));
}

/** Runs `handle` so that a 5xx answer to a request marked by `markStoreUnavailable` goes out as 503 with Retry-After. */
export function withStoreStatus(res, handle) {
  const store = { retryAfter: null };
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    const status = statusCode ?? res.statusCode;
    if (store.retryAfter !== null && !res.headersSent && status >= 500) {
      statusCode = 503;
      if (typeof rest[0] === 'string') rest.shift();
      res.setHeader('retry-after', String(store.retryAfter));
      res.setHeader('cache-control', 'no-store');
    }
    return writeHead.call(this, statusCode, ...rest);
  };
  return storeStatusStore.run(store, handle);
}
