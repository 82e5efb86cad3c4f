'use server';
// The admin's change to the standards desk's lists and clocks: the code clauses, the error
// taxonomy, the days each route allows for a response, when a case is due soon, and the alert rule.
// Access: every action starts with authorize() (app/(auth)/forms.ts); nothing is written before.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorize, type FormState, formValues, refusalFor } from '@/app/(auth)/forms';
import { type RetiredOption, saveStandardsConfig } from '@/db/queries/cases';
import { keepUnder, STANDARDS_LIMITS as L } from '@/lib/limits';
import { parseOptionLines, type StandardsConfig } from '@/lib/standards/config';

/** A textarea of "code: label" lines, read by the one parser (lib/standards/config.ts). */
const optionList = (limit: (typeof L)[keyof typeof L], missing: string) =>
  z
    .string({ error: missing })
    .max(limit.max, keepUnder(limit))
    .transform((text, ctx) => {
      const parsed = parseOptionLines(text);
      if (parsed.ok) return parsed.options;
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    });

const days = (what: string, min: number, max: number) =>
  z
    .string({ error: `Give ${what}.` })
    .trim()
    .regex(/^\d{1,4}$/, `Give ${what} as a whole number of days.`)
    .transform(Number)
    .pipe(z.number().int().min(min, `At least ${min} for ${what}.`).max(max, `At most ${max} for ${what}.`));

const standardsSchema = z.object({
  clauses: optionList(L.clauses, 'Give the code’s clauses, one per line.'),
  errorTypes: optionList(L.errorTypes, 'Give the types of error, one per line.'),
  errorCauses: optionList(L.errorCauses, 'Give the causes, one per line.'),
  foundBy: optionList(L.foundBy, 'Give who may find an error, one per line.'),
  responseDirect: days('the days for a complaint made directly', 1, 365),
  responseIpso: days('the days for a complaint referred by IPSO', 1, 365),
  responseImpress: days('the days for a complaint referred by IMPRESS', 1, 365),
  responseOther: days('the days for a complaint by another route', 1, 365),
  dueSoonDays: days('the days before a case is due soon', 0, 60),
  alertCount: z
    .string({ error: 'Give how many corrections raise an alert.' })
    .trim()
    .regex(/^\d{1,4}$/, 'Give how many corrections raise an alert, as a whole number.')
    .transform(Number)
    .pipe(z.number().int().min(2, 'An alert needs at least 2 corrections.').max(1000, 'At most 1000 corrections.')),
  alertDays: days('the days the alert rule looks back', 1, 365),
}).superRefine((d, ctx) => {
  // "Due soon" is a warning before the due date: a window as long as a route's whole time would
  // call every new case due soon.
  const shortest = Math.min(d.responseDirect, d.responseIpso, d.responseImpress, d.responseOther);
  if (d.dueSoonDays >= shortest) ctx.addIssue({ code: 'custom', path: ['dueSoonDays'], message: `Make the due-soon window shorter than the shortest route's days (${shortest}).` });
});

const CARRIED_BY = { clauses: ['case', 'cases'], errorTypes: ['correction', 'corrections'], errorCauses: ['correction', 'corrections'], foundBy: ['correction', 'corrections'] } as const;

/** What the admin is told of options taken off a list that the record still carries. */
function retiredNotice(retired: readonly RetiredOption[]): string {
  if (retired.length === 0) return '';
  const each = retired.map((r) => `“${r.label}” (${r.count} ${CARRIED_BY[r.list][r.count === 1 ? 0 : 1]})`);
  return ` No longer offered, but kept on the record that carries them: ${each.join(', ')}. The figures show them by their code (${retired.map((r) => r.code).join(', ')}); put a line back to show its title again.`;
}

export async function saveStandardsSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, standardsSchema, 'settings.edit');
  if (!parsed.ok) return parsed.state;
  const d = parsed.data;
  const config: StandardsConfig = {
    clauses: d.clauses,
    responseDays: { direct: d.responseDirect, ipso: d.responseIpso, impress: d.responseImpress, other: d.responseOther },
    dueSoonDays: d.dueSoonDays,
    errorTypes: d.errorTypes,
    errorCauses: d.errorCauses,
    foundBy: d.foundBy,
    alertCount: d.alertCount,
    alertDays: d.alertDays,
  };
  let saved: Awaited<ReturnType<typeof saveStandardsConfig>>;
  try {
    saved = await saveStandardsConfig({ config, actorId: parsed.user.id });
  } catch (error) {
    return refusalFor(error, formValues(formData));
  }
  if (saved.changed.length === 0) return { ok: true, message: 'Nothing changed.' };
  revalidatePath('/desk', 'layout');
  return { ok: true, message: `Standards settings saved. Cases keep the due dates they were given; a new case, or a change of route, uses the new days.${retiredNotice(saved.retired)}` };
}
