'use client';
// Starting a column edition: its date, and an explicit confirmation when that date is already past
// or more than a week ahead. Then the standards editor chooses its corrections (/desk/column/new).
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import type { ArticleFormState as FormState } from './article-form';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function GenerateEditionForm({ action, today }: { action: Action; today: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="step" value="choose" />
      {state.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      <Field name="date" label="Edition date" errors={errors.date}>
        {(p) => <input {...p} type="date" defaultValue={state.values?.date ?? today} />}
      </Field>
      <div className="field">
        <label>
          <input type="checkbox" name="backdated" aria-invalid={!!errors.backdated?.length} /> This edition is backdated
        </label>
        {errors.backdated?.length ? <p className="field-error">{errors.backdated.join(' ')}</p> : null}
      </div>
      <div className="field">
        <label>
          <input type="checkbox" name="ahead" aria-invalid={!!errors.ahead?.length} /> This edition is dated more than a week ahead
        </label>
        {errors.ahead?.length ? <p className="field-error">{errors.ahead.join(' ')}</p> : null}
      </div>
      <button type="submit" disabled={pending}>
        Choose corrections
      </button>
    </form>
  );
}
