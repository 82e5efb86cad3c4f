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
