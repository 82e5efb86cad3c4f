import { describe, expect, it } from 'vitest';
import { median, tally, weekOf, weeksBetween } from './stats';

describe('median', () => {
  it('is the middle value, the mean of the middle two, or null for none', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('does not reorder what it was given', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('weeks', () => {
  it('finds the Monday of a day’s ISO week', () => {
    expect(weekOf('2026-10-12')).toBe('2026-10-12'); // a Monday
    expect(weekOf('2026-10-18')).toBe('2026-10-12'); // the Sunday after
    expect(weekOf('2026-10-13')).toBe('2026-10-12');
    expect(weekOf('2027-01-01')).toBe('2026-12-28'); // across a year
  });
  it('lists every Monday of a range, both ends’ weeks included, up to a cap', () => {
    expect(weeksBetween('2026-10-14', '2026-10-27')).toEqual(['2026-10-12', '2026-10-19', '2026-10-26']);
    expect(weeksBetween('2026-10-12', '2026-10-12')).toEqual(['2026-10-12']);
    expect(weeksBetween('2026-01-01', '2026-12-31', 10)).toHaveLength(10);
    expect(weeksBetween('2026-10-27', '2026-10-14')).toEqual([]);
    // Across the clocks going back (25 October 2026 in the UK) the weeks stay Mondays.
    expect(weeksBetween('2026-10-19', '2026-11-02')).toEqual(['2026-10-19', '2026-10-26', '2026-11-02']);
  });
});

describe('tally', () => {
  const label = (k: string) => (k === '' ? 'Not recorded' : k.toUpperCase());
  it('counts biggest first, ties by label', () => {
    expect(tally(['b', 'a', 'b', 'c', 'a', 'b'], label)).toEqual([
      { key: 'b', label: 'B', count: 3 },
      { key: 'a', label: 'A', count: 2 },
      { key: 'c', label: 'C', count: 1 },
    ]);
  });
  it('keeps a given order, zeros included, with unknown keys (and null as "") after', () => {
    expect(tally(['y', null, 'x', 'z'], label, ['x', 'w'])).toEqual([
      { key: 'x', label: 'X', count: 1 },
      { key: 'w', label: 'W', count: 0 },
      { key: '', label: 'Not recorded', count: 1 },
      { key: 'y', label: 'Y', count: 1 },
      { key: 'z', label: 'Z', count: 1 },
    ]);
  });
  it('is empty for nothing without an order', () => {
    expect(tally([], label)).toEqual([]);
  });
});
