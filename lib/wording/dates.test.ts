import { describe, expect, it } from 'vitest';
import { calendarDay, formatCalendarDay, formatDateTime, formatLongDate, formatShortDate, isoDateInZone } from './dates';
import { settings } from './test-fixtures';

describe('dates in the newsroom’s zone and locale', () => {
  it('writes the long date the house way, without the comma ICU gives en-GB', () => {
    expect(formatLongDate(new Date('2011-05-15T12:00:00Z'), settings)).toBe('Sunday 15 May 2011');
    expect(formatLongDate(new Date('2011-05-15T12:00:00Z'), { ...settings, locale: 'en-IE' })).toBe('Sunday 15 May 2011');
  });

  it('uses the newsroom’s zone for the calendar day, not UTC', () => {
    const lateEvening = new Date('2011-05-15T23:30:00Z'); // 00:30 BST on the 16th
    expect(formatShortDate(lateEvening, settings)).toBe('16 May 2011');
    expect(formatLongDate(lateEvening, settings)).toBe('Monday 16 May 2011');
    expect(formatShortDate(lateEvening, { ...settings, timeZone: 'America/New_York' })).toBe('15 May 2011');
  });

  it('writes a time with its zone, summer and winter, and midnight as 00', () => {
    expect(formatDateTime(new Date('2011-05-15T13:05:00Z'), settings)).toBe('15 May 2011, 14:05 BST');
    expect(formatDateTime(new Date('2011-12-01T00:05:00Z'), settings)).toBe('1 December 2011, 00:05 GMT');
  });

  it('keeps another locale’s own conventions', () => {
    expect(formatLongDate(new Date('2011-05-15T12:00:00Z'), { timeZone: 'America/New_York', locale: 'en-US' })).toBe('Sunday, May 15, 2011');
    expect(formatShortDate(new Date('2011-05-15T12:00:00Z'), { timeZone: 'Europe/Paris', locale: 'fr-FR' })).toBe('15 mai 2011');
  });

  it('gives the column’s date key in a zone, and reads one back as that day', () => {
    expect(isoDateInZone(new Date('2011-05-15T23:30:00Z'), 'Europe/London')).toBe('2011-05-16');
    expect(isoDateInZone(new Date('2011-05-15T23:30:00Z'), 'UTC')).toBe('2011-05-15');
    expect(formatCalendarDay('2026-11-22', settings)).toBe('Sunday 22 November 2026');
    // Noon UTC is already the 23rd in Auckland (UTC+13 in November): a calendar day is not an instant.
    expect(formatCalendarDay('2026-11-22', { ...settings, timeZone: 'Pacific/Auckland' })).toBe('Sunday 22 November 2026');
    expect(formatCalendarDay('2026-11-22', { ...settings, timeZone: 'Pacific/Kiritimati' })).toBe('Sunday 22 November 2026');
    expect(calendarDay('2026-11-22').toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(() => calendarDay('22/11/2026')).toThrow(RangeError);
    expect(() => calendarDay('2026-02-30')).toThrow(RangeError);
  });
});
