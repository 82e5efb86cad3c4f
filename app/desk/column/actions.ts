'use server';
// The standards editor's column: choose the corrections for an edition, edit its draft, reorder or
// drop items, publish; discarding a draft is confirmed first.
// Access: every action starts with authorize() (app/(auth)/forms.ts): requireUser(), the form parsed
// once, then the role table (lib/roles.ts) asked about what was parsed; nothing is written before.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { EDITION_LIMITS, keepUnder } from '@/lib/limits';
import { z } from 'zod';
import { authorize, type FormState, formValues, refusalFor, refuse } from '@/app/(auth)/forms';
import { ErrataError } from '@/lib/errors';
import { changeEditionItem, discardEdition, generateEdition, getEditionById, MAX_EDITION_ITEMS, publishEdition, saveEditionDraft } from '@/db/queries/columns';
import { getSettings } from '@/db/queries/settings';
import { commitAndInvalidate, editionChange } from '@/app/(cache)/invalidate';
import { isCalendarDate, isoDateInZone } from '@/lib/wording';
import { recordId } from '@/lib/ids';

const generateSchema = z.object({
  date: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Give the edition’s date as YYYY-MM-DD.', abort: true })
    // Date.parse rolls 2030-02-31 over to 3 March; a calendar day must exist as written.
    .refine(isCalendarDate, 'That date does not exist.'),
  backdated: z.enum(['on', 'true', '1']).optional(),
  ahead: z.enum(['on', 'true', '1']).optional(),
  // 'choose' checks the date and opens the list of waiting corrections; 'create' makes the draft
  // from the corrections chosen there (each a "pick-{id}" field).
  step: z.enum(['choose', 'create'], { error: 'Reload the page: the form did not say which step this is.' }),
});

/** The corrections chosen on the list: one "pick-{id}" field each (a repeated field would be refused). */
function picked(formData: FormData): number[] {
  const ids = [...formData.keys()].flatMap((k) => (/^pick-[1-9][0-9]{0,9}$/.test(k) ? [Number(k.slice(5))] : []));
  return [...new Set(ids)];
}

/** How far ahead an edition may be dated without saying so (the coming Sunday's is prepared in the week). */
const DAYS_AHEAD_WITHOUT_CONFIRMING = 7;

export async function generateEditionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, generateSchema, 'column.generate');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  const settings = await getSettings();
  const today = isoDateInZone(new Date(), settings.timeZone);
  if (parsed.data.date < today && !parsed.data.backdated) {
    const message = `${parsed.data.date} is before today (${today}). Tick “This edition is backdated” to generate it; it will carry only corrections published by the end of that day.`;
    return refuse(422, { errors: { backdated: [message] }, values: { date: parsed.data.date }, message: 'Please correct the fields marked below.' });
  }
  const latestUnconfirmed = isoDateInZone(new Date(Date.now() + DAYS_AHEAD_WITHOUT_CONFIRMING * 86_400_000), settings.timeZone);
  if (parsed.data.date > latestUnconfirmed && !parsed.data.ahead) {
    // Notices will say the corrections were printed on that day: a typo in the year must not say so.
    const message = `${parsed.data.date} is more than ${DAYS_AHEAD_WITHOUT_CONFIRMING} days ahead. Tick “This edition is dated more than a week ahead” if that is the day it will be printed.`;
    return refuse(422, { errors: { ahead: [message] }, values: { date: parsed.data.date }, message: 'Please correct the fields marked below.' });
  }
  const confirmed = new URLSearchParams({ date: parsed.data.date, ...(parsed.data.backdated ? { backdated: 'on' } : {}), ...(parsed.data.ahead ? { ahead: 'on' } : {}) });
  if (parsed.data.step === 'choose') redirect(`/desk/column/new?${confirmed}`);
  const odd = [...formData.entries()].filter(([k, v]) => /^pick-/.test(k) && v !== 'on').map(([k]) => k);
  if (odd.length) return refuse(422, { errors: Object.fromEntries(odd.map((k) => [k, ['Tick the box, or leave it unticked.']])), values: { date: parsed.data.date }, message: 'Please correct the fields marked below.' });
  const correctionIds = picked(formData);
  if (correctionIds.length === 0) return refuse(422, { errors: { picks: ['Choose at least one correction for the edition.'] }, values: { date: parsed.data.date }, message: 'Please correct the fields marked below.' });
  if (correctionIds.length > MAX_EDITION_ITEMS) return refuse(422, { errors: { picks: [`An edition takes at most ${MAX_EDITION_ITEMS} corrections.`] }, values: { date: parsed.data.date }, message: 'Please correct the fields marked below.' });
  let id: number;
  try {
    id = (await generateEdition({ date: parsed.data.date, settings, actorId: user.id, correctionIds })).id;
  } catch (error) {
    return refusalFor(error, { date: parsed.data.date });
  }
  redirect(`/desk/column/${id}`);
}

