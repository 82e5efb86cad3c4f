// What the HTTP server refuses before Next sees a request: malformed addresses (400), unsafe requests
// from another site (403) and bodies over the cap (413). Pure functions (but readCallableActionIds,
// which reads the build's manifest); scripts/server.mjs applies them.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The largest request body the server reads, for any route. Next's own server-action limit
 * (next.config.js, `experimental.serverActions.bodySizeLimit`) is set above it, so the 413 always
 * comes from here, with a clear message, instead of an error inside Next. The largest form the desk
 * sends (an article version: a 200 KB body plus its other fields, lib/limits.ts) fits well inside.
 */
export const REQUEST_BODY_MAX_BYTES = 1024 * 1024;

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The methods any route may answer; anything else (TRACE, CONNECT, WebDAV's) is a 405 here. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', ...UNSAFE_METHODS]);

export function isKnownMethod(method) {
  return KNOWN_METHODS.has(String(method));
}

export function isUnsafeMethod(method) {
  return UNSAFE_METHODS.has(String(method).toUpperCase());
}

/** True when a path segment has a percent escape that does not decode (`%ZZ`, a lone `%`, cut-off UTF-8). */
export function hasMalformedEscape(url) {
  const path = String(url).split('?')[0];
  try {
    for (const segment of path.split('/')) decodeURIComponent(segment);
    return false;
  } catch {
    return true;
  }
}

/**
 * The longest request target (path and query) the server answers. Next's trailing-slash redirect
 * copies the address into two headers (Location, Refresh), and nginx refuses an answer whose
 * headers pass its 16 KB buffer, counting it as a dead server: a longer address would let anyone
 * put every app server out of nginx's pool. No page, filter or search needs more.
 */
export const REQUEST_TARGET_MAX = 4096;

export function targetTooLong(url, max = REQUEST_TARGET_MAX) {
  return String(url).length > max;
}

/**
 * True when the address, decoded, holds a NUL (`%00` in the path or the query): no page, search or
 * filter takes one, and PostgreSQL refuses it in any text it is sent, so it is a 400 here on either
 * store rather than an error deep inside a query.
 */
export function hasNulInAddress(url) {
  const [path, ...rest] = String(url).split('?');
  if (path.includes('\0') || /%00/i.test(path)) return true;
  const query = rest.join('?');
  if (query === '') return false;
  if (/%00/i.test(query) || query.includes('\0')) return true;
  // An escape that spells NUL some other way decodes to it too (URLSearchParams decodes leniently).
  for (const [key, value] of new URLSearchParams(query)) if (key.includes('\0') || value.includes('\0')) return true;
  return false;
}

function originOf(url) {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Whether an unsafe request's `Origin` is this site: the scheme, host and port the request was sent
 * to (the scheme is `https` only when a proxy in front says so), or the public address
 * (`ERRATA_SITE_URL`, `NEXTAUTH_URL`) when a proxy in front rewrites the host. A request without an
 * `Origin` (a script, curl) is not a browser's cross-site request, and passes; `null` (sandboxed
 * frames, privacy-sensitive redirects) does not.
 */
export function originAllowed({ origin, host, https = false, siteUrls = [] }) {
  if (origin === undefined || origin === '') return true;
  const claimed = originOf(origin);
  if (!claimed) return false;
  if (host && claimed === originOf(`${https ? 'https' : 'http'}://${host}`)) return true;
  return siteUrls.map(originOf).filter(Boolean).includes(claimed);
}

/** A declared Content-Length over the cap (a chunked body is counted as it arrives instead). */
export function declaredTooLarge(contentLength, max = REQUEST_BODY_MAX_BYTES) {
  if (contentLength === undefined) return false;
  const n = Number(contentLength);
  return !Number.isFinite(n) || n > max;
}

/**
 * The server action ids a client may call: the exports of the app's 'use server' files. Next also
 * registers every 'use cache' function as a server reference (named $$RSC_SERVER_CACHE_n), and
 * would run one for any POST naming its id, with arguments of the caller's choosing: those are
 * reads of the app's own, never endpoints, so they are left out.
 * @param {{ node?: Record<string, { exportedName?: string }>, edge?: Record<string, { exportedName?: string }> }} manifest
 *   Next's server-reference-manifest.json
 */
export function callableActionIds(manifest) {
  const ids = new Set();
  for (const runtime of ['node', 'edge']) {
    for (const [id, entry] of Object.entries(manifest?.[runtime] ?? {})) {
      const name = String(entry?.exportedName ?? '');
      if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) ids.add(id);
    }
  }
  return ids;
}

/**
 * The callable action ids of the build in `root` (its .next/server/server-reference-manifest.json),
 * or none when there is no build to read: every action request is then refused.
 */
export function readCallableActionIds(root = process.cwd()) {
  try {
    return callableActionIds(JSON.parse(fs.readFileSync(path.join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8')));
  } catch {
    return new Set();
  }
}

export const REFUSALS = {
  400: 'Bad request: the address contains a malformed percent escape (for example "%ZZ").',
  nul: 'Bad request: the address contains a NUL character (%00), which no page, search or filter accepts.',
  414: `URI too long: addresses are limited to ${REQUEST_TARGET_MAX.toLocaleString('en-GB')} characters. Shorten the search or filter and try again.`,
  action: 'Bad request: this is not one of the desk’s forms. Reload the page and send the form again.',
  403: 'Forbidden: this request came from another site (its Origin header does not match this site).',
  405: 'Method not allowed: this site answers GET, HEAD, OPTIONS, POST, PUT, PATCH and DELETE only.',
  413: `Payload too large: requests are limited to ${REQUEST_BODY_MAX_BYTES / 1024 / 1024} MB. Shorten the text and send it again.`,
};
