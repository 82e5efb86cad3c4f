import { describe, expect, it } from 'vitest';
import { clockPhrase, clockState, formatDuration, responseDue } from './clock';
import { DEFAULT_STANDARDS } from './config';

const DAY = 86_400_000;
const received = new Date('2026-10-01T09:00:00Z');

describe('responseDue', () => {
  it('adds the route’s days to the receipt', () => {
    expect(responseDue(received, 'ipso', DEFAULT_STANDARDS, 'UTC').toISOString()).toBe('2026-10-29T09:00:00.000Z');
    expect(responseDue(received, 'direct', DEFAULT_STANDARDS, 'UTC').toISOString()).toBe('2026-10-22T09:00:00.000Z');
    expect(responseDue(received, 'other', { responseDays: { ...DEFAULT_STANDARDS.responseDays, other: 7 } }, 'UTC').toISOString()).toBe('2026-10-08T09:00:00.000Z');
  });
  it('counts calendar days in the newsroom’s zone, so a clock change between keeps the time of day', () => {
    // Received at midnight BST on 20 October; the clocks go back on 25 October: due at midnight GMT on 10 November.
    expect(responseDue(new Date('2026-10-19T23:00:00Z'), 'direct', DEFAULT_STANDARDS, 'Europe/London').toISOString()).toBe('2026-11-10T00:00:00.000Z');
    // 10:00 BST on 21 October → 10:00 GMT on 11 November.
    expect(responseDue(new Date('2026-10-21T09:00:00Z'), 'direct', DEFAULT_STANDARDS, 'Europe/London').toISOString()).toBe('2026-11-11T10:00:00.000Z');
    // Forward in spring: 09:00 GMT on 20 March → 09:00 BST on 10 April.
    expect(responseDue(new Date('2026-03-20T09:00:00Z'), 'direct', DEFAULT_STANDARDS, 'Europe/London').toISOString()).toBe('2026-04-10T08:00:00.000Z');
  });
});

describe('clockState', () => {
  const dueAt = new Date(received.getTime() + 21 * DAY);
  const at = (ms: number) => new Date(dueAt.getTime() + ms);
  it('is closed for any case that is not open, however late', () => {
    expect(clockState({ status: 'upheld', dueAt }, at(30 * DAY), DEFAULT_STANDARDS)).toBe('closed');
  });
  it('is overdue once now passes the due instant, due soon within the days before it, on time before that', () => {
    expect(clockState({ status: 'open', dueAt }, at(1), DEFAULT_STANDARDS)).toBe('overdue');
    expect(clockState({ status: 'open', dueAt }, at(0), DEFAULT_STANDARDS)).toBe('due_soon');
    expect(clockState({ status: 'open', dueAt }, at(-3 * DAY), DEFAULT_STANDARDS)).toBe('due_soon');
    expect(clockState({ status: 'open', dueAt }, at(-3 * DAY - 1), DEFAULT_STANDARDS)).toBe('on_time');
    expect(clockState({ status: 'open', dueAt }, at(-1), { dueSoonDays: 0 })).toBe('on_time');
  });
  it('says it the desk’s way', () => {
    expect(clockPhrase({ status: 'open', dueAt }, at(3 * DAY + 5 * 3_600_000))).toBe('overdue by 3 days');
    expect(clockPhrase({ status: 'open', dueAt }, at(-5 * 3_600_000 - 60_000))).toBe('due in 5 h');
    expect(clockPhrase({ status: 'open', dueAt }, at(-DAY))).toBe('due in 1 day');
  });
});

describe('formatDuration', () => {
  it('writes durations as the desk reads them', () => {
    expect(formatDuration(0)).toBe('under a minute');
    expect(formatDuration(59_999)).toBe('under a minute');
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(14 * 3_600_000 + 12 * 60_000)).toBe('14 h 12 min');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
    expect(formatDuration(DAY)).toBe('1 day');
    expect(formatDuration(3 * DAY + 2 * 3_600_000 + 59 * 60_000)).toBe('3 days 2 h');
    expect(formatDuration(3 * DAY + 2 * 3_600_000, { coarse: true })).toBe('3 days');
    expect(formatDuration(5 * 3_600_000 + 30 * 60_000, { coarse: true })).toBe('5 h');
  });
  it('gives a dash for nothing measurable', () => {
    expect(formatDuration(-1)).toBe('—');
    expect(formatDuration(Number.NaN)).toBe('—');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('—');
  });
});
