'use server';
// The casebook's actions: staff log a complaint that came by email, phone, letter or a regulator,
// and add notes; standards assign the route, clauses and owner, acknowledge and close a case.
// Access: every action starts with authorize() (app/(auth)/forms.ts): requireUser(), the form parsed
// once, then the role table (lib/roles.ts) asked about what was parsed; nothing is written before.
// The services (db/queries/cases.ts) check the clauses, the owner and the correction against the
// record and refuse a closed case (409) or an unknown one (404).
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authorize, type FormState, formValues, refusalFor, refuse } from '@/app/(auth)/forms';
import { acknowledgeCase, addCaseNote, assignCase, closeCase, logCase } from '@/db/queries/cases';
import { getSettings } from '@/db/queries/settings';
import { CASE_LIMITS as L, hasHiddenCharacters, hiddenCharactersMessage, keepUnder } from '@/lib/limits';
import { parseArticleLines, receivedInstant, tickedClauses } from '@/lib/standards/case-form';
import { CASE_OUTCOMES, CASE_ROUTES, type CaseChannel, type CaseOutcome } from '@/lib/standards/config';
import { isCalendarDate, isoDateInZone } from '@/lib/wording';

/** The channels staff log by hand; a reader report opens its own case. */
const LOGGED_CHANNELS = ['email', 'phone', 'letter', 'regulator'] as const satisfies readonly Exclude<CaseChannel, 'reader_report'>[];

/** A record's id as the forms send it: digits only (never "0x1", "1e3" or " +1"). */
const recordId = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^[1-9]\d{0,14}$/, message)
    .transform(Number);
const caseId = recordId('No such case.');
const route = z.enum(CASE_ROUTES, { error: 'Choose the route the complaint came by.' });
/** An account's id, or '' for nobody yet. */
const ownerId = z
  .union([z.literal(''), recordId('Pick an owner from the list.')], { error: 'Pick an owner from the list.' })
  .transform((v) => (v === '' ? null : v));

/**
 * The clause checkboxes ("clause-{code}", each ticked or absent) ride along beside the named
 * fields; anything but a tick in one is refused beside it.
 */
function withClauses<S extends z.ZodRawShape>(shape: S) {
  return z
    .looseObject(shape)
    .superRefine((values, ctx) => {
      for (const name of tickedClauses(values).odd) ctx.addIssue({ code: 'custom', path: [name], message: 'Tick the clause, or leave it unticked.' });
    })
    .transform((values) => ({ ...values, clauses: tickedClauses(values).clauses }));
}

const logSchema = withClauses({
  channel: z.enum(LOGGED_CHANNELS, { error: 'Choose how the complaint came in.' }),
  route,
  complainantName: z.string().trim().min(1, 'Give the complainant’s name.').max(L.complainantName.max, keepUnder(L.complainantName)).refine((v) => !hasHiddenCharacters(v), hiddenCharactersMessage('name')),
  complainantContact: z.string().trim().max(L.complainantContact.max, keepUnder(L.complainantContact)).refine((v) => !hasHiddenCharacters(v), hiddenCharactersMessage('contact')).default(''),
  summary: z.string().trim().min(1, 'Say in a few words what the complaint is.').max(L.summary.max, keepUnder(L.summary)).refine((v) => !hasHiddenCharacters(v, { lines: true }), hiddenCharactersMessage('summary')),
  articles: z
    .string()
    .max(L.articles.max, keepUnder(L.articles))
    .transform((text, ctx) => {
      const parsed = parseArticleLines(text);
      if (parsed.ok) return parsed.articles;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }),
  receivedAt: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Give the day it was received as YYYY-MM-DD.', abort: true })
    .refine(isCalendarDate, 'That date does not exist.'),
  ownerId: ownerId.default(null),
});

