// Types for shared-invalidations.mjs.
export function instanceId(): string;
export const EXPIRE_AGAIN_AFTER_MS: number[];
export function registerRemotePurge(purge: (tags: string[]) => void): void;
export function expireLocally(tags: readonly string[]): void;
export interface InvalidationFeed {
  poll(): number;
  close(): void;
}
export function sqliteInvalidationFeed(options: { file: string; origin?: string; apply: (tags: string[]) => void }): InvalidationFeed;
export function applyRemoteTags(tags: string[]): void;
