// Types for action-status.mjs (plain JavaScript, so that scripts/server.mjs can load it without a build).
import type { ServerResponse } from 'node:http';
export const ACTION_STATUS_COOKIE: string;
export function takeActionStatus(setCookie: string | string[] | number | undefined): { status: number | null; setCookie: string[] };
export function applyActionStatus(res: ServerResponse): void;
