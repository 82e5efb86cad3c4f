import { describe, expect, it } from 'vitest';
import { addDays, daysInclusive, MAX_RANGE_DAYS, parseStandardsRange, rangeQuery } from './range';

const opts = { today: '2026-12-02', defaultDays: 84 };

describe('parseStandardsRange', () => {
  it('defaults to the last N days ending today, and says it did', () => {
    expect(parseStandardsRange({}, opts)).toEqual({ ok: true, range: { from: '2026-09-10', to: '2026-12-02', section: null }, defaulted: true, days: 84 });
    expect(parseStandardsRange({ from: '', to: ' ', section: '' }, { today: '2026-12-02', defaultDays: 365 })).toMatchObject({ range: { from: '2025-12-03', to: '2026-12-02' }, defaulted: true, days: 365 });
  });
  it('takes both ends as given, a section trimmed', () => {
    expect(parseStandardsRange({ from: '2026-01-01', to: '2026-12-31', section: ' Politics ' }, opts)).toEqual({ ok: true, range: { from: '2026-01-01', to: '2026-12-31', section: 'Politics' }, defaulted: false, days: 365 });
    expect(parseStandardsRange({ from: '2026-03-01', to: '2026-03-01' }, opts)).toMatchObject({ ok: true, days: 1 });
  });
  it('fills a missing end: up to today, or the default length before the end given', () => {
    expect(parseStandardsRange({ from: '2026-11-01' }, opts)).toMatchObject({ range: { from: '2026-11-01', to: '2026-12-02' }, defaulted: false });
    expect(parseStandardsRange({ to: '2026-06-30' }, opts)).toMatchObject({ range: { from: '2026-04-08', to: '2026-06-30' } });
    // A start after today with no end: the default length from the start.
    expect(parseStandardsRange({ from: '2027-01-01' }, opts)).toMatchObject({ ok: true, range: { from: '2027-01-01', to: '2027-03-25' } });
  });
  it('refuses what is not a real day, naming the field', () => {
    for (const bad of ['2026-02-31', '2026-13-01', '26-01-01', '2026/01/01', 'yesterday', '2026-1-1', '0099-01-01']) {
      expect(parseStandardsRange({ from: bad, to: '2026-12-01' }, opts)).toMatchObject({ ok: false, field: 'from' });
      expect(parseStandardsRange({ from: '2026-01-01', to: bad }, opts)).toMatchObject({ ok: false, field: 'to' });
    }
    expect(parseStandardsRange({ to: '2026-02-30' }, opts)).toEqual({ ok: false, field: 'to', message: 'The end date “2026-02-30” is not a date: write it as YYYY-MM-DD, e.g. 2026-10-12.' });
    expect(parseStandardsRange({ from: '9999-12-31', to: '9999-12-31' }, opts)).toMatchObject({ ok: false, field: 'to', message: 'The end date must be between the years 1900 and 2999.' });
    expect(parseStandardsRange({ from: `2026-01-01${'x'.repeat(5000)}` }, opts)).toMatchObject({ ok: false, field: 'from' });
  });
  it('refuses a start after the end, and a range of more than about five years', () => {
    expect(parseStandardsRange({ from: '2026-12-01', to: '2026-11-01' }, opts)).toEqual({ ok: false, field: 'from', message: 'The start (2026-12-01) is after the end (2026-11-01): give the earlier date first.' });
    expect(parseStandardsRange({ from: '2021-01-01', to: '2026-01-01' }, opts)).toMatchObject({ ok: true, days: 1827 });
    expect(parseStandardsRange({ from: '2000-01-01', to: '2026-01-01' }, opts)).toMatchObject({ ok: false, field: 'from', message: expect.stringMatching(/at most about five years/) });
    expect(parseStandardsRange({ from: addDays('2026-01-01', -MAX_RANGE_DAYS), to: '2026-01-01' }, opts)).toMatchObject({ ok: false });
    expect(parseStandardsRange({ from: addDays('2026-01-01', -(MAX_RANGE_DAYS - 1)), to: '2026-01-01' }, opts)).toMatchObject({ ok: true, days: MAX_RANGE_DAYS });
  });
  it('refuses a section name too long to be one', () => {
    expect(parseStandardsRange({ section: 'x'.repeat(101) }, opts)).toMatchObject({ ok: false, field: 'section' });
  });
});

describe('day arithmetic and the query', () => {
  it('adds days across months, years and the clocks changing', () => {
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysInclusive('2026-10-24', '2026-10-26')).toBe(3);
    expect(daysInclusive('2026-03-28', '2026-03-30')).toBe(3);
  });
  it('writes the range back as a query, with extras', () => {
    expect(rangeQuery({ from: '2026-01-01', to: '2026-02-01', section: null })).toBe('from=2026-01-01&to=2026-02-01');
    expect(rangeQuery({ from: '2026-01-01', to: '2026-02-01', section: 'Arts & Books' }, { table: 'kind' })).toBe('from=2026-01-01&to=2026-02-01&section=Arts+%26+Books&table=kind');
  });
});
