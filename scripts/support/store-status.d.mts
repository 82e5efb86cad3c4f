// Types for store-status.mjs (plain JavaScript, so that scripts/server.mjs can load it without a build).
import type { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';
export const RECENTLY_MS: number;
export const storeStatusStore: AsyncLocalStorage<{ retryAfter: number | null; res: ServerResponse }>;
export function markStoreUnavailable(retryAfterSeconds: number): void;
export function withStoreStatus<T>(res: ServerResponse, handle: () => T): T;
export function quietUnavailableRequests(out?: Pick<Console, 'error'>, windowMs?: number): void;
