'use client';
// The admin's standards settings form (/desk/standards/settings): each list a textarea of
// "code: label" lines, the clocks as numbers; every field's error beside it, typed text kept.
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { useLimitCheck } from '@/components/ui/use-limit-check';
import type { FormState } from '@/app/(auth)/forms';
import { STANDARDS_LIMITS } from '@/lib/limits';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export interface StandardsSettingsValues {
  clauses: string;
  errorTypes: string;
  errorCauses: string;
  foundBy: string;
  responseDirect: string;
  responseIpso: string;
  responseImpress: string;
  responseOther: string;
  dueSoonDays: string;
  alertCount: string;
  alertDays: string;
}

const LIST_HINT = 'One per line, as “code: label”. The code is stored with each case or correction, so keep it once used; change the label freely.';

export function StandardsSettingsForm({ action, current }: { action: Action; current: StandardsSettingsValues }) {
  const [state, formAction, pending] = useActionState(action, {});
  const { limitErrors, onSubmit } = useLimitCheck(STANDARDS_LIMITS);
  const errors = { ...state.errors, ...limitErrors };
  const values: StandardsSettingsValues = state.ok || !state.values ? current : { ...current, ...state.values };
  const key = state.ok ? `saved-${JSON.stringify(current)}` : `typed-${JSON.stringify(values)}`;
  const list = (name: keyof StandardsSettingsValues, label: string, rows: number) => (
    <Field name={name} label={label} errors={errors[name]} hint={LIST_HINT}>
      {(p) => <textarea {...p} rows={rows} spellCheck={false} defaultValue={values[name]} />}
    </Field>
  );
  const number = (name: keyof StandardsSettingsValues, label: string, hint?: string) => (
    <Field name={name} label={label} errors={errors[name]} hint={hint}>
      {(p) => <input {...p} inputMode="numeric" pattern="[0-9]*" autoComplete="off" defaultValue={values[name]} />}
    </Field>
  );
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="settings-form" key={key}>
      {state.message ? (
        <p className={state.ok ? 'banner' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </p>
      ) : null}
      <fieldset>
        <legend>Code clauses</legend>
        {list('clauses', 'Clauses complaints are made under', 10)}
      </fieldset>
      <fieldset>
        <legend>Error taxonomy</legend>
        {list('errorTypes', 'Types of error', 8)}
        {list('errorCauses', 'Causes', 5)}
        {list('foundBy', 'Found by', 5)}
      </fieldset>
      <fieldset>
        <legend>Response clocks (days from receipt)</legend>
        {number('responseDirect', 'Direct to the newsroom')}
        {number('responseIpso', 'Referred by IPSO', 'IPSO gives a publisher 28 days to resolve a referred complaint.')}
        {number('responseImpress', 'Referred by IMPRESS', 'IMPRESS expects a final decision within 21 days.')}
        {number('responseOther', 'Other routes')}
        {number('dueSoonDays', 'Due soon (days before the due date)')}
      </fieldset>
      <fieldset>
        <legend>Alert rule</legend>
        {number('alertCount', 'Corrections that raise an alert', 'An alert shows on the standards desk when one author or one section has at least this many corrections…')}
        {number('alertDays', 'Within this many days')}
      </fieldset>
      <p>
        <button type="submit" disabled={pending}>
          Save standards settings
        </button>
      </p>
    </form>
  );
}
