'use server';
// Desk actions on articles; each writes in one transaction.
// Access: every action starts with authorize() (app/(auth)/forms.ts): requireUser(), the form parsed
// once, then the role table (lib/roles.ts) asked about what was parsed; nothing is written before.
import { redirect } from 'next/navigation';
import { ARTICLE_LIMITS, keepUnder, REASON_LIMITS } from '@/lib/limits';
import { z } from 'zod';
import { authorize, type FormState, formValues, refusalFor, refuse } from '@/app/(auth)/forms';
import { createArticle, getVersionText, publishArticle, saveVersion, unwithdrawArticle, withdrawArticle } from '@/db/queries/article-writes';
import { getDeskArticle } from '@/db/queries/desk';
import { getUserById } from '@/db/queries/users';
import { toPlainText } from '@/lib/markdown';
import { markedChangeText } from '@/lib/history/wording';
import { findSubstantiveChanges, versionFacts } from '@/lib/stealth-edit';
import { CARRYING_OUT_KINDS, versionPermission } from '@/lib/roles';
import { CHANGE_KINDS, type ChangeKind } from '@/lib/types';
import { clientIpFromRequest } from '@/app/(auth)/request-ip';
import { articleChange, commitAndInvalidate } from '@/app/(cache)/invalidate';
import { recordId } from '@/lib/ids';


const articleText = {
  headline: z.string().trim().min(1, 'Give the article a headline.').max(ARTICLE_LIMITS.headline.max, keepUnder(ARTICLE_LIMITS.headline)),
  standfirst: z.string().trim().max(ARTICLE_LIMITS.standfirst.max, keepUnder(ARTICLE_LIMITS.standfirst)).default(''),
  body: z
    .string()
    .refine((s) => s.trim().length > 0, 'The body is empty.')
    .refine((s) => Buffer.byteLength(s, 'utf8') <= ARTICLE_LIMITS.body.max, `${keepUnder(ARTICLE_LIMITS.body)} Split the article.`),
};

const createSchema = z.object({
  slug: z
    .string()
    .trim()
    .min(1, 'Give the article a slug.')
    .max(ARTICLE_LIMITS.slug.max, keepUnder(ARTICLE_LIMITS.slug))
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and single hyphens, e.g. "harbour-bridge-reopens".'),
  section: z.string().trim().min(1, 'Choose a section.').max(ARTICLE_LIMITS.section.max, keepUnder(ARTICLE_LIMITS.section)),
  byline: z.string().trim().min(1, 'Give a byline.').max(ARTICLE_LIMITS.byline.max, keepUnder(ARTICLE_LIMITS.byline)),
  ...articleText,
});

export async function createArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, createSchema, 'article.create');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  let id: number;
  try {
    id = (await createArticle({ ...parsed.data, actorId: user.id, ip: await clientIpFromRequest() })).id;
  } catch (error) {
    return refusalFor(error, formValues(formData));
  }
  redirect(`/desk/articles/${id}`);
}


const EDIT_KINDS = CHANGE_KINDS.filter((k): k is Exclude<ChangeKind, 'first_publication'> => k !== 'first_publication') as [Exclude<ChangeKind, 'first_publication'>, ...Exclude<ChangeKind, 'first_publication'>[]];

