// Types for request-guards.mjs (plain JavaScript, so that scripts/server.mjs can load it without a build).
export const REQUEST_BODY_MAX_BYTES: number;
export function isUnsafeMethod(method: string): boolean;
export function isKnownMethod(method: string): boolean;
export function hasMalformedEscape(url: string): boolean;
export function hasNulInAddress(url: string): boolean;
export const REQUEST_TARGET_MAX: number;
export function targetTooLong(url: string, max?: number): boolean;
export function originAllowed(input: { origin?: string; host?: string; https?: boolean; siteUrls?: (string | undefined)[] }): boolean;
export function declaredTooLarge(contentLength: string | undefined, max?: number): boolean;
export const REFUSALS: Record<400 | 403 | 405 | 413 | 414 | 'action' | 'nul', string>;
export function callableActionIds(manifest: { node?: Record<string, { exportedName?: string }>; edge?: Record<string, { exportedName?: string }> }): Set<string>;
export function readCallableActionIds(root?: string): Set<string>;
