// A cheap "has anything changed?" for caching reader data: every write to the record appends an
// audit event in its own transaction, and a trigger copies that event's id into record_stamp,
// except for anonymous traffic (sign-ins, reader reports), which must not keep the caches cold.
import 'server-only';
import { getDb } from '../index';

export function changeStamp(): number {
  const row = getDb().$client.prepare('select coalesce(max(stamp), 0) as id from record_stamp').get() as { id: number };
  return row.id;
}

interface Entry {
  stamp: number;
  value: unknown;
}

const MAX_ENTRIES = 500;
const cache = new Map<string, Entry>();

/**
 * The value for `key`, computed again only after the record changed. Bounded: the oldest entries
 * go first (a Map iterates in insertion order, and a hit re-inserts its entry).
 */
export function cachedUntilChange<T>(key: string, compute: () => T, stamp: number = changeStamp()): T {
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) {
    cache.delete(key);
    cache.set(key, hit);
    return hit.value as T;
  }
  const value = compute();
  cache.delete(key);
  cache.set(key, { stamp, value });
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}
