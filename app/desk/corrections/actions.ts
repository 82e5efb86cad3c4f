'use server';
// Desk actions on corrections: editors draft and edit drafts; standards editors publish and withdraw.
// Access: every action starts with authorize() (app/(auth)/forms.ts): requireUser(), the form parsed
// once, then the role table (lib/roles.ts) asked about what was parsed; nothing is written before.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { ErrataError } from '@/lib/errors';
import { CORRECTION_LIMITS, keepUnder, REASON_LIMITS } from '@/lib/limits';
import { z } from 'zod';
import { authorize, type FormState, formValues, refusalFor, refuse } from '@/app/(auth)/forms';
import { createDraft, publishCorrection, updateDraft, withdrawCorrection } from '@/db/queries/correction-writes';
import { getDeskCorrection } from '@/db/queries/desk-corrections';
import type { Taxonomy } from '@/lib/standards/config';
import { CORRECTION_KINDS, CORRECTION_MODES } from '@/lib/types';
import { articleChange, commitAndInvalidate } from '@/app/(cache)/invalidate';
import { recordId } from '@/lib/ids';

const wording = z.string().trim().min(1, 'Write the public wording of the correction.').max(CORRECTION_LIMITS.wording.max, keepUnder(CORRECTION_LIMITS.wording));
/** What the article said (a paraphrase of the claims) and how the column names the article: both optional. */
const said = z.string().trim().max(CORRECTION_LIMITS.said.max, keepUnder(CORRECTION_LIMITS.said)).default('');
const about = z.string().trim().max(CORRECTION_LIMITS.about.max, keepUnder(CORRECTION_LIMITS.about)).default('');
const kind = z.enum(CORRECTION_KINDS, { error: 'Choose a kind.' });
const mode = z.enum(CORRECTION_MODES, { error: 'Choose notice only or amend.' });
const replacement = z.string().max(CORRECTION_LIMITS['replacement*'].max, keepUnder(CORRECTION_LIMITS['replacement*'])).default('');
/**
 * The error taxonomy's codes (type of error, cause, found by): each optional (a draft may be
 * unclassified; blank clears it); the service checks each against the configured list, beside its field.
 */
const taxonomyCode = z.string().trim().max(40, 'Pick one of the options in the list.').optional();
const taxonomyFields = { errorType: taxonomyCode, errorCause: taxonomyCode, foundBy: taxonomyCode };
const taxonomyOf = (d: { errorType?: string; errorCause?: string; foundBy?: string }): Partial<Taxonomy> => ({ errorType: d.errorType, errorCause: d.errorCause, foundBy: d.foundBy });
const MAX_CLAIMS = 20;
/** replacement0 … replacement19: the words that replace each claim, in amend mode. */
const replacementFields = Object.fromEntries(Array.from({ length: MAX_CLAIMS }, (_, i) => [`replacement${i}`, replacement])) as Record<string, typeof replacement>;

function hasReplacement(d: Record<string, unknown>): boolean {
  return Object.entries(d).some(([k, v]) => k.startsWith('replacement') && typeof v === 'string' && v.trim() !== '');
}

const claimList = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Pick the words the correction is about.' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(z.object({ start: z.number().int().min(0), end: z.number().int().min(1) }).refine((c) => c.end > c.start, 'A claim cannot be empty.'), {
        error: 'Pick the words the correction is about.',
      })
      .min(1, 'Pick the words the correction is about.')
      .max(MAX_CLAIMS, `A correction covers at most ${MAX_CLAIMS} claims.`),
  );

const draftSchema = z
  .object({
    articleId: recordId(),
    versionNumber: recordId('That is not one of the article’s version numbers.'),
    claims: claimList,
    kind,
    mode,
    wording,
    said,
    about,
    ...taxonomyFields,
    ...replacementFields,
  })
  .superRefine((d, ctx) => {
    if (d.mode === 'amend' && !hasReplacement(d)) {
      ctx.addIssue({ code: 'custom', path: ['replacement0'], message: 'To amend the text, give the words that replace the claim.' });
    }
  });

function replacementsOf(d: Record<string, unknown>, count: number): (string | null)[] {
  return Array.from({ length: count }, (_, i) => {
    const value = d[`replacement${i}`];
    return typeof value === 'string' && value.trim() ? value.trim() : null;
  });
}

export async function createCorrectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, draftSchema, 'correction.draft');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  const d = parsed.data;
  const replacements = replacementsOf(d, d.claims.length);
  let id: number;
  try {
    id = (await createDraft({
      articleId: d.articleId,
      versionNumber: d.versionNumber,
      kind: d.kind,
      mode: d.mode,
      wording: d.wording,
      said: d.said,
      about: d.about,
      claims: d.claims.map((c, i) => ({ ...c, replacement: replacements[i] })),
      taxonomy: taxonomyOf(d),
      actorId: user.id,
    })).id;
  } catch (error) {
    return refusalFor(error, formValues(formData));
  }
  redirect(`/desk/corrections/${id}`);
}

