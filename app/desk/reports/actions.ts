'use server';
// Triage of reader reports: accept (opens a correction draft on the reported words) or decline with a reason.
// Access: every action starts with authorize() (app/(auth)/forms.ts): requireUser(), the form parsed
// once, then the role table (lib/roles.ts) asked about what was parsed; nothing is written before.
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { keepUnder, REASON_LIMITS } from '@/lib/limits';
import { z } from 'zod';
import { authorize, type FormState, refusalFor } from '@/app/(auth)/forms';
import { acceptReport, declineReport } from '@/db/queries/reports';
import { recordId } from '@/lib/ids';

const idSchema = z.object({ reportId: recordId() });

export async function acceptReportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, idSchema, 'report.triage');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  let correctionId: number;
  try {
    correctionId = await acceptReport({ id: parsed.data.reportId, actorId: user.id });
  } catch (error) {
    return refusalFor(error);
  }
  redirect(`/desk/corrections/${correctionId}`);
}

const declineSchema = idSchema.extend({
  reason: z.string().trim().min(1, 'Give the reason for declining.').max(REASON_LIMITS.reason.max, keepUnder(REASON_LIMITS.reason)),
});

export async function declineReportAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, declineSchema, 'report.triage');
  if (!parsed.ok) return parsed.state;
  const { user } = parsed;
  try {
    await declineReport({ id: parsed.data.reportId, reason: parsed.data.reason, actorId: user.id });
  } catch (error) {
    return refusalFor(error);
  }
  revalidatePath('/desk/reports');
  return { ok: true, message: 'Report declined.' };
}
