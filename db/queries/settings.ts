// The newsroom's settings as the pages and wording need them.
import 'server-only';
import { eq } from 'drizzle-orm';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { publicSiteUrl } from '../../lib/site-url';
import type { NewsroomSettings } from '../../lib/types';
import { getDb } from '../index';
import { settings } from '../schema';

export function getSettings(): NewsroomSettings {
  // Feeds and JSON-LD are cached, so their address never comes from a request (lib/site-url.ts).
  const siteUrlDefault = publicSiteUrl(process.env);
  // `next build` renders the root layout once while deciding what is static; that render is thrown
  // away (every page reading the database is dynamic or ISR), and it must not create a database.
  if (process.env.NEXT_PHASE === 'phase-production-build') return { ...DEFAULT_SETTINGS, siteUrl: siteUrlDefault };
  const row = getDb().select().from(settings).where(eq(settings.id, 1)).get();
  if (!row) return { ...DEFAULT_SETTINGS, siteUrl: siteUrlDefault };
  const { id: _id, ...rest } = row;
  return { ...rest, siteUrl: siteUrlDefault };
}