const saveSchema = z
  .object({
    articleId: recordId(),
    baseNumber: recordId('That is not one of the article’s version numbers.'),
    changeKind: z.enum(EDIT_KINDS, { error: 'Choose the kind of change.' }),
    note: z.string().trim().max(ARTICLE_LIMITS.note.max, keepUnder(ARTICLE_LIMITS.note)).default(''),
    withhold: z.string().trim().max(ARTICLE_LIMITS.withhold.max, keepUnder(ARTICLE_LIMITS.withhold)).default(''),
    legalReason: z.string().trim().max(ARTICLE_LIMITS.legalReason.max, keepUnder(ARTICLE_LIMITS.legalReason)).default(''),
    minorReason: z.string().trim().max(ARTICLE_LIMITS.minorReason.max, keepUnder(ARTICLE_LIMITS.minorReason)).default(''),
    /** "This edit carries out correction N": the published correction's id, or blank. */
    carriesOut: z
      .string()
      .trim()
      .regex(/^([1-9][0-9]{0,8})?$/, 'Choose a correction from the list, or none.')
      .default('')
      .transform((s) => (s ? Number(s) : undefined)),
    ...articleText,
  })
  .superRefine((data, ctx) => {
    if (data.carriesOut !== undefined && !CARRYING_OUT_KINDS.includes(data.changeKind)) {
      ctx.addIssue({ code: 'custom', path: ['changeKind'], message: 'An edit that carries out a correction is a correction, clarification or update.' });
    }
    if (data.changeKind !== 'legal') return;
    if (!data.legalReason) ctx.addIssue({ code: 'custom', path: ['legalReason'], message: 'A legal change needs a reason for the record.' });
    const numbers = parseNumbers(data.withhold);
    if (numbers === null || numbers.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['withhold'], message: 'List the version numbers to withhold, e.g. "2, 3".' });
    } else if (numbers.some((n) => n > data.baseNumber)) {
      ctx.addIssue({ code: 'custom', path: ['withhold'], message: `Only versions up to ${data.baseNumber} exist.` });
    }
  });

function parseNumbers(list: string): number[] | null {
  if (!list) return [];
  const parts = list.split(/[\s,]+/).filter(Boolean);
  if (!parts.every((p) => /^[1-9][0-9]{0,6}$/.test(p))) return null;
  return [...new Set(parts.map(Number))];
}

export async function saveVersionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  // Authorized on the PARSED change kind: a legal version (withholding text from readers) is for standards editors and admins.
  const parsed = await authorize(formData, saveSchema, (d) => versionPermission(d.changeKind));
  if (!parsed.ok) return parsed.state;
  const { user, data } = parsed;
  const desk = await getDeskArticle({ id: data.articleId });
  if (!desk) return refuse(404, { message: 'That article does not exist.' });
  // An edit made on text that a legal version has since withheld must not bring it back: refused
  // however often it is sent (its base stays behind the legal version), until the editor starts
  // again from the current text.
  const legal = desk.versions.find((v) => v.number > data.baseNumber && v.changeKind === 'legal');
  if (legal) {
    return refuse(409, {
      message: `Version ${legal.number} is a legal version: it withheld earlier text from readers while you were editing. Your edit was made on that text, so it cannot be saved. Reload the article and make your change again on the current version.`,
    });
  }
  // A version is a change readers can see (or, for a legal version, a withholding): saving the same
  // text again (a resubmitted form, the back button) would put an empty change on the record.
  const unchanged = desk.latest.number === data.baseNumber && desk.latest.headline === data.headline && desk.latest.standfirst === data.standfirst && desk.latest.body === data.body;
  if (unchanged && data.changeKind !== 'legal') {
    return refuse(422, { message: `Nothing has changed since version ${data.baseNumber}: change the text before saving, or go back to the article.`, values: formValues(formData) });
  }
  // The stealth-edit guard: a "minor edit" to a published article that changes facts needs a
  // correction or a reason on the record.
  let plain: string | undefined;
  if (data.changeKind === 'minor_edit' && desk.article.status === 'published' && !data.minorReason) {
    // The latest version's plain text is stored; the new body's is worked out once, for the check and the save.
    plain = toPlainText(data.body);
    const changes = findSubstantiveChanges(versionFacts(desk.latest, await getVersionText(desk.latest)), versionFacts(data, plain));
    if (changes.length > 0) {
      return refuse(422, {
        message: 'This “minor edit” changes facts readers may have relied on. Save it as a correction, clarification or update — or give the reason it is minor.',
        // Each change once, its changed words marked: a long quote is not printed before and after in full.
        errors: { changeKind: [`Changed: ${changes.map((c) => `${c.kind} ${markedChangeText(c)}`).join('; ')}.`] },
        values: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === undefined ? '' : String(v)])),
        detail: { substantive: changes },
      });
    }
  }
  let result;
  try {
    const input = {
      articleId: data.articleId,
      baseNumber: data.baseNumber,
      headline: data.headline,
      standfirst: data.standfirst,
      body: data.body,
      plain,
      changeKind: data.changeKind as (typeof CHANGE_KINDS)[number],
      note: data.minorReason ? `${data.note ? `${data.note}. ` : ''}Minor edit despite changed facts: ${data.minorReason}` : data.note,
      actorId: user.id,
      ip: await clientIpFromRequest(),
      withhold: data.changeKind === 'legal' ? { numbers: parseNumbers(data.withhold) ?? [], reason: data.legalReason } : undefined,
      carriesOut: data.carriesOut,
    };
    result = await commitAndInvalidate(() => saveVersion(input), (saved) => (saved.ok ? articleChange(data.articleId, 'article') : null));
  } catch (error) {
    // A correction this edit cannot carry out: nothing was saved, the typed text comes back.
    return refusalFor(error, formValues(formData));
  }
  if (!result.ok) {
    const other = result.conflict;
    const by = other.savedBy ? (await getUserById({ id: other.savedBy }))?.name : undefined;
    return refuse(409, {
      message: `Version ${other.number} was saved${by ? ` by ${by}` : ''} while you were editing. Your text is kept below: merge in their change and save again.`,
      // The form now starts from the version they saw, so the next save is checked against it.
      values: { ...Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === undefined ? '' : String(v)])), baseNumber: String(other.number) },
      detail: { conflict: { number: other.number, by: by ?? null, headline: other.headline, standfirst: other.standfirst, body: other.body, base: data.baseNumber } },
    });
  }
  redirect(`/desk/articles/${data.articleId}?saved=${result.version.number}`);
}