const editSchema = z.object({
  correctionId: recordId(),
  /** The draft's revision the editor opened; a draft changed since is not overwritten. */
  revision: z.coerce.number({ error: 'Reload the draft: the form did not say which revision you opened.' }).int().positive(),
  kind,
  mode,
  wording,
  said,
  about,
  ...taxonomyFields,
  ...replacementFields,
});

export async function updateCorrectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, editSchema, 'correction.edit_draft');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  const desk = await getDeskCorrection({ id: parsed.data.correctionId });
  if (!desk) return refuse(404, { message: 'No such correction.' });
  const replacements = replacementsOf(parsed.data, desk.correction.claims.length);
  if (parsed.data.mode === 'amend' && !replacements.some(Boolean)) {
    return refuse(422, { errors: { replacement0: ['To amend the text, give the words that replace the claim.'] }, message: 'Please correct the fields marked below.', values: formValues(formData) });
  }
  try {
    const d = parsed.data;
    await updateDraft({ correctionId: d.correctionId, revision: d.revision, kind: d.kind, mode: d.mode, wording: d.wording, said: d.said, about: d.about, replacements, taxonomy: taxonomyOf(d), actorId: user.id });
  } catch (error) {
    if (error instanceof ErrataError && error.field === 'revision') {
      const now = (await getDeskCorrection({ id: parsed.data.correctionId }))?.correction;
      return refuse(409, {
        message: `This draft was changed since you opened it${now ? `; it now reads “${now.wording}” (${now.kind}, ${now.mode === 'amend' ? 'amend' : 'notice only'})` : ''}. Your text is kept below: save again to replace it, or reload to start from the saved draft.`,
        // The next save is made knowingly, from the revision now shown.
        values: { ...formValues(formData), ...(now ? { revision: String(now.revision) } : {}) },
      });
    }
    return refusalFor(error, formValues(formData));
  }
  // The page (and its publish form) now shows the new revision.
  revalidatePath(`/desk/corrections/${parsed.data.correctionId}`);
  return { ok: true, message: 'Draft saved.' };
}

const publishSchema = z.object({
  correctionId: recordId(),
  /** The draft's revision the standards editor read; publishing any other is refused. */
  revision: z.coerce.number({ error: 'Reload the draft: the form did not say which revision you read.' }).int().positive(),
  confirmedVersion: recordId('That is not one of the article’s version numbers.').optional(),
  /** The classification the standards editor confirms (prefilled from the draft); all three are needed. */
  ...taxonomyFields,
});

export async function publishCorrectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, publishSchema, 'correction.publish');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  // Every refusal keeps the choices made in the confirmation.
  const values = formValues(formData);
  let result;
  try {
    const input = { correctionId: parsed.data.correctionId, actorId: user.id, revision: parsed.data.revision, confirmedVersion: parsed.data.confirmedVersion, taxonomy: taxonomyOf(parsed.data) };
    result = await commitAndInvalidate(() => publishCorrection(input), (published) => (published.ok ? articleChange(published.correction.articleId, 'correction') : null));
  } catch (error) {
    return refusalFor(error, values);
  }
  if (!result.ok && result.reason === 'changed') {
    return refuse(409, {
      values,
      message: 'The draft was changed since you opened it, so nothing was published. Read the wording as it is now, below, and publish again if it is right.',
      detail: { changed: result.current },
    });
  }
  if (!result.ok) {
    const { reanchored } = result;
    return refuse(409, {
      values,
      message:
        result.reason === 'lost'
          ? `The article changed since this draft (version ${reanchored.baseNumber} → ${reanchored.latestNumber}) and a claim's words are no longer there. Draft a new correction on the current text.`
          : `The article changed since this draft (version ${reanchored.baseNumber} → ${reanchored.latestNumber}). The claims were found again in version ${reanchored.latestNumber}; check them and confirm.`,
      detail: { reanchored },
    });
  }
  redirect(`/desk/corrections/${parsed.data.correctionId}?published=1`);
}

const withdrawSchema = z.object({
  correctionId: recordId(),
  reason: z.string().trim().min(1, 'Give the public reason for withdrawing it.').max(REASON_LIMITS.reason.max, keepUnder(REASON_LIMITS.reason)),
});

export async function withdrawCorrectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, withdrawSchema, 'correction.withdraw');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  try {
    await commitAndInvalidate(() => withdrawCorrection({ correctionId: parsed.data.correctionId, reason: parsed.data.reason, actorId: user.id }), (withdrawn) => articleChange(withdrawn.articleId, 'correction'));
  } catch (error) {
    return refusalFor(error);
  }
  redirect(`/desk/corrections/${parsed.data.correctionId}`);
}
