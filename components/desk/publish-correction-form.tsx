'use client';
// Publishing a draft; when the article changed meanwhile, shows where the claims now stand and asks to confirm.
import { useActionState } from 'react';
import type { ArticleFormState as FormState } from './article-form';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

interface Reanchored {
  latestNumber: number;
  baseNumber: number;
  claims: { claimId: number; exact: string; status: string }[];
}

export function PublishCorrectionForm({ action, correctionId }: { action: Action; correctionId: number }) {
  const [state, formAction, pending] = useActionState(action, {});
  const reanchored = (state.detail as { reanchored?: Reanchored } | undefined)?.reanchored;
  const canConfirm = reanchored && reanchored.claims.every((c) => c.status === 'found');
  return (
    <form action={formAction} className="publish-form">
      <input type="hidden" name="correctionId" value={correctionId} />
      {state.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {reanchored ? (
        <ul>
          {reanchored.claims.map((c) => (
            <li key={c.claimId}>
              “{c.exact}”: {c.status === 'found' ? `found in version ${reanchored.latestNumber}` : c.status}
            </li>
          ))}
        </ul>
      ) : null}
      {canConfirm ? <input type="hidden" name="confirmedVersion" value={reanchored.latestNumber} /> : null}
      <button type="submit" disabled={pending}>
        {canConfirm ? 'Confirm and publish' : 'Publish correction'}
      </button>
    </form>
  );
}
