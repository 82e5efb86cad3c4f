'use server';
// Resolving a stealth-edit flag on a version that came from a CMS: a standards editor names the
// correction that covers the change, or says why none is needed. Access: authorize() first.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorize, type FormState, refusalFor } from '@/app/(auth)/forms';
import { resolveFlag } from '@/db/queries/version-flags';
import { keepUnder, REASON_LIMITS } from '@/lib/limits';

const id = (message: string) => z.string().trim().regex(/^[1-9][0-9]{0,9}$/, message).transform(Number);

const resolveSchema = z.object({
  articleId: id('This form is not for an article; reload the page.'),
  flagId: id('This form is not for a flag; reload the page.'),
  correctionId: z
    .string()
    .trim()
    .regex(/^([1-9][0-9]{0,9})?$/, 'Choose a correction from the list, or none.')
    .default('')
    .transform((s) => (s ? Number(s) : undefined)),
  reason: z.string().trim().max(REASON_LIMITS.reason.max, keepUnder(REASON_LIMITS.reason)).default(''),
});

export async function resolveFlagAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, resolveSchema, 'flag.resolve');
  if (!parsed.ok) return parsed.state;
  const { data, user } = parsed;
  try {
    await resolveFlag({ flagId: data.flagId, correctionId: data.correctionId, reason: data.reason, actorId: user.id });
  } catch (error) {
    return refusalFor(error, { reason: data.reason, correctionId: data.correctionId ? String(data.correctionId) : '' });
  }
  revalidatePath(`/desk/articles/${data.articleId}`);
  return { ok: true, message: 'Flag resolved.' };
}
