// Dates in the newsroom's time zone and house style ("Sunday 15 May 2011").
import { lastAtOrBefore } from '../sorted';
import type { NewsroomSettings } from '../types';

export type DateSettings = Pick<NewsroomSettings, 'timeZone' | 'locale'>;

/**
 * Formatters are costly to build (tens of microseconds each, far more than a format), and a page
 * of figures formats tens of thousands of dates: they are kept, per locale, zone and options. The
 * zone and locale come from the newsroom's settings, so the set is small; it is bounded anyway.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 256;

function formatter(settings: DateSettings, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${settings.locale}\u0000${settings.timeZone}\u0000${JSON.stringify(options)}`;
  let kept = formatters.get(key);
  if (!kept) {
    kept = new Intl.DateTimeFormat(settings.locale, { timeZone: settings.timeZone, ...options });
    if (formatters.size >= MAX_FORMATTERS) formatters.delete(formatters.keys().next().value as string);
    formatters.set(key, kept);
  }
  return kept;
}

function partsOf(date: Date, settings: DateSettings, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of formatter(settings, options).formatToParts(date)) out[p.type] = p.value;
  return out;
}

/**
 * English with the day before the month (en-GB, en-IE, en-AU…) is written the house way, without
 * the comma ICU puts after the weekday in en-GB; other locales keep their own conventions.
 */
function houseStyle(settings: DateSettings): boolean {
  if (!/^en\b/i.test(settings.locale)) return false;
  const order = formatter(settings, { day: 'numeric', month: 'long' })
    .formatToParts(new Date(Date.UTC(2011, 4, 15, 12)))
    .map((p) => p.type);
  return order.indexOf('day') < order.indexOf('month');
}

/** "Sunday 15 May 2011" */
export function formatLongDate(date: Date, settings: DateSettings): string {
  const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  if (!houseStyle(settings)) return formatter(settings, options).format(date);
  const p = partsOf(date, settings, options);
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "15 May 2011" */
export function formatShortDate(date: Date, settings: DateSettings): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
  if (!houseStyle(settings)) return formatter(settings, options).format(date);
  const p = partsOf(date, settings, options);
  return `${p.day} ${p.month} ${p.year}`;
}

/** "15 May 2011, 14:05 BST" — the zone is named because readers are not all in it. */
export function formatDateTime(date: Date, settings: DateSettings): string {
  // hourCycle h23: some engines write midnight as "24:05" with hour12 false.
  const p = partsOf(date, settings, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' });
  return `${formatShortDate(date, settings)}, ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/** "2011-05-15": the calendar date in the newsroom's zone (a column edition's key). */
export function isoDateInZone(date: Date, timeZone: string): string {
  const p = partsOf(date, { timeZone, locale: 'en-GB' }, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}

/** A calendar day ("YYYY-MM-DD", an edition's date) as an instant: noon UTC on that day. */
export function calendarDay(iso: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) throw new RangeError(`Not a calendar date: ${iso}`);
  return date;
}

/**
 * "Sunday 22 November 2026" for a calendar day. It is already a day in the newsroom's zone, so it
 * is written in UTC: read through Pacific/Auckland, noon UTC would already be the next day.
 */
export function formatCalendarDay(iso: string, settings: DateSettings): string {
  return formatLongDate(calendarDay(iso), { ...settings, timeZone: 'UTC' });
}

/** True for a real calendar day written "YYYY-MM-DD": "2030-02-31" is not one (Date.parse rolls it over). */
export function isCalendarDate(iso: string): boolean {
  try {
    calendarDay(iso);
    // Years 1000 to 9998: a range ending on the day typed reads up to the next midnight, which year
    // 9999's last day has none of in an ISO timestamp (PostgreSQL refuses it); none of the record is older.
    return iso >= '1000-01-01' && iso < '9999-01-01';
  } catch {
    return false;
  }
}

/** How far the zone's wall clock is ahead of UTC at this instant, in milliseconds. */
function zoneOffset(date: Date, timeZone: string): number {
  const p = partsOf(date, { timeZone, locale: 'en-GB' }, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wall - Math.floor(date.getTime() / 1000) * 1000;
}

/** The instant a calendar day begins in the zone (its local midnight). */
export function startOfCalendarDay(iso: string, timeZone: string): Date {
  const midnightUtc = calendarDay(iso).getTime() - 12 * 3_600_000;
  let t = midnightUtc;
  // Two steps settle the offset, also across a change of clocks.
  for (let i = 0; i < 3; i++) t = midnightUtc - zoneOffset(new Date(t), timeZone);
  return new Date(t);
}

/** The instant a calendar day ends in the zone: the start of the next day (exclusive). */
export function endOfCalendarDay(iso: string, timeZone: string): Date {
  const next = new Date(calendarDay(iso).getTime() + 86_400_000).toISOString().slice(0, 10);
  return startOfCalendarDay(next, timeZone);
}

/**
 * A day-of-the-zone function for many instants in a range of calendar days (from and to inclusive):
 * the days' starts are worked out once with startOfCalendarDay, the same bounds the range's
 * queries use, and each instant is then found among them by binary search. Instants outside the
 * range are answered by isoDateInZone.
 */
export function calendarDayFinder(from: string, to: string, timeZone: string, maxDays = 4000): (date: Date) => string {
  const days: string[] = [];
  for (let t = calendarDay(from).getTime(), last = calendarDay(to).getTime(); t <= last && days.length < maxDays; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  if (days.length === 0) return (date) => isoDateInZone(date, timeZone);
  const starts = days.map((d) => startOfCalendarDay(d, timeZone).getTime());
  const end = endOfCalendarDay(days[days.length - 1], timeZone).getTime();
  return (date) => {
    const t = date.getTime();
    if (!(t >= starts[0] && t < end)) return isoDateInZone(date, timeZone);
    return days[lastAtOrBefore(starts, t)];
  };
}
