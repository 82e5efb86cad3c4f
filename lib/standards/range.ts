// The date range (and section) the dashboard, the statement and its CSV are asked for, read from
// the address: calendar days in the newsroom's time zone, inclusive. A bad one is refused with a
// message the page shows (never a 500); a missing one defaults, and says so.
import { isCalendarDate } from '../wording/dates';

/** Longer than this and the figures stop being a statement: about five years. */
export const MAX_RANGE_DAYS = 5 * 366;
/** The dashboard's default: the last 12 weeks ending today. */
export const DASHBOARD_DAYS = 12 * 7;
/** The statement's default: the last 365 days ending today. */
export const STATEMENT_DAYS = 365;

const DAY = 86_400_000;

export interface StandardsRange {
  from: string;
  to: string;
  section: string | null;
}

export type RangeParse = { ok: true; range: StandardsRange; defaulted: boolean; days: number } | { ok: false; field: 'from' | 'to' | 'section'; message: string };

/** The calendar day `n` days after (or before) one. */
export function addDays(isoDay: string, n: number): string {
  return new Date(Date.parse(`${isoDay}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Days from one calendar day to another, both counted. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / DAY) + 1;
}

function readDay(value: string, name: string): string | { message: string } {
  const notADate = { message: `The ${name} date “${value.slice(0, 40)}” is not a date: write it as YYYY-MM-DD, e.g. 2026-10-12.` };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return notADate;
  const year = Number(value.slice(0, 4));
  if (year < 1900 || year > 2999) return { message: `The ${name} date must be between the years 1900 and 2999.` };
  return isCalendarDate(value) ? value : notADate;
}

/**
 * The range asked for. Neither end given: the last `defaultDays` days ending `today`; only one:
 * the other from the same default length (or today). A day that is not a real YYYY-MM-DD, a start
 * after the end, or a range of more than about five years is refused with a message.
 */
export function parseStandardsRange(raw: { from?: string | null; to?: string | null; section?: string | null }, { today, defaultDays }: { today: string; defaultDays: number }): RangeParse {
  const fromText = raw.from?.trim() || '';
  const toText = raw.to?.trim() || '';
  const section = raw.section?.trim() || null;
  if (section && [...section].length > 100) return { ok: false, field: 'section', message: 'A section’s name is at most 100 characters.' };
  let to = today;
  if (toText) {
    const read = readDay(toText, 'end');
    if (typeof read !== 'string') return { ok: false, field: 'to', message: read.message };
    to = read;
  }
  let from = fromText ? '' : addDays(to, -(defaultDays - 1));
  if (fromText) {
    const read = readDay(fromText, 'start');
    if (typeof read !== 'string') return { ok: false, field: 'from', message: read.message };
    from = read;
    if (!toText && from > to) to = addDays(from, defaultDays - 1);
  }
  if (from > to) return { ok: false, field: 'from', message: `The start (${from}) is after the end (${to}): give the earlier date first.` };
  const days = daysInclusive(from, to);
  if (days > MAX_RANGE_DAYS) return { ok: false, field: 'from', message: `A range can cover at most about five years (${MAX_RANGE_DAYS.toLocaleString('en-GB')} days); this one covers ${days.toLocaleString('en-GB')}.` };
  return { ok: true, range: { from, to, section }, defaulted: !fromText && !toText, days };
}

/** The range as the address's query (for links between the dashboard, the statement and its CSV). */
export function rangeQuery(range: StandardsRange, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: range.from, to: range.to, ...(range.section ? { section: range.section } : {}), ...extra });
  return params.toString();
}
