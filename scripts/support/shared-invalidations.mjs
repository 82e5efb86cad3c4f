// Cache invalidation that reaches every app server on one database. A write expires its tags in its
// own server's caches and records them (db/queries/cache-invalidations.ts); every server reads the
// rows recorded by the others — before each request it serves, and four times a second in any case —
// and expires the same tags in its own page and data caches and, through its purger, the paths it
// alone served in the HTTP cache in front (scripts/support/served-paths.mjs).
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

const INSTANCE = Symbol.for('errata.instance');
const REMOTE_PURGE = Symbol.for('errata.remote-purge');

/** This process's name among the app servers, made once and shared with the app's bundles. */
export function instanceId() {
  globalThis[INSTANCE] ??= process.env.ERRATA_INSTANCE || `${process.pid}-${randomUUID().slice(0, 8)}`;
  return globalThis[INSTANCE];
}

/** The app registers its purger here at start (instrumentation.ts), for tags expired by another server. */
export function registerRemotePurge(purge) {
  globalThis[REMOTE_PURGE] = purge;
}

/**
 * When, after a write, its tags are expired again: the writer (app/(cache)/invalidate.ts) and every
 * server that learns of it. A reader's render that began before the write (reading the old record)
 * and is stored after it would otherwise be kept as fresh, since the cache judges an entry by when
 * it was stored. Renders take well under the later of these.
 */
export const EXPIRE_AGAIN_AFTER_MS = [400, 1500];

/**
 * Expires tags in this process's caches: the same manifest Next's page cache and 'use cache' handler
 * consult (what revalidateTag with an immediate expiry writes), so the next read of any entry made
 * before now is a miss.
 */
let manifest = null;

export function expireLocally(tags) {
  manifest ??= createRequire(path.join(process.cwd(), 'package.json'))('next/dist/server/lib/incremental-cache/tags-manifest.external.js').tagsManifest;
  const tagsManifest = manifest;
  // Not rounded: a rounded-up instant would lie in the future for up to half a millisecond, when the
  // cache takes it for a later expiry and still serves entries made before it.
  const now = performance.timeOrigin + performance.now();
  for (const tag of tags) tagsManifest.set(tag, { ...(tagsManifest.get(tag) ?? {}), stale: now, expired: now });
}

/**
 * Follows the other servers' invalidations in the SQLite file at `file`. `poll()` is synchronous and
 * cheap (one indexed read); until the app has migrated the database it finds no table and waits.
 */
export function sqliteInvalidationFeed({ file, origin = instanceId(), apply }) {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const Database = require('better-sqlite3');
  let db = null;
  let newer = null;
  let last = null;
  const open = () => {
    if (db) return true;
    try {
      db = new Database(file, { readonly: true, fileMustExist: true });
      db.pragma('busy_timeout = 1000');
      last = db.prepare('SELECT coalesce(max(id), 0) AS id FROM cache_invalidations').get().id;
      newer = db.prepare('SELECT id, tags, origin FROM cache_invalidations WHERE id > ? ORDER BY id');
      return true;
    } catch {
      db?.close();
      db = null;
      return false;
    }
  };
  return {
    poll() {
      if (!open()) return 0;
      let rows;
      try {
        rows = newer.all(last);
      } catch {
        return 0;
      }
      const tags = new Set();
      for (const row of rows) {
        last = row.id;
        if (row.origin === origin) continue;
        for (const tag of row.tags.split(' ')) if (tag) tags.add(tag);
      }
      if (tags.size > 0) apply([...tags]);
      return tags.size;
    },
    close() {
      db?.close();
      db = null;
    },
  };
}

/** What a server does with another's tags: expire them here now and twice more, and purge what it served. */
export function applyRemoteTags(tags) {
  expireLocally(tags);
  for (const ms of EXPIRE_AGAIN_AFTER_MS) setTimeout(() => expireLocally(tags), ms).unref();
  try {
    globalThis[REMOTE_PURGE]?.(tags);
  } catch (error) {
    console.error('remote purge:', error);
  }
}
