'use server';
// The admin's change to the newsroom's settings: the names, the contact line, dates and the site's
// address. Readers see the change at once: every reader page is dropped from the cache.
// Access: every action starts with authorize() (app/(auth)/forms.ts): requireUser(), the form parsed
// once, then the role table (lib/roles.ts) asked about what was parsed; nothing is written before.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { authorize, type FormState } from '@/app/(auth)/forms';
import { commitAndInvalidate } from '@/app/(cache)/invalidate';
import { saveSettings } from '@/db/queries/settings';
import { keepUnder, SETTINGS_LIMITS as L } from '@/lib/limits';
import { isDateStyle, isTimeZone, siteOrigin } from '@/lib/settings';

const name = (limit: (typeof L)[keyof typeof L], missing: string) => z.string().trim().min(1, missing).max(limit.max, keepUnder(limit));

const settingsSchema = z.object({
  publication: name(L.publication, 'Give the publication’s name.'),
  columnName: name(L.columnName, 'Give the column’s name.'),
  contactLine: name(L.contactLine, 'Give a contact line for the foot of every page and the column.'),
  timeZone: z
    .string()
    .trim()
    .max(L.timeZone.max, keepUnder(L.timeZone))
    .refine(isTimeZone, 'Choose a time zone by its full name, such as Europe/London.'),
  locale: z.string().refine(isDateStyle, 'Choose one of the date styles.'),
  siteUrl: z
    .string()
    .trim()
    .max(L.siteUrl.max, keepUnder(L.siteUrl))
    .refine((v) => v === '' || siteOrigin(v) !== null, 'Give the address readers use, such as https://news.example (no path).')
    .transform((v) => (v === '' ? null : siteOrigin(v))),
  readersEditorEmail: z
    .union([z.literal(''), z.email('That email address does not look right.').max(L.readersEditorEmail.max, keepUnder(L.readersEditorEmail))])
    .transform((v) => (v === '' ? null : v.toLowerCase())),
});

export async function saveSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = await authorize(formData, settingsSchema, 'settings.edit');
  if (!parsed.ok) return parsed.state;
  const changed = await commitAndInvalidate(() => saveSettings({ values: parsed.data, actorId: parsed.user.id }), (names) => (names.length > 0 ? { kind: 'site' } : null));
  if (changed.length === 0) return { ok: true, message: 'Nothing changed.' };
  revalidatePath('/desk', 'layout');
  return { ok: true, message: 'Settings saved. Every reader page shows them now.' };
}
