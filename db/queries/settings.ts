// The newsroom's settings as the pages and wording need them, and the admin's change to them.
import 'server-only';
import { eq } from 'drizzle-orm';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { publicSiteUrl } from '../../lib/site-url';
import type { NewsroomSettings } from '../../lib/types';
import { getDb } from '../index';
import type { SettingsRow } from '../schema';
import { settings } from '../tables';
import { recordAudit } from './audit';
import { transaction } from '../store';

/** What the admin can change; a null site address means the server's own (ERRATA_SITE_URL). */
export type StoredSettings = Omit<SettingsRow, 'id'>;

function defaults(): StoredSettings {
  const { siteUrl: _siteUrl, ...rest } = DEFAULT_SETTINGS;
  return { ...rest, siteUrl: null };
}

/** The settings row as stored (the form shows it), or the defaults before the row exists. */
export async function getStoredSettings(): Promise<StoredSettings> {
  // `next build` renders the root layout once while deciding what is static; that render is thrown
  // away (every page reading the database is dynamic or ISR), and it must not create a database.
  if (process.env.NEXT_PHASE === 'phase-production-build') return defaults();
  const row = (await getDb().select().from(settings).where(eq(settings.id, 1)).limit(1))[0];
  if (!row) return defaults();
  const { id: _id, ...rest } = row;
  return rest;
}

export async function getSettings(): Promise<NewsroomSettings> {
  const stored = await getStoredSettings();
  // Feeds and JSON-LD are cached, so their address never comes from a request (lib/site-url.ts).
  return { ...stored, siteUrl: stored.siteUrl ?? publicSiteUrl(process.env) };
}

/** The admin's change, audited with what it replaced, in one transaction. Returns the fields that changed. */
export async function saveSettings({ values, actorId }: { values: StoredSettings; actorId: number }): Promise<(keyof StoredSettings)[]> {
  return await transaction(getDb(), async (tx) => {
    const row = (await tx.select().from(settings).where(eq(settings.id, 1)).limit(1))[0];
    const { id: _id, ...before } = row ?? { id: 1, ...defaults() };
    const changed = (Object.keys(values) as (keyof StoredSettings)[]).filter((k) => before[k] !== values[k]);
    if (changed.length === 0) return changed;
    await tx.insert(settings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: settings.id, set: values });
    const pick = (s: StoredSettings) => Object.fromEntries(changed.map((k) => [k, s[k]]));
    await recordAudit(tx, { actorId, action: 'settings.change', entityType: 'settings', entityId: 1, before: pick(before), after: pick(values) });
    return changed;
  });
}
