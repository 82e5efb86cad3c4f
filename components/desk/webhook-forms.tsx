'use client';
// The form that adds a webhook subscription (/desk/webhooks): the receiver's address, the events it
// is sent and a note of what it is; on success the signing secret, shown this once.
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { useLimitCheck } from '@/components/ui/use-limit-check';
import type { Limit } from '@/lib/limits';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@/lib/types';
import type { ArticleFormState } from './article-form';

type Action = (state: ArticleFormState, formData: FormData) => Promise<ArticleFormState>;

const EVENT_HINTS: Record<WebhookEvent, string> = {
  'correction.published': 'a correction, clarification or note is published',
  'correction.withdrawn': 'a published correction is withdrawn, with its reason',
  'article.amended': 'a published article gets a new version',
  'column.published': 'an edition of the column is published',
  'report.received': 'a reader reports an error (never their words or address)',
};

export function SubscriptionForm({ action, limits }: { action: Action; limits: Record<string, Limit> }) {
  const [state, formAction, pending] = useActionState(action, {});
  const { limitErrors, onSubmit } = useLimitCheck(limits);
  const errors = { ...state.errors, ...limitErrors };
  const made = state.ok ? (state.detail as { secret: string; url: string } | undefined) : undefined;
  // A refusal keeps what was typed and ticked; a new form starts with every event ticked.
  const values = state.ok || !state.values ? null : state.values;
  const ticked = (e: WebhookEvent) => (values ? values[`event-${e}`] === 'on' : true);
  return (
    <>
      {state.message ? (
        <p className={state.ok ? 'banner' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </p>
      ) : null}
      {made ? (
        <div className="banner">
          <label htmlFor="webhook-secret">Signing secret</label>
          <input id="webhook-secret" readOnly value={made.secret} aria-describedby="webhook-secret-hint" onFocus={(e) => e.currentTarget.select()} />
          <p id="webhook-secret-hint">
            <strong>Copy it now: it is not shown again.</strong> The receiver verifies each message with it (any Standard Webhooks library: the <code>webhook-id</code>, <code>webhook-timestamp</code> and <code>webhook-signature</code> headers). Lost, it cannot be shown: disable the subscription and add another.
          </p>
        </div>
      ) : null}
      <form action={formAction} onSubmit={onSubmit} noValidate key={state.ok ? `made-${made?.secret}` : `typed-${JSON.stringify(values)}`}>
        <Field name="url" label="Receiver’s address" errors={errors.url} hint="Where each message is POSTed, such as https://cms.example.com/hooks/errata. Redirects are not followed.">
          {(p) => <input {...p} type="url" inputMode="url" autoComplete="off" defaultValue={values?.url ?? ''} />}
        </Field>
        <fieldset aria-describedby={errors.events ? 'events-error' : undefined}>
          <legend>Events to send</legend>
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e}>
              <input type="checkbox" name={`event-${e}`} defaultChecked={ticked(e)} />
              <span>
                <code>{e}</code>: {EVENT_HINTS[e]}
              </span>
            </label>
          ))}
          {errors.events ? (
            <p id="events-error" className="field-error">
              {errors.events.join(' ')}
            </p>
          ) : null}
        </fieldset>
        <Field name="description" label="Description (optional)" errors={errors.description} hint="What receives it, for whoever reads this page next.">
          {(p) => <input {...p} autoComplete="off" defaultValue={values?.description ?? ''} />}
        </Field>
        <p>
          <button type="submit" disabled={pending}>
            Add subscription
          </button>
        </p>
      </form>
    </>
  );
}
