'use client';
// The admin's settings form (/desk/settings): every field with its error beside it, typed text kept.
import { useActionState } from 'react';
import { Field } from '@/components/ui/field';
import { useLimitCheck } from '@/components/ui/use-limit-check';
import { SETTINGS_LIMITS } from '@/lib/limits';
import { DATE_STYLES } from '@/lib/settings';
import type { NewsroomSettings } from '@/lib/types';
import type { ArticleFormState as FormState } from './article-form';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/** The settings as the form holds them: every field a string (no readers' editor is ''). */
export type SettingsValues = Omit<NewsroomSettings, 'readersEditorEmail'> & { readersEditorEmail: string };

export function SettingsForm({ action, current, zones, serverSiteUrl }: { action: Action; current: SettingsValues; zones: string[]; serverSiteUrl: string }) {
  const [state, formAction, pending] = useActionState(action, {});
  const { limitErrors, onSubmit } = useLimitCheck(SETTINGS_LIMITS);
  const errors = { ...state.errors, ...limitErrors };
  // After a refusal the typed text stays; after a save the page's fresh values are shown.
  const values: SettingsValues = state.ok || !state.values ? current : { ...current, ...state.values };
  const key = state.ok ? `saved-${JSON.stringify(current)}` : `typed-${JSON.stringify(values)}`;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="settings-form" key={key}>
      {state.message ? (
        <p className={state.ok ? 'banner' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
          {state.message}
        </p>
      ) : null}
      <fieldset>
        <legend>Names</legend>
        <Field name="publication" label="Publication name" errors={errors.publication} hint="In the masthead, page titles, feeds and the column’s notices.">
          {(p) => <input {...p} defaultValue={values.publication} />}
        </Field>
        <Field name="columnName" label="Column name" errors={errors.columnName} hint="The corrections column, e.g. For the Record.">
          {(p) => <input {...p} defaultValue={values.columnName} />}
        </Field>
        <Field name="contactLine" label="Contact line" errors={errors.contactLine} hint="At the foot of every reader page and of each new column edition.">
          {(p) => <textarea {...p} rows={3} defaultValue={values.contactLine} />}
        </Field>
        <Field name="readersEditorEmail" label="Readers’ editor’s email" errors={errors.readersEditorEmail} hint="Shown to readers beside the contact line; leave empty for none.">
          {(p) => <input {...p} type="email" autoComplete="off" defaultValue={values.readersEditorEmail} />}
        </Field>
      </fieldset>
      <fieldset>
        <legend>Dates</legend>
        <Field name="timeZone" label="Time zone" errors={errors.timeZone} hint="Every date readers see is in this zone.">
          {(p) => (
            <>
              <input {...p} list="time-zones" defaultValue={values.timeZone} />
              <datalist id="time-zones">
                {zones.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field name="locale" label="Date style" errors={errors.locale}>
          {(p) => (
            <select {...p} defaultValue={values.locale}>
              {DATE_STYLES.map((s) => (
                <option key={s.locale} value={s.locale}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>
      <fieldset>
        <legend>Address</legend>
        <Field name="siteUrl" label="Site address" errors={errors.siteUrl} hint={`The address in feeds, the sitemap and links readers share; leave empty to use the server’s (${serverSiteUrl}).`}>
          {(p) => <input {...p} type="url" inputMode="url" defaultValue={values.siteUrl} />}
        </Field>
      </fieldset>
      <p>
        <button type="submit" disabled={pending}>
          Save settings
        </button>
      </p>
    </form>
  );
}
