// The one typed error of Errata's services: a refusal whose code says which HTTP status it is, so
// a server action, a route handler and a script all report the same refusal the same way. All are
// the caller's to fix (4xx) bar one, 'unavailable' (503): the store could not be reached, try again.
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  invalid: 422,
  throttled: 429,
  unavailable: 503,
} as const;

export type ErrataErrorCode = keyof typeof ERROR_STATUS;
export type ErrataErrorStatus = (typeof ERROR_STATUS)[ErrataErrorCode];

export class ErrataError extends Error {
  constructor(
    readonly code: ErrataErrorCode,
    message: string,
    /** The form field the refusal is about, when there is one. */
    readonly field?: string,
    /** What it stands for (the driver's error behind a 503), for the log: never returned to the caller. */
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'ErrataError';
  }

  get status(): ErrataErrorStatus {
    return ERROR_STATUS[this.code];
  }
}

/**
 * A database's refusal of a value the request carried (SQLSTATE class 22, "data exception": a number
 * out of range, text it cannot store, an impossible date), as the typed refusal it is: a 400, not a
 * 500. The checks at each door refuse such input first; this is the backstop for one they miss.
 * drizzle wraps the driver's error, so its cause is looked at too. Anything else: null.
 */
export function refusalFromDatabase(error: unknown): ErrataError | null {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return new ErrataError('bad_request', 'A value in this request is out of range, or is not text that can be stored. Check what was sent and try again.');
  }
  return null;
}

/** Node's codes for a connection that could not be made, or was lost: the server is down, restarting or unreachable. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * PostgreSQL's: class 08 (connection exception), 57P01–57P03 (the server shutting down, crashed or
 * starting up), 57014 (a statement cancelled, as the app server's statement_timeout cancels one the
 * server has not finished in time), 25P03 (a transaction left idle past idle_in_transaction_session_timeout,
 * its client gone quiet mid-transaction), 53300 (too many connections). SQLite's: the write lock still held by another
 * connection once the busy timeout has passed.
 */
const STORE_CODES = /^(08[0-9A-Z]{3}|57P0[123]|57014|25P03|53300|SQLITE_BUSY|SQLITE_BUSY_TIMEOUT)$/;

/**
 * pg and pg-pool's errors for a connection they could not open or lost, which carry no code (the last:
 * a statement, such as a transaction's ROLLBACK, sent on a client whose connection already failed).
 */
const POOL_MESSAGES = /^(timeout exceeded when trying to connect|Connection terminated unexpectedly|Connection terminated due to connection timeout|Query read timeout|Client has encountered a connection error and is not queryable)$/;

export const UNAVAILABLE_MESSAGE = 'The database is briefly unavailable. Please try again in a few seconds.';

/** Seconds a caller is told to wait (Retry-After) when the store is unavailable: a restart or a fail-over is over in a few. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/**
 * The store being unreachable for a moment (down, restarting, out of connections, or SQLite's write
 * lock held past the busy timeout) as the 503 it is, not a 500: nothing is wrong with the request,
 * and trying again shortly is the answer. The driver's error is the refusal's cause, for the log.
 * drizzle wraps the driver's error, so causes are looked at too (and each of an AggregateError's,
 * Node's error when every address of a host refused). Anything else: null.
 */
export function storeUnavailable(error: unknown): ErrataError | null {
  for (let e: unknown = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth += 1) {
    const inner = (e as { errors?: unknown }).errors;
    for (const candidate of [e, ...(Array.isArray(inner) ? inner : [])]) {
      if (typeof candidate !== 'object' || candidate === null) continue;
      const { code, message } = candidate as { code?: unknown; message?: unknown };
      if ((typeof code === 'string' && (CONNECTION_CODES.has(code) || STORE_CODES.test(code))) || (typeof message === 'string' && POOL_MESSAGES.test(message))) {
        return new ErrataError('unavailable', UNAVAILABLE_MESSAGE, undefined, { cause: candidate });
      }
    }
  }
  return null;
}

/** The driver's error behind a store-unavailable refusal, in one line for the log: its code and message. */
export function unavailableDetail(error: ErrataError): string {
  const { code, message } = (error.cause ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message.split('\n')[0] : '';
  return [typeof code === 'string' && !text.includes(code) ? code : '', text].filter(Boolean).join(': ') || 'no detail';
}
