// The newsroom's default settings (house style until the admin changes the names), and the rules a
// changed setting must meet: a real time zone, a date style the house knows, a web address.
import type { NewsroomSettings } from './types';

export const DEFAULT_SETTINGS: NewsroomSettings = {
  publication: 'Errata Newsroom',
  columnName: 'For the Record',
  contactLine: "Write to the readers' editor.",
  timeZone: 'Europe/London',
  locale: 'en-GB',
  siteUrl: 'http://localhost:3000',
  readersEditorEmail: null,
};

/** The date styles the admin can choose, by the locale that writes them. */
export const DATE_STYLES = [
  { locale: 'en-GB', label: 'UK: Sunday 15 May 2011' },
  { locale: 'en-IE', label: 'Irish: Sunday 15 May 2011' },
  { locale: 'en-AU', label: 'Australian: Sunday 15 May 2011' },
  { locale: 'en-US', label: 'US: Sunday, May 15, 2011' },
  { locale: 'en-CA', label: 'Canadian: Sunday, May 15, 2011' },
] as const;

export function isDateStyle(locale: string): boolean {
  return DATE_STYLES.some((s) => s.locale === locale);
}

/** Whether Intl knows the zone by this exact IANA name ("Europe/London", "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zones offered in the form (the typed one is checked by isTimeZone, so a new zone still works). */
export function timeZoneChoices(): string[] {
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return supported.includes('UTC') ? supported : ['UTC', ...supported];
}

/** A site address as settings keep it: an http(s) origin, no path, no trailing slash; null when not one. */
export function siteOrigin(value: string): string | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
    return url.origin;
  } catch {
    return null;
  }
}
