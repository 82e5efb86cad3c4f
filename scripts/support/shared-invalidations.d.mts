// Types for shared-invalidations.mjs.
export function instanceId(): string;
export const EXPIRE_AGAIN_AFTER_MS: number[];
export function registerRemotePurge(purge: (tags: string[]) => void): void;
export function expireLocally(tags: readonly string[]): void;
/** What a poll applied: the number of distinct tags (SQLite: at once; PostgreSQL: once its read returns). */
export interface InvalidationFeed<Polled extends number | Promise<number> = number | Promise<number>> {
  poll(): Polled;
  close(): void;
}
export const INVALIDATION_CHANNEL: string;
export function sqliteInvalidationFeed(options: { file: string; origin?: string; apply: (tags: string[]) => void }): InvalidationFeed<number>;
export function pgInvalidationFeed(options: { url: string; origin?: string; apply: (tags: string[]) => void; listen?: boolean; timeoutMs?: number }): InvalidationFeed<Promise<number>>;
export function invalidationFeedFor(env: Record<string, string | undefined>, apply: (tags: string[]) => void): InvalidationFeed;
export function applyRemoteTags(tags: string[]): void;
export function registerLocalExpiry(): void;
export function expireRegistered(tags: readonly string[]): void;
