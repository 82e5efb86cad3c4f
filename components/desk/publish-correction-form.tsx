'use client';
// Publishing a draft: the form names the revision the standards editor read. If the draft changed
// since, nothing is published and the new wording is shown; when the article changed meanwhile, it
// shows where the claims now stand and asks to confirm. Publishing is a step of its own: it opens
// on exactly what readers will see (the notice as it will read, and any words it replaces), with
// no script needed (a <details> disclosure). The error must be classified to publish: the three
// taxonomy selects come prefilled from the draft and are required.
import { useActionState } from 'react';
import type { Taxonomy } from '@/lib/standards/config';
import { CORRECTION_KIND_LABELS, type CorrectionKind } from '@/lib/types';
import type { ArticleFormState as FormState } from './article-form';
import { type TaxonomyOptions, TaxonomyFields } from './taxonomy-fields';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

interface Reanchored {
  latestNumber: number;
  baseNumber: number;
  claims: { claimId: number; exact: string; status: string }[];
}

interface Changed {
  revision: number;
  kind: CorrectionKind;
  mode: 'notice' | 'amend';
  wording: string;
  claims: { exact: string; replacement: string | null }[];
}

export interface ReaderPreview {
  /** The notice exactly as it will read under the article. */
  notice: string;
  /** In amend mode, the words the new version replaces. */
  replaces: { exact: string; replacement: string }[];
}

interface Props {
  action: Action;
  correctionId: number;
  revision: number;
  preview: ReaderPreview;
  taxonomy: TaxonomyOptions;
  /** The draft's classification so far. */
  classified: Taxonomy;
}

export function PublishCorrectionForm({ action, correctionId, revision, preview, taxonomy, classified }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  // After a refusal, the choices sent stay chosen.
  const chosen = { ...classified, ...state.values };
  const detail = state.detail as { reanchored?: Reanchored; changed?: Changed } | undefined;
  const reanchored = detail?.reanchored;
  const changed = detail?.changed;
  const canConfirm = reanchored && reanchored.claims.every((c) => c.status === 'found');
  return (
    // Open again after a refusal, so its message and field errors are in view.
    <details className="confirm-publish" open={state.message ? true : undefined}>
      <summary>Publish correction…</summary>
      <section aria-label="What readers will see">
        <p>Once published, readers will see this notice under the article:</p>
        <blockquote className="notice-preview">{preview.notice}</blockquote>
        {preview.replaces.length ? (
          <>
            <p>and a new version of the article in which</p>
            <ul>
              {preview.replaces.map((r, i) => (
                <li key={i}>
                  “{r.exact}” becomes “{r.replacement}”
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="meta">The article’s text stays as it was published; the words are marked and linked to the notice.</p>
        )}
      </section>
    <form action={formAction} className="publish-form" aria-label="Publish this correction">
      <input type="hidden" name="correctionId" value={correctionId} />
      {/* After a refusal, the revision now shown is the one being reviewed. */}
      <input type="hidden" name="revision" value={changed?.revision ?? revision} />
      {state.message ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {changed ? (
        <section className="changed-draft" aria-label="The draft as it is now">
          <p>
            {CORRECTION_KIND_LABELS[changed.kind]} ({changed.mode === 'amend' ? 'amends the text' : 'notice only'}): {changed.wording}
          </p>
          <ul>
            {changed.claims.map((c, i) => (
              <li key={i}>
                “{c.exact}”{c.replacement ? ` → “${c.replacement}”` : ''}
              </li>
            ))}
          </ul>
        </section>
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
      <TaxonomyFields options={taxonomy} values={chosen} errors={state.errors} required idPrefix="publish" />
      {canConfirm ? <input type="hidden" name="confirmedVersion" value={reanchored.latestNumber} /> : null}
      <button type="submit" disabled={pending}>
        {canConfirm ? 'Confirm and publish' : 'Publish correction'}
      </button>
    </form>
    </details>
  );
}
