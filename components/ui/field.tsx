// A labelled form field with its error shown beside it and announced to screen readers.
import type { ReactNode } from 'react';

interface FieldProps {
  name: string;
  label: string;
  /** When one page has two fields of the same name (two forms), the second needs its own id. */
  id?: string;
  errors?: string[];
  hint?: ReactNode;
  children: (props: { id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

export function Field({ name, label, id: givenId, errors, hint, children }: FieldProps) {
  const id = givenId ?? `field-${name}`;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="meta">
          {hint}
        </p>
      ) : null}
      {children({ id, name, 'aria-invalid': !!errors?.length, 'aria-describedby': describedBy })}
      {errors?.length ? (
        <p id={errorId} className="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
