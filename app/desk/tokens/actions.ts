'use server';
// The admin's API tokens: made (the secret shown once, in the answer to this action only) and
// revoked. Access: authorize() (app/(auth)/forms.ts) with tokens.manage before anything is parsed.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorize, type FormState, formValues, refusalFor, refuse } from '@/app/(auth)/forms';
import { createToken, revokeToken } from '@/db/queries/api-tokens';
import { DEFAULT_RATE_PER_MINUTE, MAX_RATE_PER_MINUTE } from '@/lib/api/tokens';
import { API_SCOPES } from '@/lib/types';

const createSchema = z.object({
  name: z.string().trim().min(1, 'Name the token, e.g. “cms”.').max(60, 'Keep the name under 60 characters.'),
  rate: z
    .string()
    .trim()
    .regex(/^([1-9][0-9]{0,3})?$/, `Give calls a minute as a whole number from 1 to ${MAX_RATE_PER_MINUTE}.`)
    .default('')
    .transform((s) => (s ? Number(s) : DEFAULT_RATE_PER_MINUTE))
    .refine((n) => n <= MAX_RATE_PER_MINUTE, `At most ${MAX_RATE_PER_MINUTE} calls a minute.`),
  // One checkbox per scope: "on" when ticked, absent otherwise.
  ...Object.fromEntries(API_SCOPES.map((s) => [`scope_${s.replace(':', '_')}`, z.literal('on').optional()])),
});

export async function createTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, createSchema, 'tokens.manage');
  if (!parsed.ok) return parsed.state;
  const data = parsed.data as Record<string, unknown> & { name: string; rate: number };
  const scopes = API_SCOPES.filter((s) => data[`scope_${s.replace(':', '_')}`] === 'on');
  if (scopes.length === 0) return refuse(422, { message: 'Please correct the fields marked below.', errors: { scopes: ['Tick at least one scope.'] }, values: formValues(formData) });
  try {
    const { token, secret } = createToken({ name: data.name, scopes, ratePerMinute: data.rate, actorId: parsed.user.id });
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
    revokeToken({ id: parsed.data.tokenId, actorId: parsed.user.id });
  } catch (error) {
    return refusalFor(error);
  }
  revalidatePath('/desk/tokens');
  return { ok: true, message: 'Token revoked: calls with it are refused from now on.' };
}
