// The one typed error of Errata's services: a refusal whose code says which HTTP status it is, so
// a server action, a route handler and a script all report the same refusal the same way.
export const ERROR_STATUS = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  invalid: 422,
  throttled: 429,
} as const;

export type ErrataErrorCode = keyof typeof ERROR_STATUS;
export type ErrataErrorStatus = (typeof ERROR_STATUS)[ErrataErrorCode];

export class ErrataError extends Error {
  constructor(
    readonly code: ErrataErrorCode,
    message: string,
    /** The form field the refusal is about, when there is one. */
    readonly field?: string,
  ) {
    super(message);
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
