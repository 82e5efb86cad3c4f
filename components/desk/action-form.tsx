'use client';
// A small desk form (publish, withdraw…) that shows the action's message or field errors in place.
import { type ReactNode, useActionState } from 'react';
import { useLimitCheck } from '@/components/ui/use-limit-check';
import { REASON_LIMITS } from '@/lib/limits';
import type { ArticleFormState } from './article-form';

type Action = (state: ArticleFormState, formData: FormData) => Promise<ArticleFormState>;

interface Props {
  action: Action;
  hidden: Record<string, string>;
  submitLabel: string;
  reasonLabel?: string;
  className?: string;
  children?: ReactNode;
}

export function ActionForm({ action, hidden, submitLabel, reasonLabel, className, children }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const { limitErrors, onSubmit } = useLimitCheck(REASON_LIMITS);
  const reasonError = limitErrors.reason ?? state.errors?.reason;
  const id = `reason-${submitLabel.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <form action={formAction} onSubmit={onSubmit} className={className}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {children}
      {Object.entries(state.errors ?? {})
        .filter(([name, messages]) => name !== 'reason' && messages?.length && messages.join(' ') !== state.message)
        .map(([name, messages]) => (
          <p key={name} className="field-error" role="alert">
            {messages?.join(' ')}
          </p>
        ))}
      {reasonLabel ? (
        <>
          <label htmlFor={id}>{reasonLabel}</label>
          <input id={id} name="reason" aria-invalid={!!reasonError} defaultValue={state.values?.reason} />
          {reasonError ? <p className="field-error">{reasonError.join(' ')}</p> : null}
        </>
      ) : null}
      <button type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
