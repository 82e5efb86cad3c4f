// Types for action-status.mjs (plain JavaScript, so that scripts/server.mjs can load it without a build).
import type { AsyncLocalStorage } from 'node:async_hooks';
import type { ServerResponse } from 'node:http';
export const actionStatusStore: AsyncLocalStorage<{ status: number | null }>;
export function setActionStatus(status: number): void;
export function withActionStatus<T>(res: ServerResponse, handle: () => T): T;
