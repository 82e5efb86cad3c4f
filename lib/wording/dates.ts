// Dates in the newsroom's time zone and house style ("Sunday 15 May 2011").
import type { NewsroomSettings } from '../types';

type DateSettings = Pick<NewsroomSettings, 'timeZone' | 'locale'>;

function parts(date: Date, settings: DateSettings, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of new Intl.DateTimeFormat(settings.locale, { timeZone: settings.timeZone, ...options }).formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** "Sunday 15 May 2011" — built from parts, since locales disagree on commas. */
export function formatLongDate(date: Date, settings: DateSettings): string {
  const p = parts(date, settings, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "15 May 2011" */
export function formatShortDate(date: Date, settings: DateSettings): string {
  const p = parts(date, settings, { day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.day} ${p.month} ${p.year}`;
}

/** "15 May 2011, 14:05 BST" */
export function formatDateTime(date: Date, settings: DateSettings): string {
  const p = parts(date, settings, { hour: '2-digit', minute: '2-digit', hour12: false, timeZoneName: 'short' });
  return `${formatShortDate(date, settings)}, ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/** "2011-05-15": the calendar date in the newsroom's zone (a column edition's key). */
export function isoDateInZone(date: Date, timeZone: string): string {
  const p = parts(date, { timeZone, locale: 'en-GB' }, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}
