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
const LAST = Symbol.for('errata.store-unavailable-at');
/**
 * How long after any request found the store unavailable a 5xx is taken to be that too: Next renders
 * a page once for identical requests that arrive together, so only the request that started the
 * render sees its query fail, and the others would answer a bare 500.
 */
export const RECENTLY_MS = 5_000;

/** The one store, shared through the process with the app's bundles (which cannot import this file). */
export const storeStatusStore = (globalThis[KEY] ??= new AsyncLocalStorage());

/**
 * Inside a request run by `withStoreStatus`: this request failed because the store is unavailable,
 * and the reader may try again in `retryAfterSeconds` (lib/errors.ts UNAVAILABLE_RETRY_SECONDS).
 */
export function markStoreUnavailable(retryAfterSeconds) {
  const seconds = Math.max(1, Math.round(Number(retryAfterSeconds) || 1));
  globalThis[LAST] = { at: Date.now(), seconds };
  const store = storeStatusStore.getStore();
  if (store) store.retryAfter = seconds;
}

/** The Retry-After for a 5xx written now: this request's mark, or one made by any request in the last RECENTLY_MS. */
function retryAfterFor(store, now = Date.now()) {
  if (store.retryAfter !== null) return store.retryAfter;
  const last = globalThis[LAST];
  return last && now - last.at < RECENTLY_MS ? last.seconds : null;
}

/** Runs `handle` so that a 5xx answer to a request marked by `markStoreUnavailable` goes out as 503 with Retry-After. */
export function withStoreStatus(res, handle) {
  const store = { retryAfter: null, res };
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    const status = statusCode ?? res.statusCode;
    const retryAfter = status >= 500 && !res.headersSent ? retryAfterFor(store) : null;
    if (retryAfter !== null) {
      statusCode = 503;
      if (typeof rest[0] === 'string') rest.shift();
      res.setHeader('retry-after', String(retryAfter));
      res.setHeader('cache-control', 'no-store');
    }
    return writeHead.call(this, statusCode, ...rest);
  };
  return storeStatusStore.run(store, handle);
}

/**
 * While the store is unavailable every failed render is logged by Next whole: its stack, the
 * statement and its parameters (attacker-chosen words, on the desk a session's id), dozens of lines a
 * request. For a request answered as unavailable (marked, or within RECENTLY_MS of a mark) what is
 * logged through `out.error` is one line every `windowMs`, naming the request and counting the lines
 * left out; every other request logs as before.
 */
export function quietUnavailableRequests(out = console, windowMs = 10_000) {
  const error = out.error.bind(out);
  let until = 0;
  let skipped = 0;
  out.error = (...args) => {
    const store = storeStatusStore.getStore();
    if (!store || retryAfterFor(store) === null) return error(...args);
    const now = Date.now();
    if (now < until) {
      skipped += 1;
      return;
    }
    until = now + windowMs;
    const what = `${store.res.req?.method ?? 'GET'} ${String(store.res.req?.url ?? '').split('?')[0].slice(0, 200)}`;
    error(`${what}: failed with the store unavailable; its error is not logged${skipped ? ` (nor ${skipped} lines of such requests since the last such line)` : ''}`);
    skipped = 0;
  };
}