export async function logCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, logSchema, 'case.log');
  if (!parsed.ok) return parsed.state;
  const d = parsed.data;
  const { timeZone } = await getSettings();
  const now = new Date();
  const today = isoDateInZone(now, timeZone);
  const values = formValues(formData);
  if (d.receivedAt > today) return refuse(422, { message: 'Please correct the fields marked below.', errors: { receivedAt: [`The day received cannot be after today (${today}).`] }, values });
  let id: number;
  try {
    id = (await logCase({
      channel: d.channel,
      route: d.route,
      complainantName: d.complainantName,
      complainantContact: d.complainantContact || null,
      summary: d.summary,
      articles: d.articles,
      clauses: d.clauses,
      receivedAt: receivedInstant(d.receivedAt, { now, today, timeZone }),
      ownerId: d.ownerId,
      actorId: parsed.user.id,
      now,
    })).id;
  } catch (error) {
    return refusalFor(error, values);
  }
  revalidatePath('/desk/cases');
  redirect(`/desk/cases/${id}`);
}

const assignSchema = withClauses({ caseId, route, ownerId });

export async function assignCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, assignSchema, 'case.manage');
  if (!parsed.ok) return parsed.state;
  const d = parsed.data;
  try {
    await assignCase({ caseId: d.caseId, route: d.route, clauses: d.clauses, ownerId: d.ownerId, actorId: parsed.user.id });
  } catch (error) {
    return refusalFor(error, formValues(formData));
  }
  revalidatePath(`/desk/cases/${d.caseId}`);
  return { ok: true, message: 'Case assigned.' };
}

const idSchema = z.object({ caseId });

export async function acknowledgeCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, idSchema, 'case.manage');
  if (!parsed.ok) return parsed.state;
  try {
    await acknowledgeCase({ caseId: parsed.data.caseId, actorId: parsed.user.id });
  } catch (error) {
    return refusalFor(error);
  }
  revalidatePath(`/desk/cases/${parsed.data.caseId}`);
  return { ok: true, message: 'Acknowledged.' };
}

const closeSchema = z.object({
  caseId,
  outcome: z.enum(CASE_OUTCOMES as readonly CaseOutcome[] as [CaseOutcome, ...CaseOutcome[]], { error: 'Choose the outcome.' }),
  /** The correction the case led to, or '' for none. */
  correctionId: z
    .union([z.literal(''), recordId('Pick the correction from the list.')], { error: 'Pick the correction from the list.' })
    .transform((v) => (v === '' ? null : v))
    .default(null),
  outcomeNote: z.string().trim().min(1, 'Say in one line how the case was closed.').max(L.outcomeNote.max, keepUnder(L.outcomeNote)).refine((v) => !hasHiddenCharacters(v, { lines: true }), hiddenCharactersMessage('note')),
});

export async function closeCaseAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, closeSchema, 'case.manage');
  if (!parsed.ok) return parsed.state;
  const d = parsed.data;
  try {
    await closeCase({ caseId: d.caseId, outcome: d.outcome, correctionId: d.correctionId, note: d.outcomeNote, actorId: parsed.user.id });
  } catch (error) {
    return refusalFor(error, formValues(formData));
  }
  revalidatePath(`/desk/cases/${d.caseId}`);
  return { ok: true, message: 'Case closed.' };
}

const noteSchema = z.object({
  caseId,
  note: z.string().trim().min(1, 'Write the note.').max(L.note.max, keepUnder(L.note)).refine((v) => !hasHiddenCharacters(v, { lines: true }), hiddenCharactersMessage('note')),
});

export async function addCaseNoteAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, noteSchema, 'case.note');
  if (!parsed.ok) return parsed.state;
  try {
    await addCaseNote({ caseId: parsed.data.caseId, body: parsed.data.note, actorId: parsed.user.id });
  } catch (error) {
    return refusalFor(error, formValues(formData));
  }
  revalidatePath(`/desk/cases/${parsed.data.caseId}`);
  return { ok: true, message: 'Note added.' };
}
