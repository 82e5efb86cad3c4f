'use client';
// The confirming step of a new edition: the corrections previewed above become a draft edition.
import { useActionState } from 'react';
import type { ArticleFormState as FormState } from './article-form';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export function CreateEditionForm({ action, hidden, count }: { action: Action; hidden: Record<string, string>; count: number }) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = Object.values(state.errors ?? {}).flat().filter(Boolean) as string[];
  return (
    <form action={formAction}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.message ? (
        <div className="form-error" role="alert">
          <p>{state.message}</p>
          {errors.length ? (
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <button type="submit" disabled={pending}>
        Create the draft edition ({count === 1 ? '1 item' : `${count} items`})
      </button>
    </form>
  );
}
