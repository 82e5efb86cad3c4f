// The API's one error shape: { error: { code, status, message, fields? } }, from the one typed
// error (lib/errors.ts) or from a zod refusal, so a CMS reads every refusal the same way.
import type { z } from 'zod';
import { ERROR_STATUS, ErrataError, type ErrataErrorCode } from '../errors';
import { messagesByField } from '../form-fields';

export interface ApiErrorBody {
  error: {
    code: ErrataErrorCode;
    status: number;
    message: string;
    /** Field-level messages, keyed by the field's path ("body", "claims.0.exact"). */
    fields?: Record<string, string[]>;
  };
}

export function problem(code: ErrataErrorCode, message: string, fields?: Record<string, string[]>): ApiErrorBody {
  return { error: { code, status: ERROR_STATUS[code], message, ...(fields && Object.keys(fields).length > 0 ? { fields } : {}) } };
}

export function problemFromError(error: ErrataError): ApiErrorBody {
  return problem(error.code, error.message, error.field ? { [error.field]: [error.message] } : undefined);
}

/** A zod refusal: 422 with each issue beside its field (400 when the input was not even an object). */
export function problemFromZod(error: z.ZodError, where: 'body' | 'query' | 'path'): ApiErrorBody {
  const fields = messagesByField(
    error.issues.flatMap((issue) => {
      const prefix = issue.path.map(String).join('.');
      // A field this endpoint does not take is named as the field it is.
      if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ key: prefix ? `${prefix}.${k}` : k, message: 'This endpoint takes no such field.' }));
      return [{ key: prefix || where, message: issue.message }];
    }),
  );
  const whole = error.issues.every((i) => i.path.length === 0 && i.code !== 'unrecognized_keys');
  return problem(whole ? 'bad_request' : 'invalid', whole ? `The request ${where === 'body' ? 'body' : where === 'query' ? 'query string' : 'address'} is not what this endpoint takes.` : 'Please correct the fields listed.', fields);
}
