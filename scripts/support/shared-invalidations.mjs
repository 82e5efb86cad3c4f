// Cache invalidation that reaches every app server on one database. A write expires its tags in its
// own server's caches and records them (db/queries/cache-invalidations.ts); every server reads the
// rows recorded by the others — before each request it serves, four times a second in any case, and
// on PostgreSQL also as soon as a write's notification arrives —
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
 * it was stored. Renders take well under the last of these, even on a loaded machine (a CI run beside
 * a build saw one stored after 1.5 s: 4 s is the margin for that).
 */
export const EXPIRE_AGAIN_AFTER_MS = [400, 1500, 4000];

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

const LOCAL_EXPIRY = Symbol.for('errata.local-expiry');

/**
 * scripts/server.mjs registers its expireLocally at start: loaded outside the app's bundles, its
 * require reaches the manifest Next itself reads (a bundled copy might not). The app's own writes
 * expire their tags again through it (app/(cache)/invalidate.ts).
 */
export function registerLocalExpiry() {
  globalThis[LOCAL_EXPIRY] = expireLocally;
}

/** Expires `tags` through the registered expireLocally; without one (next dev), through this copy's. */
export function expireRegistered(tags) {
  (globalThis[LOCAL_EXPIRY] ?? expireLocally)(tags);
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

/** The channel a write on PostgreSQL notifies as it commits (db/queries/cache-invalidations.ts). */
export const INVALIDATION_CHANNEL = 'errata_cache_invalidations';

/**
 * How long an id skipped on PostgreSQL is looked for again. Ids come from a sequence, handed out as
 * rows are inserted, while rows become visible as their transactions commit: a poll may see id 7
 * before id 6 is committed. 6 is then a gap, read again on every poll until it appears, it expires
 * (its transaction rolled back, or the sequence jumped ahead after a crash) or GAP_MAX newer gaps
 * push it out. recordInvalidation's transaction is one insert and one delete: a minute is ample.
 */
const GAP_KEEP_MS = 60_000;
const GAP_MAX = 1000;
/** A connection that failed is tried again this much later (requests meanwhile go ahead unpolled). */
const RECONNECT_MS = 250;

/**
 * Follows the other servers' invalidations on the PostgreSQL database at `url`: the same interface as
 * sqliteInvalidationFeed, but `poll()` returns a promise (one indexed read on a connection of its
 * own). Polls never overlap: a call made while one runs waits for the next, which starts after it, so
 * what the caller awaits read the table after the call was made (a write acknowledged before a
 * request arrived is expired before that request is served); every call made meanwhile shares it.
 * The same connection LISTENs on INVALIDATION_CHANNEL and polls at once when a write commits, so a
 * server purges what it served without waiting for its next poll; the polls every 250 ms and before
 * each request remain the safety net (a notification is lost while the connection is down, and is
 * never needed for correctness). Until the app has migrated the database the feed finds no table and
 * waits; a lost connection is opened again at the next poll, from where it left off.
 */
export function pgInvalidationFeed({ url, origin = instanceId(), apply, listen = true, timeoutMs = 2000 }) {
  const pg = createRequire(path.join(process.cwd(), 'package.json'))('pg');
  let client = null;
  let connecting = null;
  let retryAt = 0;
  let last = null;
  /** Ids skipped by a poll, not yet seen: id → when first missed. */
  const gaps = new Map();
  let running = null;
  let queued = null;
  let closed = false;

  const drop = (c) => {
    if (client === c) client = null;
    c.removeAllListeners('notification');
    c.end().catch(() => {});
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs, application_name: 'errata invalidation feed' });
    // A connection lost in the background (the database restarted): the next poll opens another.
    c.on('error', () => drop(c));
    c.on('end', () => {
      if (client === c) client = null;
    });
    if (listen) c.on('notification', (message) => message.channel === INVALIDATION_CHANNEL && void poll());
    try {
      await c.connect();
      // The first connection that finds the table starts from its end: a new server's caches are empty anyway.
      if (last === null) last = Number((await c.query('SELECT coalesce(max(id), 0) AS id FROM cache_invalidations')).rows[0].id);
      if (listen) await c.query(`LISTEN ${INVALIDATION_CHANNEL}`);
    } catch (error) {
      drop(c);
      throw error;
    }
    return c;
  };
  const connected = () => {
    if (client) return Promise.resolve(client);
    if (closed || Date.now() < retryAt) return Promise.resolve(null);
    connecting ??= connect()
      .then(
        (c) => {
          if (closed) {
            drop(c);
            return null;
          }
          client = c;
          return c;
        },
        () => {
          retryAt = Date.now() + RECONNECT_MS;
          return null;
        },
      )
      .finally(() => {
        connecting = null;
      });
    return connecting;
  };
  const read = async () => {
    const c = await connected();
    if (!c) return 0;
    let rows;
    try {
      const missing = [...gaps.keys()];
      rows = (
        missing.length === 0
          ? await c.query('SELECT id, tags, origin FROM cache_invalidations WHERE id > $1 ORDER BY id', [last])
          : await c.query('SELECT id, tags, origin FROM cache_invalidations WHERE id > $1 OR id = ANY($2::int[]) ORDER BY id', [last, missing])
      ).rows;
    } catch {
      drop(c);
      return 0;
    }
    const now = Date.now();
    const tags = new Set();
    for (const row of rows) {
      const id = Number(row.id);
      if (gaps.has(id)) gaps.delete(id);
      else if (id > last) {
        for (let skipped = Math.max(last + 1, id - GAP_MAX); skipped < id; skipped++) gaps.set(skipped, now);
        last = id;
      } else continue;
      if (row.origin === origin) continue;
      for (const tag of row.tags.split(' ')) if (tag) tags.add(tag);
    }
    for (const [id, since] of gaps) {
      if (now - since > GAP_KEEP_MS || gaps.size > GAP_MAX) gaps.delete(id);
    }
    if (tags.size > 0) apply([...tags]);
    return tags.size;
  };
  const poll = () => {
    if (closed) return Promise.resolve(0);
    if (!running) {
      running = read()
        .catch((error) => {
          console.error('shared invalidation feed:', error);
          return 0;
        })
        .finally(() => {
          running = null;
        });
      return running;
    }
    queued ??= running.then(() => {
      queued = null;
      return poll();
    });
    return queued;
  };
  return {
    poll,
    close() {
      closed = true;
      if (client) drop(client);
    },
  };
}

/** The feed for the database this process serves: DATABASE_URL=postgres://… or the SQLite file at DATABASE_PATH. */
export function invalidationFeedFor(env, apply) {
  if (/^postgres(ql)?:\/\//.test(env.DATABASE_URL ?? '')) return pgInvalidationFeed({ url: env.DATABASE_URL, apply });
  return sqliteInvalidationFeed({ file: env.DATABASE_PATH || path.join('data', 'errata.db'), apply });
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
