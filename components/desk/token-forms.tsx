'use client';
// The form that makes an API token (/desk/tokens): its secret is shown once, in the answer.
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { API_SCOPES } from '@/lib/types';
import type { ArticleFormState } from './article-form';

type Action = (state: ArticleFormState, formData: FormData) => Promise<ArticleFormState>;

const SCOPE_HINTS: Record<(typeof API_SCOPES)[number], string> = {
  ingest: 'Send articles and their revisions (PUT /api/v1/articles/…), import ANS.',
  read: 'Read articles, versions, corrections and annotations.',
  'corrections:write': 'Draft corrections on quoted claims; a standards editor publishes them here.',
};

export function CreateTokenForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  const secret = (state.detail as { secret?: string } | undefined)?.secret;
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={formAction} className="token-form" key={state.ok ? `made-${secret}` : 'typing'}>
      {state.message ? (
        <p className={state.ok ? 'banner' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </p>
      ) : null}
      {secret ? (
        <p>
          <label htmlFor="token-secret">Secret</label>
          <input id="token-secret" readOnly value={secret} className="token-secret" />
        </p>
      ) : null}
      <Field name="name" label="Name" errors={state.errors?.name} hint="What uses it, e.g. “cms” or “wordpress-live”.">
        {(p) => <input {...p} defaultValue={values.name ?? ''} autoComplete="off" />}
      </Field>
      <fieldset aria-describedby={state.errors?.scopes ? 'scopes-error' : undefined}>
        <legend>Scopes</legend>
        {API_SCOPES.map((s) => (
          <p key={s}>
            <input type="checkbox" id={`scope-${s}`} name={`scope_${s.replace(':', '_')}`} defaultChecked={values[`scope_${s.replace(':', '_')}`] === 'on'} />{' '}
            <label htmlFor={`scope-${s}`}>
              <code>{s}</code>: {SCOPE_HINTS[s]}
            </label>
          </p>
        ))}
        {state.errors?.scopes ? (
          <p id="scopes-error" className="field-error">
            {state.errors.scopes.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <Field name="rate" label="Calls a minute" errors={state.errors?.rate ?? state.errors?.ratePerMinute} hint="Blank for 120.">
        {(p) => <input {...p} inputMode="numeric" defaultValue={values.rate ?? ''} />}
      </Field>
      <button type="submit" disabled={pending}>
        Make token
      </button>
    </form>
  );
}
