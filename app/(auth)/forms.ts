// What every desk form action returns, and the two steps each takes first: access, then validation.
import 'server-only';
import type { z } from 'zod';
import { AccessError } from './access';

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
