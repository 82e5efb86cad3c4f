'use client';
// Drafting or editing a correction: its claims, kind, mode, public wording, replacement words and
// (as far as the desk has it yet) the error taxonomy.
import { useActionState, useState, type FormEvent } from 'react';
import { Field } from '@/components/ui/field';
import { useLimitCheck } from '@/components/ui/use-limit-check';
import { CORRECTION_LIMITS } from '@/lib/limits';
import { CORRECTION_KIND_LABELS, CORRECTION_KINDS } from '@/lib/types';
import type { ArticleFormState as FormState } from './article-form';
import { type TaxonomyOptions, TaxonomyFields } from './taxonomy-fields';
import { type DraftValues, type PreviewContext, WordingPreview } from './wording-preview';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

interface Props {
  action: Action;
  hidden: Record<string, string>;
  claims: string[];
  initial: { kind: string; mode: string; wording: string; said?: string; about?: string; replacements?: string[]; errorType?: string | null; errorCause?: string | null; foundBy?: string | null };
  /** The configured taxonomy lists (lib/standards/config.ts). */
  taxonomy: TaxonomyOptions;
  submitLabel: string;
  /** What the live preview of the notice and the column item needs from the server. */
  preview?: PreviewContext;
}

function draftValues(values: Record<string, string>, count: number): DraftValues {
  return {
    kind: values.kind ?? 'correction',
    mode: values.mode ?? 'notice',
    wording: values.wording ?? '',
    said: values.said ?? '',
    about: values.about ?? '',
    replacements: Array.from({ length: count }, (_, i) => values[`replacement${i}`] ?? ''),
  };
}

export function CorrectionForm({ action, hidden, claims, initial, taxonomy, submitLabel, preview }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const values: Record<string, string> = {
    kind: initial.kind,
    mode: initial.mode,
    wording: initial.wording,
    said: initial.said ?? '',
    about: initial.about ?? '',
    errorType: initial.errorType ?? '',
    errorCause: initial.errorCause ?? '',
    foundBy: initial.foundBy ?? '',
    ...Object.fromEntries((initial.replacements ?? []).map((r, i) => [`replacement${i}`, r])),
    ...state.values,
  };
  const { limitErrors, onSubmit } = useLimitCheck(CORRECTION_LIMITS);
  const errors = { ...state.errors, ...limitErrors };
  // The preview follows every keystroke; the fields stay uncontrolled, so a refusal's typed text comes back as their defaults.
  const [typed, setTyped] = useState<DraftValues | null>(null);
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const data = new FormData(event.currentTarget);
    setTyped(draftValues(Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)])), claims.length));
  };
  const shown = typed ?? draftValues(values, claims.length);
  return (
    <form action={formAction} onSubmit={onSubmit} onInput={onInput} onChange={onInput} noValidate className="correction-form">
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
          // Keyed on its value: React's reset after a refused save would otherwise put the first option back.
          <select {...p} key={values.kind} defaultValue={values.kind}>
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
      <Field
        name="said"
        label="What the article said (optional)"
        errors={errors.said}
        hint="In your own words, without “This article said”, e.g. “the Alliance lost nine councils”. Left blank, the column quotes the claim’s words."
      >
        {(p) => <input {...p} defaultValue={values.said} />}
      </Field>
      <Field name="wording" label="Public wording: what is right" errors={errors.wording} hint="e.g. “They actually lost 842 council seats and 11 councils.”">
        {(p) => <textarea {...p} defaultValue={values.wording} rows={3} />}
      </Field>
      <Field name="about" label="The column calls the article “An article about …” (optional)" errors={errors.about} hint="e.g. “the local elections”. Left blank, the column names it by its headline.">
        {(p) => <input {...p} defaultValue={values.about} />}
      </Field>
      <TaxonomyFields options={taxonomy} values={values} errors={errors} />
      {preview ? <WordingPreview context={preview} values={shown} /> : null}
      <p>
        <button type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </p>
    </form>
  );
}
