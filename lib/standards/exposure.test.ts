import { describe, expect, it } from 'vitest';
import { exposedFrom, exposedUntil, exposureMs, type PublicVersion } from './exposure';

const at = (h: number) => new Date(Date.UTC(2026, 9, 1, 8) + h * 3_600_000);
const versions: PublicVersion[] = [
  { number: 1, savedAt: at(0), text: 'The council lost 695 seats.' },
  { number: 2, savedAt: at(5), text: 'The council lost 695 seats and nine councils.' },
  { number: 3, savedAt: at(9), text: 'The council lost 695 seats and nine councils, it said.' },
  { number: 4, savedAt: at(20), text: 'The council lost 842 seats and 11 councils, it said.' },
];

describe('exposedFrom', () => {
  it('walks back from the claim’s version while every version still has the words', () => {
    expect(exposedFrom(versions, { versionNumber: 3, exact: 'nine councils' }, at(0))).toEqual(at(5));
    expect(exposedFrom(versions, { versionNumber: 3, exact: '695 seats' }, at(0))).toEqual(at(0));
  });
  it('stops at a gap: words removed then put back were public only since they came back', () => {
    const gap: PublicVersion[] = [
      { number: 1, savedAt: at(0), text: 'Nine councils.' },
      { number: 2, savedAt: at(1), text: 'Some councils.' },
      { number: 3, savedAt: at(2), text: 'Nine councils.' },
    ];
    expect(exposedFrom(gap, { versionNumber: 3, exact: 'Nine' }, at(0))).toEqual(at(2));
  });
  it('ignores versions after the claim’s and the order the versions come in', () => {
    expect(exposedFrom([...versions].reverse(), { versionNumber: 2, exact: '695 seats' }, at(0))).toEqual(at(0));
  });
  it('is never before first publication, and null when no version had the words', () => {
    expect(exposedFrom(versions, { versionNumber: 3, exact: '695 seats' }, at(2))).toEqual(at(2));
    expect(exposedFrom(versions, { versionNumber: 3, exact: '842' }, at(0))).toBeNull();
    expect(exposedFrom(versions, { versionNumber: 3, exact: '' }, at(0))).toBeNull();
    expect(exposedFrom([], { versionNumber: 1, exact: 'x' }, null)).toBeNull();
  });
});

describe('exposedUntil and exposureMs', () => {
  it('ends at the notice, or at an earlier amendment', () => {
    expect(exposedUntil(at(30), null)).toEqual(at(30));
    expect(exposedUntil(at(30), at(20))).toEqual(at(20));
    expect(exposedUntil(at(30), at(40))).toEqual(at(30));
  });
  it('measures in milliseconds, never below zero, null when an end is unknown', () => {
    expect(exposureMs(at(5), at(19.2))).toBe(14.2 * 3_600_000);
    expect(exposureMs(at(5), at(4))).toBe(0);
    expect(exposureMs(null, at(4))).toBeNull();
    expect(exposureMs(at(4), null)).toBeNull();
  });
});
