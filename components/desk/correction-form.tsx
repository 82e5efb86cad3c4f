'use client';
// Drafting or editing a correction: its claims, kind, mode, public wording and replacement words.
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { useLimitCheck } from '@/components/ui/use-limit-check';
import { CORRECTION_LIMITS } from '@/lib/limits';
import { CORRECTION_KIND_LABELS, CORRECTION_KINDS } from '@/lib/types';
import type { ArticleFormState as FormState } from './article-form';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

interface Props {
  action: Action;
  hidden: Record<string, string>;
  claims: string[];
  initial: { kind: string; mode: string; wording: string; replacements?: string[] };
  submitLabel: string;
}

export function CorrectionForm({ action, hidden, claims, initial, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const values: Record<string, string> = {
    kind: initial.kind,
    mode: initial.mode,
    wording: initial.wording,
    ...Object.fromEntries((initial.replacements ?? []).map((r, i) => [`replacement${i}`, r])),
    ...state.values,
  };
  const { limitErrors, onSubmit } = useLimitCheck(CORRECTION_LIMITS);
  const errors = { ...state.errors, ...limitErrors };
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="correction-form">
      {/* A refusal may hand back a hidden value to send next time (the revision now shown). */}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={state.values?.[name] ?? value} />
      ))}
      {state.message ? (
        <p className={state.ok ? 'banner' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </p>
      ) : null}
      {errors.claims ? <p className="field-error">{errors.claims.join(' ')}</p> : null}
      <fieldset>
        <legend>The claims</legend>
        {claims.map((exact, i) => (
          <div key={i} className="claim-row">
            <p>
              <span className="meta">Claim {i + 1}:</span> <mark className="claim">{exact}</mark>
            </p>
            {/* Shown only in amend mode (globals.css: a notice-only correction replaces no words), without needing a script. */}
            <div className="replacement">
              <Field name={`replacement${i}`} label={`Replacement words for claim ${i + 1} (to amend the text)`} errors={errors[`replacement${i}`]}>
                {(p) => <input {...p} defaultValue={values[`replacement${i}`]} />}
              </Field>
            </div>
          </div>
        ))}
      </fieldset>
      <Field name="kind" label="Kind" errors={errors.kind}>
        {(p) => (
          <select {...p} defaultValue={values.kind}>
            {CORRECTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {CORRECTION_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>Mode</legend>
        <label className="inline">
          <input type="radio" name="mode" value="notice" defaultChecked={values.mode !== 'amend'} /> Notice only: the text stays as published
        </label>
        <label className="inline">
          <input type="radio" name="mode" value="amend" defaultChecked={values.mode === 'amend'} /> Amend: a new version replaces the claim&apos;s words
        </label>
        {errors.mode ? <p className="field-error">{errors.mode.join(' ')}</p> : null}
      </fieldset>
      <Field name="wording" label="Public wording" errors={errors.wording} hint="What readers will read, e.g. “They actually lost 842 council seats and 11 councils.”">
        {(p) => <textarea {...p} defaultValue={values.wording} rows={3} />}
      </Field>
      <p>
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
}
