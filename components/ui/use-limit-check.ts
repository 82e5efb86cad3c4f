'use client';
// Checks a form's fields against their length limits before it is sent: a field over its limit gets
// its error beside it and the form is not submitted, so nothing typed is lost to a refused request.
import { type FormEvent, useState } from 'react';
import { type Limit, limitErrors } from '@/lib/limits';

export function useLimitCheck(limits: Record<string, Limit>) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  function check(form: HTMLFormElement): boolean {
    const found = limitErrors(new FormData(form).entries(), limits);
    setErrors(found ?? {});
    if (!found) return true;
    const first = form.elements.namedItem(Object.keys(found)[0]);
    if (first instanceof HTMLElement) first.focus();
    return false;
  }
  /** For a form's onSubmit: stops the submission (and its action) when a field is over its limit. */
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (!check(event.currentTarget)) event.preventDefault();
  }
  return { limitErrors: errors, onSubmit, check };
}
