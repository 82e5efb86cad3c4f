// Figures the dashboard and the annual statement share: medians, weekly buckets, tallies.

/** The median of the values (the mean of the middle two for an even count); null when there are none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The Monday (YYYY-MM-DD) of the ISO week a calendar day falls in. */
export function weekOf(isoDay: string): string {
  const d = new Date(`${isoDay}T12:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Every Monday from the week of `from` to the week of `to`, inclusive (at most `max`). */
export function weeksBetween(from: string, to: string, max = 160): string[] {
  const out: string[] = [];
  let t = new Date(`${weekOf(from)}T12:00:00Z`).getTime();
  const end = new Date(`${weekOf(to)}T12:00:00Z`).getTime();
  while (t <= end && out.length < max) {
    out.push(new Date(t).toISOString().slice(0, 10));
    t += 7 * 86_400_000;
  }
  return out;
}

export interface Tally {
  key: string;
  label: string;
  count: number;
}

/**
 * Counts by key, labelled, biggest first (ties by label); keys in `order` come in that order
 * instead and appear even at zero, when `order` is given.
 */
export function tally(keys: readonly (string | null)[], labelFor: (key: string) => string, order?: readonly string[]): Tally[] {
  return tallyCounts(
    keys.map((k) => [k, 1]),
    labelFor,
    order,
  );
}

/** The same from keys already counted (a key may come more than once: its counts add up). */
export function tallyCounts(entries: Iterable<readonly [string | null, number]>, labelFor: (key: string) => string, order?: readonly string[]): Tally[] {
  const counts = new Map<string, number>();
  for (const [key, n] of entries) {
    const k = key ?? '';
    counts.set(k, (counts.get(k) ?? 0) + n);
  }
  if (order) {
    const rest = [...counts.keys()].filter((k) => !order.includes(k)).sort();
    return [...order, ...rest].map((key) => ({ key, label: labelFor(key), count: counts.get(key) ?? 0 }));
  }
  return [...counts.entries()].map(([key, count]) => ({ key, label: labelFor(key), count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