const saveSchema = z.object({
  columnId: recordId(),
  // The revision of the draft this editor opened (see lib/record/edition-revision).
  revision: z.string().regex(/^[0-9a-f]{64}$/, 'Reload the edition: the form did not say which revision you opened.'),
  intro: z.string().trim().max(EDITION_LIMITS.intro.max, keepUnder(EDITION_LIMITS.intro)).default(''),
});

export async function saveEditionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, saveSchema, 'column.edit');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  const edition = await getEditionById({ id: parsed.data.columnId });
  if (!edition) return refuse(404, { message: 'No such edition.' });
  const items: { id: number; wording: string }[] = [];
  const errors: Record<string, string[]> = {};
  for (const item of edition.items) {
    const sent = formData.get(`item-${item.id}`);
    // A file where the item's text belongs is no item anyone typed.
    if (sent !== null && typeof sent !== 'string') {
      errors[`item-${item.id}`] = ['Send the item as text.'];
      continue;
    }
    const wording = (sent ?? item.wording).trim();
    if (!wording) errors[`item-${item.id}`] = ['An item cannot be empty; drop it instead.'];
    else if (wording.length > EDITION_LIMITS['item-*'].max) errors[`item-${item.id}`] = [keepUnder(EDITION_LIMITS['item-*'])];
    items.push({ id: item.id, wording });
  }
  if (Object.keys(errors).length) return refuse(422, { errors, message: 'Please correct the items marked.', values: formValues(formData) });
  try {
    await saveEditionDraft({ columnId: parsed.data.columnId, revision: parsed.data.revision, intro: parsed.data.intro, items, actorId: user.id });
  } catch (error) {
    return refusalFor(error);
  }
  // A fresh page: the editor is drawn again from the saved text and its new revision.
  redirect(`/desk/column/${parsed.data.columnId}?saved=1`);
}

const itemSchema = z.object({
  columnId: recordId(),
  itemId: recordId(),
  change: z.enum(['up', 'down', 'drop']),
});

export async function changeItemAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, itemSchema, 'column.edit');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  try {
    await changeEditionItem({ ...parsed.data, actorId: user.id });
  } catch (error) {
    return refusalFor(error);
  }
  revalidatePath(`/desk/column/${parsed.data.columnId}`);
  return { ok: true };
}

const columnSchema = z.object({ columnId: recordId() });
const publishSchema = columnSchema.extend({
  // The revision of the draft the standards editor reviewed (see lib/record/edition-revision).
  revision: z.string().regex(/^[0-9a-f]{64}$/, 'Reload the edition and review it before publishing.'),
});

export async function publishEditionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, publishSchema, 'column.publish');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  let date: string;
  try {
    // Each printed correction's notice now names the column.
    date = (
      await commitAndInvalidate(
        () => publishEdition({ columnId: parsed.data.columnId, actorId: user.id, revision: parsed.data.revision }),
        async (published) => editionChange({ date: published.date, articleIds: (await getEditionById({ id: parsed.data.columnId }))?.items.map((i) => i.articleId) ?? [] }),
      )
    ).date;
  } catch (error) {
    if (error instanceof ErrataError && error.field === 'revision') {
      // The page re-renders with the current text (and its revision) beneath the message.
      revalidatePath(`/desk/column/${parsed.data.columnId}`);
      return refuse(error.status, { message: error.message, errors: { revision: [error.message] } });
    }
    return refusalFor(error);
  }
  redirect(`/desk/column/${parsed.data.columnId}?published=${date}`);
}

const discardSchema = columnSchema.extend({
  // The confirmation step: a draft (and any rewording in it) is thrown away only when the box says so.
  confirm: z.literal('yes', { error: 'Tick “Yes, discard this draft” to throw it away; nothing was discarded.' }),
});

export async function discardEditionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, discardSchema, 'column.discard');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  try {
    await discardEdition({ columnId: parsed.data.columnId, actorId: user.id });
  } catch (error) {
    return refusalFor(error);
  }
  redirect('/desk/column');
}
