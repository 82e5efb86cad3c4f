'use server';
// The admin's webhook subscriptions: add one (its signing secret shown once), disable one, and send
// a failed message again. Access: every action starts with authorize() (app/(auth)/forms.ts):
// requireUser(), the form parsed once, then the role table (lib/roles.ts) asked; nothing is written before.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorize, type FormState, formValues, refusalFor } from '@/app/(auth)/forms';
import { createSubscription, disableSubscription, retryNow } from '@/db/queries/webhook-delivery';
import { nudgeWebhookWorker } from '@/db/queries/webhook-worker';
import { hasHiddenCharacters, hiddenCharactersMessage, keepUnder } from '@/lib/limits';
import { WEBHOOK_EVENTS } from '@/lib/types';
import { allowsPrivateReceivers, checkReceiverUrl, WEBHOOK_LIMITS as L } from '@/lib/webhooks/receiver-url';
import { recordId } from '@/lib/ids';

/** Each event is its own checkbox ("event-correction.published"): a field is never sent twice. */
const eventFields = Object.fromEntries(WEBHOOK_EVENTS.map((e) => [`event-${e}`, z.literal('on', { error: 'Tick the box or leave it empty.' }).optional()])) as Record<
  `event-${(typeof WEBHOOK_EVENTS)[number]}`,
  z.ZodOptional<z.ZodLiteral<'on'>>
>;

const subscribeSchema = z
  .object({
    url: z.string().trim().max(L.url.max, keepUnder(L.url)),
    description: z
      .string()
      .trim()
      .max(L.description.max, keepUnder(L.description))
      .refine((v) => !hasHiddenCharacters(v), hiddenCharactersMessage('description'))
      .default(''),
    ...eventFields,
  })
  // Both checks at once, so the form shows every problem beside its field in one go.
  .superRefine((d, ctx) => {
    const url = checkReceiverUrl(d.url, { allowPrivate: allowsPrivateReceivers(process.env) });
    if (!url.ok) ctx.addIssue({ code: 'custom', path: ['url'], message: url.problem });
    if (!WEBHOOK_EVENTS.some((e) => d[`event-${e}`] === 'on')) ctx.addIssue({ code: 'custom', path: ['events'], message: 'Choose at least one event to send.' });
  });

export async function createSubscriptionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, subscribeSchema, 'webhooks.manage');
  if (!parsed.ok) return parsed.state;
  const { data, user } = parsed;
  let subscription;
  try {
    subscription = await createSubscription({ url: data.url, events: WEBHOOK_EVENTS.filter((e) => data[`event-${e}`] === 'on'), description: data.description, actorId: user.id });
  } catch (error) {
    return refusalFor(error, formValues(formData));
  }
  revalidatePath('/desk/webhooks');
  // The secret leaves the server this once, to the admin who made it; the page never shows it again.
  return { ok: true, message: `Subscribed ${subscription.url}.`, detail: { secret: subscription.secret, url: subscription.url } };
}

const subscriptionSchema = z.object({ subscriptionId: recordId() });

export async function disableSubscriptionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, subscriptionSchema, 'webhooks.manage');
  if (!parsed.ok) return parsed.state;
  try {
    await disableSubscription({ id: parsed.data.subscriptionId, actorId: parsed.user.id });
  } catch (error) {
    return refusalFor(error);
  }
  revalidatePath('/desk/webhooks');
  return { ok: true, message: 'Disabled: nothing more is sent to it.' };
}

const messageSchema = z.object({ outboxId: recordId() });

export async function retryWebhookAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, messageSchema, 'webhooks.manage');
  if (!parsed.ok) return parsed.state;
  try {
    await retryNow({ outboxId: parsed.data.outboxId, actorId: parsed.user.id });
  } catch (error) {
    return refusalFor(error);
  }
  nudgeWebhookWorker();
  revalidatePath('/desk/webhooks');
  return { ok: true, message: 'Sending it again now.' };
}
