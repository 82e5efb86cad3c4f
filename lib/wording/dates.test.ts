import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { calendarDay, calendarDayFinder, endOfCalendarDay, formatCalendarDay, formatDateTime, formatLongDate, formatShortDate, isCalendarDate, isoDateInZone, startOfCalendarDay } from './dates';
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

  it('refuses impossible calendar dates that Date.parse would roll over', () => {
    expect(Number.isNaN(Date.parse('2030-02-31T00:00:00Z'))).toBe(false);
    expect(isCalendarDate('2030-02-31')).toBe(false);
    expect(isCalendarDate('2030-04-31')).toBe(false);
    // A range ending on its last day reads to the next midnight, which year 9999's last day lacks.
    expect(isCalendarDate('9998-12-31')).toBe(true);
    expect(isCalendarDate('9999-12-31')).toBe(false);
    expect(isCalendarDate('0999-12-31')).toBe(false);
    expect(isCalendarDate('2029-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2030-13-01')).toBe(false);
    expect(isCalendarDate('2030-2-1')).toBe(false);
  });

  it('finds where a calendar day starts and ends in the newsroom’s zone, across clock changes', () => {
    expect(startOfCalendarDay('2011-05-15', 'Europe/London').toISOString()).toBe('2011-05-14T23:00:00.000Z');
    expect(endOfCalendarDay('2011-05-15', 'Europe/London').toISOString()).toBe('2011-05-15T23:00:00.000Z');
    expect(endOfCalendarDay('2011-12-01', 'Europe/London').toISOString()).toBe('2011-12-02T00:00:00.000Z');
    // The day the clocks go forward is 23 hours long.
    expect(endOfCalendarDay('2026-03-29', 'Europe/London').getTime() - startOfCalendarDay('2026-03-29', 'Europe/London').getTime()).toBe(23 * 3_600_000);
    expect(endOfCalendarDay('2026-05-15', 'Pacific/Auckland').toISOString()).toBe('2026-05-15T12:00:00.000Z');
    expect(endOfCalendarDay('2026-05-15', 'America/New_York').toISOString()).toBe('2026-05-16T04:00:00.000Z');
  });

  it('finds the zone’s calendar day of any instant in a range as isoDateInZone does, across clock changes and at the days’ edges', () => {
    for (const zone of ['Europe/London', 'Pacific/Auckland', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC']) {
      const find = calendarDayFinder('2025-10-20', '2026-04-10', zone);
      const from = startOfCalendarDay('2025-10-19', zone).getTime();
      const to = endOfCalendarDay('2026-04-11', zone).getTime();
      fc.assert(
        fc.property(fc.integer({ min: from, max: to }), (t) => {
          const date = new Date(t);
          expect(find(date)).toBe(isoDateInZone(date, zone));
        }),
        { numRuns: 400 },
      );
      // Each day's first instant and the last millisecond before it.
      for (const day of ['2025-10-20', '2025-10-26', '2026-03-29', '2026-04-05', '2026-04-10', '2026-04-11']) {
        const start = startOfCalendarDay(day, zone);
        expect(find(start), `${zone} ${day}`).toBe(isoDateInZone(start, zone));
        expect(find(new Date(start.getTime() - 1)), `${zone} before ${day}`).toBe(isoDateInZone(new Date(start.getTime() - 1), zone));
      }
    }
  });
});

