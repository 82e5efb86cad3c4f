'use client';
// Editing a draft edition: the intro and each item's print wording, with move and drop per item.
import { type FormEvent, useActionState, useEffect, useRef, useState } from 'react';
import { Field } from '@/components/ui/field';
import { useLimitCheck } from '@/components/ui/use-limit-check';
import { EDITION_LIMITS } from '@/lib/limits';
import type { ArticleFormState as FormState } from './article-form';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

interface Item {
  id: number;
  wording: string;
  section: string;
  /** True when the item quotes a version readers may not read: it prints as `readerWording`. */
  withheld: boolean;
  readerWording: string;
}

export function EditionEditor({ columnId, revision, intro, items, save, change }: { columnId: number; revision: string; intro: string; items: Item[]; save: Action; change: Action }) {
  const [state, saveAction, pending] = useActionState(save, {});
  const [changeState, changeAction] = useActionState(change, {});
  const { limitErrors, onSubmit } = useLimitCheck(EDITION_LIMITS);
  const errors = { ...state.errors, ...limitErrors };
  // Moving or dropping an item reloads the draft from the server: typed, unsaved text would be lost,
  // so it waits until the editor has saved (the typed text stays where it is).
  const dirty = useRef(false);
  const [unsaved, setUnsaved] = useState(false);
  useEffect(() => {
    if (state.ok) dirty.current = false;
  }, [state]);
  const guardChange = (event: FormEvent<HTMLFormElement>) => {
    if (!dirty.current) return;
    event.preventDefault();
    setUnsaved(true);
  };
  return (
    <div
      onInput={() => {
        dirty.current = true;
        setUnsaved(false);
      }}
    >
      {unsaved ? (
        <p className="form-error" role="alert">
          You have unsaved changes to the intro or an item. Save the edition first, then move or drop items.
        </p>
      ) : null}
      {changeState.message ? (
        <p className="form-error" role="alert">
          {changeState.message}
        </p>
      ) : null}
      <form action={saveAction} onSubmit={onSubmit} id="edition-form" noValidate>
        <input type="hidden" name="columnId" value={columnId} />
        {/* The revision opened: a save over a draft changed since (another tab, another editor) is refused. */}
        <input type="hidden" name="revision" value={revision} />
        {state.message ? (
          <p className={state.ok ? 'banner' : 'form-error'} role={state.ok ? 'status' : 'alert'}>
            {state.message}
          </p>
        ) : null}
        <Field name="intro" label="Intro" errors={errors.intro}>
          {(p) => <textarea {...p} defaultValue={state.values?.intro ?? intro} rows={2} />}
        </Field>
      </form>
      <ol className="edition-items">
        {items.map((item, i) => (
          <li key={item.id}>
            {item.withheld ? (
              // Its words quote a version withheld for legal reasons: never offered as printable text.
              <p className="banner" role="note">
                Item {i + 1} ({item.section}) quotes a version withheld for legal reasons. Readers would see only: “{item.readerWording}” Drop it back to the pool; a later edition words it afresh.
              </p>
            ) : (
              <Field name={`item-${item.id}`} label={`Item ${i + 1} (${item.section})`} errors={errors[`item-${item.id}`]}>
                {(p) => <textarea {...p} form="edition-form" defaultValue={item.wording} rows={3} />}
              </Field>
            )}
            <form action={changeAction} onSubmit={guardChange} className="inline-form">
              <input type="hidden" name="columnId" value={columnId} />
              <input type="hidden" name="itemId" value={item.id} />
              <button type="submit" name="change" value="up" className="secondary" disabled={i === 0} aria-label={`Move item ${i + 1} up`}>
                Up
              </button>
              <button type="submit" name="change" value="down" className="secondary" disabled={i === items.length - 1} aria-label={`Move item ${i + 1} down`}>
                Down
              </button>
              <button type="submit" name="change" value="drop" className="secondary" aria-label={`Drop item ${i + 1} back to the pool`}>
                Drop
              </button>
            </form>
          </li>
        ))}
      </ol>
      <p>
        <button type="submit" form="edition-form" disabled={pending}>
          Save edition
        </button>
      </p>
    </div>
  );
}
