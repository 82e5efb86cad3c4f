// Searching sorted numbers (instants, mostly): where one falls among the starts of days or weeks.

/** The index of the last value at or before `t` in ascending `sorted` (0 when `t` precedes them all). */
export function lastAtOrBefore(sorted: readonly number[], t: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
