// What every desk form action returns, and the two steps each takes first: access, then validation.
import 'server-only';
import type { z } from 'zod';
import { setActionStatus } from '@/scripts/support/action-status.mjs';
import type { User } from '@/db/schema';
import { ErrataError, refusalFromDatabase, storeUnavailable } from '@/lib/errors';
import { logIfUnavailable } from '@/app/(api)/unavailable';
import { fieldsWithNul, isFrameworkField, messagesByField, missingFieldError, NUL_MESSAGE, repeatedFieldMessage, singleValues, withoutNul } from '@/lib/form-fields';
import { HIDDEN_FIELD_MESSAGE, hasHiddenCharacters, withoutHiddenCharacters } from '@/lib/limits';
import type { Permission } from '@/lib/roles';
import { AccessError, checkPermission, requireUser } from './access';

export interface FormState {
  ok?: boolean;
  /** A message for the whole form. */
  message?: string;
  /** Field-level errors, shown beside each field. */
  errors?: Record<string, string[] | undefined>;
  /** What the person typed, returned so nothing is lost when a save is refused. */
  values?: Record<string, string>;
  /** Anything else a particular form needs to show (e.g. the other editor's change). */
  detail?: unknown;
  /** The HTTP status a refusal was answered with. */
  status?: RefusalStatus;
}

/** The refusals an action answers with: its HTTP status says what went wrong, the state says how to fix it (503: try again shortly). */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

/**
 * A refused action's state, answered with a real 4xx (Next would send 200): scripts/server.mjs runs
 * each action request with a status the action may set, and makes it the response's status
 * (scripts/support/action-status.mjs). The form still gets the state: its errors and the typed text.
 */
export async function refuse(status: RefusalStatus, state: FormState): Promise<FormState> {
  setActionStatus(status);
  return { ...state, status };
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !isFrameworkField(key)) values[key] = value;
  }
  return values;
}

/**
 * A service's refusal (the one typed error, lib/errors.ts) as the form's state and status, and the
 * store being unavailable as a 503 saying to try again, with the typed text kept; anything else is a
 * real error.
 */
export async function refusalFor(thrown: unknown, values?: Record<string, string>): Promise<FormState> {
  const error = thrown instanceof ErrataError ? thrown : (refusalFromDatabase(thrown) ?? storeUnavailable(thrown));
  if (!error) throw thrown;
  if (error.code === 'unavailable') logIfUnavailable('a desk form', error);
  // About one field: the error stands beside it, and the form's message points there.
  if (error.field) return refuse(error.status, { message: 'Please correct the fields marked below.', errors: { [error.field]: [error.message] }, values });
  return refuse(error.status, { message: error.message, values });
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; status: 400 | 422; state: FormState };

/** Parses the form once: a repeated field is refused, never resolved to one of its values. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.infer<S>> {
  const single = singleValues(formData.entries());
  if (!single.ok) {
    const message = repeatedFieldMessage(single.repeated);
    return { ok: false, status: 400, state: { message, errors: Object.fromEntries(single.repeated.map((n) => [n, [message]])), values: formValues(formData) } };
  }
  const { values } = single;
  // A NUL is never text anyone typed, and PostgreSQL refuses it in any text: a field error, on either
  // store, and the rest of what was typed comes back.
  const nul = fieldsWithNul(values);
  if (nul.length > 0) {
    return { ok: false, status: 422, state: { errors: Object.fromEntries(nul.map((n) => [n, [NUL_MESSAGE]])), values: withoutNul(values), message: 'Please correct the fields marked below.' } };
  }
  // Nor is a control character, an invisible formatting character or a direction override (they hide
  // or reorder what readers see): refused in every field of every desk form, the rest kept, without them.
  const hidden = Object.keys(values).filter((name) => hasHiddenCharacters(values[name], { lines: true }));
  if (hidden.length > 0) {
    const kept = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, withoutHiddenCharacters(value, { lines: true })]));
    return { ok: false, status: 422, state: { errors: Object.fromEntries(hidden.map((n) => [n, [HIDDEN_FIELD_MESSAGE]])), values: kept, message: 'Please correct the fields marked below.' } };
  }
  const parsed = schema.safeParse(values, { error: missingFieldError() });
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors = messagesByField(parsed.error.issues.map((issue) => ({ key: String(issue.path[0] ?? 'form'), message: issue.message })));
  return { ok: false, status: 422, state: { errors, values, message: 'Please correct the fields marked below.' } };
}

export type Authorised<T> = { ok: true; user: User; data: T } | { ok: false; state: FormState };

/** What an action needs: one permission, or one that depends on what was parsed (e.g. the change kind). */
export type Needs<T> = Permission | ((data: T) => Permission);

/**
 * The first steps of every desk action: who is calling (401 if nobody), the form parsed once with
 * its schema (400 for a repeated field, 422 for invalid ones), then the role table asked about the
 * PARSED value (403 if it says no). Each refusal comes back as a state the form shows, with what was
 * typed; nothing has been written.
 */
export async function authorize<S extends z.ZodType>(formData: FormData, schema: S, needs: Needs<z.infer<S>>): Promise<Authorised<z.infer<S>>> {
  // Never the only guard (the proxy refuses such requests first): an action called with anything but a form.
  if (!(formData instanceof FormData)) return { ok: false, state: await refuse(400, { message: 'This request is not one of the desk’s forms; reload the page and send the form again.' }) };
  try {
    const user = await requireUser();
    // A fixed permission is checked before parsing, so a refused caller learns nothing of the schema.
    if (typeof needs === 'string') checkPermission(user, needs);
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return { ok: false, state: await refuse(parsed.status, parsed.state) };
    if (typeof needs === 'function') checkPermission(user, needs(parsed.data));
    return { ok: true, user, data: parsed.data };
  } catch (error) {
    // The session's check is the action's first read of the store: its being unavailable is refused here as anywhere.
    if (!(error instanceof AccessError)) return { ok: false, state: await refusalFor(error, formValues(formData)) };
    // Typed text survives a session that ended mid-edit: sign in again in another tab, then save.
    const message = error.code === 'unauthenticated' ? `${error.message} Your session has ended: sign in again (in another tab), then save; your text is kept below.` : error.message;
    return { ok: false, state: await refuse(error.status, { message, values: formValues(formData) }) };
  }
}
