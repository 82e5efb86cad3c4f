'use client';
// The article form: new drafts and new versions. On a refused save it keeps every word typed.
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { useLimitCheck } from '@/components/ui/use-limit-check';
import { ARTICLE_LIMITS } from '@/lib/limits';
import { CHANGE_KIND_LABELS, CHANGE_KINDS } from '@/lib/types';

export interface ArticleFormState {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  detail?: unknown;
}

type Action = (state: ArticleFormState, formData: FormData) => Promise<ArticleFormState>;

interface Conflict {
  number: number;
  by: string | null;
  headline: string;
  standfirst: string;
  body: string;
}

interface Props {
  action: Action;
  mode: 'create' | 'edit';
  initial: Record<string, string>;
  canLegal?: boolean;
  /** The article's published corrections this edit could carry out ("this edit carries out correction N"). */
  carryOut?: { id: number; label: string }[];
}

export function ArticleForm({ action, mode, initial, canLegal = false, carryOut = [] }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const values = { ...initial, ...state.values };
  const { limitErrors, onSubmit } = useLimitCheck(ARTICLE_LIMITS);
  const errors = { ...state.errors, ...limitErrors };
  const conflict = (state.detail as { conflict?: Conflict } | undefined)?.conflict;
  return (
    // React resets a form after its action; the fields come back as the defaultValues the server returned.
    <form action={formAction} onSubmit={onSubmit} noValidate>
      {state.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {conflict ? (
        <section className="conflict" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">
            Version {conflict.number}, saved {conflict.by ? `by ${conflict.by}` : 'meanwhile'}
          </h2>
          <p className="meta">Their text, as it now stands. Your own text is in the form below.</p>
          <p>
            <strong>{conflict.headline}</strong>
          </p>
          <p>{conflict.standfirst}</p>
          <pre className="conflict-body" data-testid="conflict-body">
            {conflict.body}
          </pre>
        </section>
      ) : null}
      {mode === 'edit' ? (
        <>
          <input type="hidden" name="articleId" value={values.articleId} />
          <input type="hidden" name="baseNumber" value={values.baseNumber} />
        </>
      ) : (
        <>
          <Field name="slug" label="Slug" errors={errors.slug} hint="Lower-case words joined by hyphens; part of the article's address.">
            {(p) => <input {...p} defaultValue={values.slug} required />}
          </Field>
          <Field name="section" label="Section" errors={errors.section}>
            {(p) => <input {...p} defaultValue={values.section} required />}
          </Field>
          <Field name="byline" label="Byline" errors={errors.byline}>
            {(p) => <input {...p} defaultValue={values.byline} required />}
          </Field>
        </>
      )}
      <Field name="headline" label="Headline" errors={errors.headline}>
        {(p) => <input {...p} defaultValue={values.headline} required />}
      </Field>
      <Field name="standfirst" label="Standfirst" errors={errors.standfirst}>
        {(p) => <textarea {...p} defaultValue={values.standfirst} rows={2} />}
      </Field>
      <Field name="body" label="Body" errors={errors.body} hint="Markdown: blank lines between paragraphs, *emphasis*, [links](https://…), ## subheadings.">
        {(p) => <textarea {...p} defaultValue={values.body} rows={18} required />}
      </Field>
      {mode === 'edit' ? (
        <>
          <Field name="changeKind" label="Kind of change" errors={errors.changeKind}>
            {(p) => (
              // React's form reset puts a <select> back to the option it was first rendered with,
              // not to a newer defaultValue: keyed on the value, it is rebuilt with the editor's
              // choice, so a refused save never quietly becomes an Update.
              <select {...p} key={values.changeKind ?? 'update'} defaultValue={values.changeKind ?? 'update'}>
                {CHANGE_KINDS.filter((k) => k !== 'first_publication' && (k !== 'legal' || canLegal)).map((k) => (
                  <option key={k} value={k}>
                    {CHANGE_KIND_LABELS[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {carryOut.length > 0 || values.carriesOut ? (
            <Field
              name="carriesOut"
              label="This edit carries out a correction"
              errors={errors.carriesOut}
              hint="Its notice will say the article was amended, its mark moves to the new words, and the history shows this version as its amendment."
            >
              {(p) => (
                <select {...p} defaultValue={values.carriesOut && values.carriesOut !== 'undefined' ? values.carriesOut : ''}>
                  <option value="">No: an edit of its own</option>
                  {carryOut.map((c) => (
                    <option key={c.id} value={String(c.id)}>
                      {c.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field name="note" label="Note on this change" errors={errors.note}>
            {(p) => <input {...p} defaultValue={values.note} />}
          </Field>
          {(state.detail as { substantive?: unknown[] } | undefined)?.substantive || values.minorReason ? (
            <Field name="minorReason" label="Why this is only a minor edit (kept on the record)" errors={errors.minorReason}>
              {(p) => <input {...p} defaultValue={values.minorReason} />}
            </Field>
          ) : null}
          {canLegal ? (
            <fieldset className="legal">
              <legend>Legal removal (only with the kind “Legal”)</legend>
              <Field name="withhold" label="Versions to withhold from readers" errors={errors.withhold} hint='Numbers, e.g. "2, 3".'>
                {(p) => <input {...p} defaultValue={values.withhold} />}
              </Field>
              <Field name="legalReason" label="Legal reason (desk only)" errors={errors.legalReason}>
                {(p) => <input {...p} defaultValue={values.legalReason} />}
              </Field>
            </fieldset>
          ) : null}
        </>
      ) : null}
      <p>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : mode === 'create' ? 'Create draft' : 'Save new version'}
        </button>
      </p>
    </form>
  );
}