const idSchema = z.object({ articleId: recordId() });

export async function publishArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, idSchema, 'article.publish');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  const desk = await getDeskArticle({ id: parsed.data.articleId });
  if (!desk) return refuse(404, { message: 'That article does not exist.' });
  // Publishing is a draft's first publication only: a withdrawn article is restored by standards, with a reason.
  if (desk.article.status === 'withdrawn') return refuse(409, { message: 'This article was withdrawn. Only a standards editor can restore it, with a reason for the record.' });
  if (desk.article.status === 'published') return refuse(409, { message: 'The article is already published.' });
  try {
    await commitAndInvalidate(() => publishArticle({ articleId: desk.article.id, actorId: user.id }), () => articleChange(desk.article.id, 'article'));
  } catch (error) {
    return refusalFor(error);
  }
  redirect(`/desk/articles/${desk.article.id}`);
}

const reasonSchema = idSchema.extend({
  reason: z.string().trim().min(1, 'Give the reason readers will see.').max(REASON_LIMITS.reason.max, keepUnder(REASON_LIMITS.reason)),
});

export async function withdrawArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, reasonSchema, 'article.withdraw');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  try {
    await commitAndInvalidate(() => withdrawArticle({ articleId: parsed.data.articleId, reason: parsed.data.reason, actorId: user.id }), () => articleChange(parsed.data.articleId, 'article'));
  } catch (error) {
    return refusalFor(error);
  }
  redirect(`/desk/articles/${parsed.data.articleId}`);
}

/** Restores a withdrawn article, with its own public reason; readers still see that it was withdrawn. */
export async function unwithdrawArticleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, reasonSchema, 'article.unwithdraw');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  try {
    await commitAndInvalidate(() => unwithdrawArticle({ articleId: parsed.data.articleId, reason: parsed.data.reason, actorId: user.id }), () => articleChange(parsed.data.articleId, 'article'));
  } catch (error) {
    return refusalFor(error);
  }
  redirect(`/desk/articles/${parsed.data.articleId}`);
}
