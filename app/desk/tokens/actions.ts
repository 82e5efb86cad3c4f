'use server';
// The admin's API tokens: made (the secret shown once, in the answer to this action only) and
// revoked. Access: authorize() (app/(auth)/forms.ts) with tokens.manage before anything is parsed.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorize, type FormState, formValues, refusalFor } from '@/app/(auth)/forms';
import { createToken, revokeToken } from '@/db/queries/api-tokens';
import { DEFAULT_RATE_PER_MINUTE, MAX_RATE_PER_MINUTE } from '@/lib/api/tokens';
import { API_SCOPES } from '@/lib/types';

const scopeField = (s: string) => `scope_${s.replace(':', '_')}`;

const createSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name the token, e.g. “cms”.')
    .max(60, 'Keep the name under 60 characters.')
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'Use letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit.'),
  rate: z
    .string()
    .trim()
    .regex(/^([1-9][0-9]{0,3})?$/, `Give calls a minute as a whole number from 1 to ${MAX_RATE_PER_MINUTE}.`)
    .default('')
    .transform((s) => (s ? Number(s) : DEFAULT_RATE_PER_MINUTE))
    .refine((n) => n <= MAX_RATE_PER_MINUTE, `At most ${MAX_RATE_PER_MINUTE} calls a minute.`),
  // One checkbox per scope: "on" when ticked, absent otherwise.
  ...Object.fromEntries(API_SCOPES.map((s) => [scopeField(s), z.literal('on').optional()])),
}).superRefine((data, ctx) => {
  // Refused with the other fields' errors, so one submit shows them all.
  if (!API_SCOPES.some((s) => (data as Record<string, unknown>)[scopeField(s)] === 'on')) ctx.addIssue({ code: 'custom', path: ['scopes'], message: 'Tick at least one scope.' });
});

export async function createTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, createSchema, 'tokens.manage');
  if (!parsed.ok) return parsed.state;
  const data = parsed.data as Record<string, unknown> & { name: string; rate: number };
  const scopes = API_SCOPES.filter((s) => data[scopeField(s)] === 'on');
  try {
    const { token, secret } = await createToken({ name: data.name, scopes, ratePerMinute: data.rate, actorId: parsed.user.id });
    revalidatePath('/desk/tokens');
    return { ok: true, message: `Token “${token.name}” made. Copy its secret now: it is not shown again.`, detail: { secret, id: token.id } };
  } catch (error) {
    return refusalFor(error, formValues(formData));
  }
}

const revokeSchema = z.object({ tokenId: z.string().trim().regex(/^[1-9][0-9]{0,9}$/, 'This form is not for a token; reload the page.').transform(Number) });

export async function revokeTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, revokeSchema, 'tokens.manage');
  if (!parsed.ok) return parsed.state;
  try {
    await revokeToken({ id: parsed.data.tokenId, actorId: parsed.user.id });
  } catch (error) {
    return refusalFor(error);
  }
  revalidatePath('/desk/tokens');
  return { ok: true, message: 'Token revoked: calls with it are refused from now on.' };
}
