// The newsroom's settings as the pages and wording need them.
import 'server-only';
import { eq } from 'drizzle-orm';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { NewsroomSettings } from '../../lib/types';
import { getDb } from '../index';
import { settings } from '../schema';

export function getSettings(): NewsroomSettings {
  const row = getDb().select().from(settings).where(eq(settings.id, 1)).get();
  const siteUrl = (process.env.ERRATA_SITE_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '');
  if (!row) return { ...DEFAULT_SETTINGS, siteUrl };
  const { id: _id, ...rest } = row;
  return { ...rest, siteUrl };
}
