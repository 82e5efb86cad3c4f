import type { IncomingMessage, ServerResponse } from 'node:http';
export const PRIVATE: string;
export function cachePolicy(env?: Record<string, string | undefined>): { ok: string; error: string };
export function strongEtag(body: Buffer | string): string;
export function matchingValidator(ifNoneMatch: string | undefined, etag: string): string | null;
export function etagPerEncoding(res: ServerResponse): void;
export function httpCacheHeaders(req: IncomingMessage, res: ServerResponse, policy?: { ok: string; error: string }): void;
export function isCanonicalPath(url: string): boolean;
