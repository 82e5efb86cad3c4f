'use client';
// The casebook's forms (/desk/cases/new and a case's page): each field's error beside it, the typed
// text kept after a refusal. The lists (routes, clauses, owners, outcomes) come from the page.
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { useLimitCheck } from '@/components/ui/use-limit-check';
import { CASE_LIMITS } from '@/lib/limits';
import type { ArticleFormState as FormState } from '@/components/desk/article-form';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export interface Choice {
  value: string;
  label: string;
}

export interface OwnerChoice {
  id: number;
  name: string;
  role: string;
}

function Message({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p className={state.ok ? 'banner' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
      {state.message}
    </p>
  );
}

/** Errors about fields the form has no place for (a clause box sent with a value, say). */
function OtherErrors({ errors, shown }: { errors: Record<string, string[] | undefined>; shown: string[] }) {
  const rest = Object.entries(errors).filter(([name, messages]) => !shown.includes(name) && messages?.length);
  if (rest.length === 0) return null;
  return (
    <ul className="field-error">
      {rest.map(([name, messages]) => (
        <li key={name}>{messages?.join(' ')}</li>
      ))}
    </ul>
  );
}

function ClauseBoxes({ clauses, ticked, errors, legend }: { clauses: Choice[]; ticked: (code: string) => boolean; errors?: string[]; legend: string }) {
  return (
    <fieldset aria-describedby={errors?.length ? 'clauses-error' : undefined}>
      <legend>{legend}</legend>
      <div className="clause-boxes">
        {clauses.map((c) => (
          <label key={c.value}>
            <input type="checkbox" name={`clause-${c.value}`} defaultChecked={ticked(c.value)} /> {c.label}
          </label>
        ))}
      </div>
      {errors?.length ? (
        <p id="clauses-error" className="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}

function OwnerSelect({ owners, value, ...props }: { owners: OwnerChoice[]; value: string; id: string; name: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) {
  return (
    <select {...props} defaultValue={value}>
      <option value="">Nobody yet</option>
      {owners.map((o) => (
        <option key={o.id} value={String(o.id)}>
          {o.name} ({o.role})
        </option>
      ))}
    </select>
  );
}

export function LogCaseForm({ action, channels, routes, clauses, owners, today }: { action: Action; channels: Choice[]; routes: Choice[]; clauses: Choice[]; owners: OwnerChoice[]; today: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const { limitErrors, onSubmit } = useLimitCheck(CASE_LIMITS);
  const errors = { ...state.errors, ...limitErrors };
  const v = state.values ?? {};
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="case-form" key={JSON.stringify(v)}>
      <Message state={state} />
      <fieldset>
        <legend>How it came in</legend>
        <Field name="channel" label="Channel" errors={errors.channel}>
          {(p) => (
            <select {...p} defaultValue={v.channel ?? channels[0]?.value}>
              {channels.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="route" label="Route" errors={errors.route} hint="The response is due after the route’s days (set in the standards settings).">
          {(p) => (
            <select {...p} defaultValue={v.route ?? 'direct'}>
              {routes.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="receivedAt" label="Received on" errors={errors.receivedAt} hint="The day it reached the newsroom; not after today.">
          {(p) => <input {...p} type="date" max={today} defaultValue={v.receivedAt ?? today} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>The complainant</legend>
        <Field name="complainantName" label="Name" errors={errors.complainantName}>
          {(p) => <input {...p} autoComplete="off" defaultValue={v.complainantName} />}
        </Field>
        <Field name="complainantContact" label="Contact (optional)" errors={errors.complainantContact} hint="An email address, phone number or postal address. Never shown to readers: only the desk sees it.">
          {(p) => <textarea {...p} rows={2} autoComplete="off" defaultValue={v.complainantContact} />}
        </Field>
      </fieldset>
      <Field name="summary" label="What the complaint says" errors={errors.summary}>
        {(p) => <textarea {...p} rows={4} defaultValue={v.summary} />}
      </Field>
      <Field
        name="articles"
        label="Articles complained about"
        errors={errors.articles}
        hint={
          <>
            One a line: the article’s slug or address, and optionally the words complained about after a bar, e.g. <code>harbour-bridge-reopens | 41 berths</code>.
          </>
        }
      >
        {(p) => <textarea {...p} rows={3} spellCheck={false} defaultValue={v.articles} />}
      </Field>
      <ClauseBoxes legend="Clauses of the code complained under" clauses={clauses} ticked={(code) => v[`clause-${code}`] === 'on'} errors={errors.clauses} />
      <Field name="ownerId" label="Owner" errors={errors.ownerId}>
        {(p) => <OwnerSelect {...p} owners={owners} value={v.ownerId ?? ''} />}
      </Field>
      <OtherErrors errors={errors} shown={['channel', 'route', 'receivedAt', 'complainantName', 'complainantContact', 'summary', 'articles', 'clauses', 'ownerId']} />
      <p>
        <button type="submit" disabled={pending}>
          Log case
        </button>
      </p>
    </form>
  );
}

export function AssignCaseForm({ action, caseId, routes, clauses, owners, current }: { action: Action; caseId: number; routes: Choice[]; clauses: Choice[]; owners: OwnerChoice[]; current: { route: string; clauses: string[]; ownerId: number | null } }) {
  const [state, formAction, pending] = useActionState(action, {});
  const errors = state.errors ?? {};
  // After a refusal the choices made stay; after a save the page's fresh values are shown.
  const typed = !state.ok && state.values ? state.values : null;
  const route = typed?.route ?? current.route;
  const ownerId = typed ? (typed.ownerId ?? '') : current.ownerId === null ? '' : String(current.ownerId);
  const ticked = (code: string) => (typed ? typed[`clause-${code}`] === 'on' : current.clauses.includes(code));
  return (
    <form action={formAction} className="case-form" key={typed ? `typed-${JSON.stringify(typed)}` : `saved-${JSON.stringify(current)}`}>
      <input type="hidden" name="caseId" value={caseId} />
      <Message state={state} />
      <Field name="route" label="Route" errors={errors.route} hint="A change of route moves the due date to the new route’s days from receipt.">
        {(p) => (
          <select {...p} defaultValue={route}>
            {routes.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ClauseBoxes legend="Clauses" clauses={clauses} ticked={ticked} errors={errors.clauses} />
      <Field name="ownerId" label="Owner" errors={errors.ownerId}>
        {(p) => <OwnerSelect {...p} owners={owners} value={ownerId} />}
      </Field>
      <OtherErrors errors={errors} shown={['route', 'clauses', 'ownerId']} />
      <p>
        <button type="submit" disabled={pending}>
          Save the assignment
        </button>
      </p>
    </form>
  );
}

export interface CandidateChoice {
  id: number;
  label: string;
  published: boolean;
}

export function CloseCaseForm({ action, caseId, outcomes, candidates, suggested }: { action: Action; caseId: number; outcomes: Choice[]; candidates: CandidateChoice[]; suggested: number | null }) {
  const [state, formAction, pending] = useActionState(action, {});
  const { limitErrors, onSubmit } = useLimitCheck(CASE_LIMITS);
  const errors = { ...state.errors, ...limitErrors };
  const v = state.values ?? {};
  const drafts = candidates.filter((c) => !c.published);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="case-form" key={JSON.stringify(v)}>
      <input type="hidden" name="caseId" value={caseId} />
      <Message state={state} />
      <Field name="outcome" label="Outcome" errors={errors.outcome}>
        {(p) => (
          <select {...p} defaultValue={v.outcome ?? ''}>
            <option value="">Choose the outcome</option>
            {outcomes.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="correctionId"
        label="The correction it led to"
        errors={errors.correctionId}
        hint={drafts.length ? `Only a published correction can be named: ${drafts.length === 1 ? 'one is' : `${drafts.length} are`} still a draft (not yet publishable here).` : 'Upheld, resolved and mediated cases may name a published correction on the case’s articles.'}
      >
        {(p) => (
          <select {...p} defaultValue={v.correctionId ?? (suggested === null ? '' : String(suggested))}>
            <option value="">None</option>
            {candidates.map((c) => (
              <option key={c.id} value={String(c.id)} disabled={!c.published}>
                {c.label}
                {c.published ? '' : ' — draft, not yet publishable'}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="outcomeNote" label="Closing note (one line)" errors={errors.outcomeNote}>
        {(p) => <input {...p} defaultValue={v.outcomeNote} />}
      </Field>
      <OtherErrors errors={errors} shown={['outcome', 'correctionId', 'outcomeNote']} />
      <p>
        <button type="submit" disabled={pending}>
          Close the case
        </button>
      </p>
    </form>
  );
}

export function CaseNoteForm({ action, caseId }: { action: Action; caseId: number }) {
  const [state, formAction, pending] = useActionState(action, {});
  const { limitErrors, onSubmit } = useLimitCheck(CASE_LIMITS);
  const errors = { ...state.errors, ...limitErrors };
  // A note added clears the box (React resets the form); a refused one keeps its text.
  const typed = state.ok ? '' : (state.values?.note ?? '');
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="case-form" key={`typed-${typed}`}>
      <input type="hidden" name="caseId" value={caseId} />
      <Message state={state} />
      <Field name="note" label="Add a note" errors={errors.note} hint="Notes are kept as written: they cannot be edited or removed.">
        {(p) => <textarea {...p} rows={3} defaultValue={typed} />}
      </Field>
      <p>
        <button type="submit" disabled={pending}>
          Add note
        </button>
      </p>
    </form>
  );
}
