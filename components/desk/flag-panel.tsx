'use client';
// A stealth-edit flag on the desk article page: what changed in a version that came from a CMS,
// and the form that resolves it (a correction that covers it, or a reason), errors beside fields.
import { useActionState } from 'react';
import type { ArticleFormState } from './article-form';

type Action = (state: ArticleFormState, formData: FormData) => Promise<ArticleFormState>;

export interface FlagView {
  id: number;
  versionNumber: number;
  changes: string[];
  resolution: string | null;
  resolvedAt: string | null;
}

export function FlagPanel({ flag, articleId, corrections, action, canResolve }: { flag: FlagView; articleId: number; corrections: { id: number; label: string }[]; action: Action; canResolve: boolean }) {
  const [state, formAction, pending] = useActionState(action, {});
  const done = flag.resolvedAt !== null || state.ok;
  return (
    <li className={done ? 'flag flag-resolved' : 'flag'}>
      <p>
        <strong>Version {flag.versionNumber}</strong> came from the CMS and changed facts without a correction: {flag.changes.join('; ')}.
      </p>
      {flag.resolvedAt ? (
        <p className="meta">
          Resolved {flag.resolvedAt}: {flag.resolution}
        </p>
      ) : state.ok ? (
        <p className="banner" role="status">
          {state.message}
        </p>
      ) : canResolve ? (
        <form action={formAction} className="flag-form">
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="flagId" value={flag.id} />
          {state.message ? (
            <p className="form-error" role="alert">
              {state.message}
            </p>
          ) : null}
          <label htmlFor={`flag-${flag.id}-correction`}>Covered by</label>
          <select id={`flag-${flag.id}-correction`} name="correctionId" defaultValue={state.values?.correctionId ?? ''} aria-invalid={!!state.errors?.correctionId}>
            <option value="">No correction</option>
            {corrections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
          {state.errors?.correctionId ? <p className="field-error">{state.errors.correctionId.join(' ')}</p> : null}
          <label htmlFor={`flag-${flag.id}-reason`}>Or the reason it needs none</label>
          <input id={`flag-${flag.id}-reason`} name="reason" defaultValue={state.values?.reason ?? ''} aria-invalid={!!state.errors?.reason} />
          {state.errors?.reason ? <p className="field-error">{state.errors.reason.join(' ')}</p> : null}
          <button type="submit" disabled={pending}>
            Resolve flag
          </button>
        </form>
      ) : (
        <p className="meta">A standards editor resolves it.</p>
      )}
    </li>
  );
}
