// Purging the HTTP cache in front of the app (nginx, Varnish, a CDN; ERRATA_PURGER) when a write
// changes what readers see. The first attempt starts at once, inside the request that made the
// change; the request never waits for it, and a failure is retried a few times and logged
// (/desk/purges), never turned into an error for the editor. A second purge a moment later catches
// a reader's copy that was rendered before the write but stored after the first purge.
import 'server-only';
import { versionCountBySlug } from '@/db/queries/article-ref';
import { addPurgeLogEntry, updatePurgeLogEntry } from '@/db/queries/purge-log';
import { purgeWithRetries, type PurgeOutcome } from '@/lib/cache/purge-retry';
import { type Purger, purgerFromEnv } from '@/lib/cache/purgers';
import { servedPaths } from '@/scripts/support/served-paths.mjs';
import { getCurrentUser } from './access';

/** How long after the first purge the second one goes. */
const REPEAT_AFTER_MS = 2000;

const state = globalThis as unknown as { errataPurger?: { purger: Purger | null } };

/** The configured purger, read from the environment once; a malformed setting throws here, at the first write. */
export function configuredPurger(): Purger | null {
  state.errataPurger ??= { purger: purgerFromEnv(process.env, async (tag) => [...servedPaths.pathsFor(tag), ...await versionPathsFor(tag)]) };
  return state.errataPurger.purger;
}

/**
 * An article's version pages, whether or not this process has served them (its record of served
 * paths starts empty at every restart, and a version withheld for legal reasons must not stay in
 * the cache in front because nobody had asked this process for it yet).
 */
async function versionPathsFor(tag: string): Promise<string[]> {
  const match = /^article:(.+)$/.exec(tag);
  if (!match) return [];
  const slug = decodeURIComponent(match[1]);
  const count = await versionCountBySlug({ slug });
  return Array.from({ length: count }, (_, i) => `/articles/${encodeURIComponent(slug)}/versions/${i + 1}`);
}

async function actorOf(actorId: number | null | undefined): Promise<number | null> {
  if (actorId !== undefined) return actorId;
  try {
    return (await getCurrentUser())?.id ?? null;
  } catch {
    return null;
  }
}

/**
 * Purges the cached responses carrying any of these tags (lib/cache/tags.ts vocabulary). Returns
 * the first purge's outcome (null when no purger is configured); callers need not await it.
 */
export function schedulePurge(tags: readonly string[], context: { actorId?: number | null } = {}): Promise<PurgeOutcome | null> {
  const purger = configuredPurger();
  const unique = [...new Set(tags)].filter(Boolean);
  if (!purger || unique.length === 0) return Promise.resolve(null);
  let logId: number | null = null;
  let latest: PurgeOutcome | null = null;
  const log = async (outcome: PurgeOutcome) => {
    latest = outcome;
    if (logId === null) return;
    try {
      await updatePurgeLogEntry({ id: logId, status: outcome.status === 'retrying' ? 'pending' : outcome.status, attempts: outcome.attempts, error: outcome.error });
    } catch (error) {
      console.error('purge log:', error);
    }
  };
  const first = purgeWithRetries(purger, unique, { onAttempt: (outcome) => void log(outcome) });
  void actorOf(context.actorId).then(async (actorId) => {
    try {
      logId = await addPurgeLogEntry({ actorId, tags: unique, purger: purger.name });
      if (latest) await log(latest);
    } catch (error) {
      console.error('purge log:', error);
    }
  });
  void first.then((outcome) => {
    if (outcome.status === 'failed') console.error(`purge of ${unique.join(' ')} through ${purger.name} failed after ${outcome.attempts} attempts: ${outcome.error}`);
  });
  setTimeout(() => {
    void purgeWithRetries(purger, unique, { policy: { attempts: 2, baseDelayMs: 1000, maxDelayMs: 1000 } }).then((o) => {
      if (o.status === 'failed') console.error(`repeat purge of ${unique.join(' ')} failed: ${o.error}`);
    });
  }, REPEAT_AFTER_MS).unref?.();
  return first;
}
