// What every desk form action returns, and the two steps each takes first: access, then validation.
import 'server-only';
import type { z } from 'zod';
import type { User } from '@/db/schema';
import type { Role } from '@/lib/types';
import { AccessError, requireRole } from './access';

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
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

/** Turns a refused access check into a form message; anything else is a real error. */
export function accessRefused(error: unknown): FormState {
  if (error instanceof AccessError) return { message: error.message };
  throw error;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: FormState };

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.infer<S>> {
  const values = formValues(formData);
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

/**
 * The first two steps of every desk action: the caller's role (reloaded from the database), then
 * the form. Either fails with a state the form shows; nothing has been written.
 */
export async function requireRoleFor<S extends z.ZodType>(role: Role, schema: S, formData: FormData): Promise<Authorised<z.infer<S>>> {
  let user: User;
  try {
    user = await requireRole(role);
  } catch (error) {
    return { ok: false, state: accessRefused(error) };
  }
  const parsed = parseForm(schema, formData);
  return parsed.ok ? { ok: true, user, data: parsed.data } : parsed;
}
