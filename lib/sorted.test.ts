import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastAtOrBefore } from './sorted';

describe('lastAtOrBefore', () => {
  it('finds the last value at or before t, as a walk from the end would', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), fc.integer({ min: -1100, max: 1100 }), (values, t) => {
        const sorted = [...values].sort((a, b) => a - b);
        const walked = sorted.findLastIndex((v) => v <= t);
        expect(lastAtOrBefore(sorted, t)).toBe(Math.max(0, walked));
      }),
    );
  });
});
