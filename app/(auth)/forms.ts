// What every desk form action returns, and the two steps each takes first: access, then validation.
import 'server-only';
import type { z } from 'zod';
import type { User } from '@/db/schema';
import { isFrameworkField, repeatedFieldMessage, singleValues } from '@/lib/form-fields';
import type { Permission } from '@/lib/roles';
import { checkPermission, interrupt, requireUser } from './access';

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
}

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === 'string' && !isFrameworkField(key)) values[key] = value;
  }
  return values;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

/** Parses the form once: a repeated field is refused, never resolved to one of its values. */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.infer<S>> {
  const single = singleValues(formData.entries());
  if (!single.ok) {
    const message = repeatedFieldMessage(single.repeated);
    return { ok: false, state: { message, errors: Object.fromEntries(single.repeated.map((n) => [n, [message]])), values: formValues(formData) } };
  }
  const { values } = single;
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? 'form');
    (errors[key] ??= []).push(issue.message);
  }
  return { ok: false, state: { errors, values, message: 'Please correct the fields marked below.' } };
}

export type Authorised<T> = { ok: true; user: User; data: T } | { ok: false; state: FormState };

/** What an action needs: one permission, or one that depends on what was parsed (e.g. the change kind). */
export type Needs<T> = Permission | ((data: T) => Permission);

/**
 * The first steps of every desk action: who is calling (401 if nobody), the form parsed once with
 * its schema, then the role table asked about the PARSED value (403 if it says no). Validation
 * failures come back as a state the form shows; nothing has been written either way.
 */
export async function authorize<S extends z.ZodType>(formData: FormData, schema: S, needs: Needs<z.infer<S>>): Promise<Authorised<z.infer<S>>> {
  try {
    const user = await requireUser();
    // A fixed permission is checked before parsing, so a refused caller learns nothing of the schema.
    if (typeof needs === 'string') checkPermission(user, needs);
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return parsed;
    if (typeof needs === 'function') checkPermission(user, needs(parsed.data));
    return { ok: true, user, data: parsed.data };
  } catch (error) {
    interrupt(error);
  }
}
