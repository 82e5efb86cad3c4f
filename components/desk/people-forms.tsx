'use client';
// The admin's forms on /desk/people: add an account, change a role.
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { useLimitCheck } from '@/components/ui/use-limit-check';
import { PERSON_LIMITS } from '@/lib/limits';
import { ROLES } from '@/lib/types';
import type { ArticleFormState as FormState } from './article-form';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

function Message({ state }: { state: FormState }) {
  if (!state.message) return null;
  return (
    <p className={state.ok ? 'banner' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
      {state.message}
    </p>
  );
}

export function CreateUserForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, {});
  const { limitErrors, onSubmit } = useLimitCheck(PERSON_LIMITS);
  const errors = { ...state.errors, ...limitErrors };
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate>
      <Message state={state} />
      <Field name="email" label="Email" errors={errors.email}>
        {(p) => <input {...p} type="email" defaultValue={values.email} />}
      </Field>
      <Field name="name" label="Name" errors={errors.name}>
        {(p) => <input {...p} defaultValue={values.name} />}
      </Field>
      <Field name="role" label="Role" errors={errors.role}>
        {(p) => (
          <select {...p} key={values.role ?? 'editor'} defaultValue={values.role ?? 'editor'}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="password" label="Password" errors={errors.password} hint="12 to 128 characters; common passwords are refused.">
        {(p) => <input {...p} type="password" autoComplete="new-password" />}
      </Field>
      <p>
        <button type="submit" disabled={pending}>
          Add account
        </button>
      </p>
    </form>
  );
}

export function RoleForm({ action, userId, role, label }: { action: Action; userId: number; role: string; label: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form">
      <input type="hidden" name="userId" value={userId} />
      <label className="visually-hidden" htmlFor={`role-${userId}`}>
        Role for {label}
      </label>
      <select id={`role-${userId}`} name="role" defaultValue={role}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={pending}>
        Change role
      </button>
      <Message state={state} />
    </form>
  );
}
