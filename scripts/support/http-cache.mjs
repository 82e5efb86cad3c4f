// The HTTP caching headers of every response, decided in one place, after Next and before
// compression:
// - a reader response (tagged with Surrogate-Key by the proxy or an embed route, lib/cache/tags.ts) is public:
//   `Cache-Control: public, max-age, s-maxage, stale-while-revalidate`, and a strong ETag computed
//   from the identity body, suffixed with the content-encoding compression then picks (each
//   encoding is its own representation); If-None-Match gets a 304 with no body;
// - a reader error (404, 410) is public only briefly and never stale; a 5xx is never stored;
// - a file of public/embed/ (the embed script other sites load) is public the same way, untagged;
// - everything else (the desk, sign-in, the API, any response that sets a cookie or answers a POST)
//   is `private, no-store` and carries no tags, so no shared cache can keep or serve it; the API's
//   own `private, no-cache` and ETag are kept, so a CMS can revalidate what it read.
// Next's own immutable build files keep Next's headers.
import { createHash } from 'node:crypto';
import { holdResponse } from './hold-response.mjs';

const SURROGATE = 'surrogate-key';
const CACHE_TAG = 'cache-tag';
export const PRIVATE = 'private, no-store';
const ENCODINGS = ['br', 'gzip', 'deflate', 'zstd'];

function seconds(raw, fallback) {
  return /^\d{1,7}$/.test(String(raw ?? '')) ? Number(raw) : fallback;
}

/**
 * Browsers revalidate with the ETag (ERRATA_CACHE_MAX_AGE, 0 by default); shared caches keep it for
 * ERRATA_CACHE_S_MAXAGE seconds and may serve it stale while refetching for ERRATA_CACHE_SWR
 * seconds. The defaults follow ERRATA_PURGER: with none, 1 and 5 (nothing in front hears of a
 * change, so a copy may be at most a second old); with a purger, which drops a changed tag's copies
 * at once, 60 and 30 (the minute bounds only a copy the purger could not name: one served before
 * a restart, or forgotten by scripts/support/served-paths.mjs's bounded memory).
 */
export function cachePolicy(env = process.env) {
  const purged = !['', 'none'].includes(String(env.ERRATA_PURGER ?? '').trim().toLowerCase());
  const sMaxAge = seconds(env.ERRATA_CACHE_S_MAXAGE, purged ? 60 : 1);
  const swr = seconds(env.ERRATA_CACHE_SWR, purged ? 30 : 5);
  // Browsers revalidate every time by default (a 304 for the ETag they hold costs no render): a
  // reader who reloads after a correction sees it, whatever the shared cache's lifetime.
  const maxAge = Math.min(seconds(env.ERRATA_CACHE_MAX_AGE, 0), sMaxAge);
  return {
    ok: `public, max-age=${maxAge}, s-maxage=${sMaxAge}, stale-while-revalidate=${swr}`,
    error: `public, max-age=0, s-maxage=${Math.min(sMaxAge, 10)}`,
  };
}

/** A strong validator for these exact bytes (before any content-encoding). */
export function strongEtag(body) {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** The ETag without a content-encoding suffix, so a validator from any representation matches. */
function baseOf(tag) {
  const m = /^(?:W\/)?"([^"]*)"$/.exec(tag.trim());
  if (!m) return null;
  const suffix = ENCODINGS.find((e) => m[1].endsWith(`-${e}`));
  return `"${suffix ? m[1].slice(0, -(suffix.length + 1)) : m[1]}"`;
}

/** The client's validator that matches `etag` (If-None-Match compares weakly, RFC 9110 13.1.2). */
export function matchingValidator(ifNoneMatch, etag) {
  if (!ifNoneMatch) return null;
  if (ifNoneMatch.trim() === '*') return etag;
  for (const tag of ifNoneMatch.split(',')) if (baseOf(tag) === etag) return tag.trim().replace(/^W\//, '');
  return null;
}

/**
 * Whether a request's path is spelled the one way the app links to it, so that a shared cache keyed
 * by the path holds one copy of a page and a purge of that path reaches it: no empty or dot
 * segments (plain or escaped: `/./`, `/x/../`, `/%2e/`), no fragment (`#…`), and escapes only where needed, in upper
 * case (`%61` for "a" or a lower-case `%c3` would make a second key for the same page). Any other
 * spelling is answered, but never shared: a client choosing spellings cannot fill a cache with
 * copies, or keep a copy no purge can name.
 */
export function isCanonicalPath(url) {
  // A fragment is never sent by a browser; in a request line it would make a key of its own.
  if (String(url).includes('#')) return false;
  const path = String(url).split('?')[0];
  if (!path.startsWith('/')) return false;
  if (path === '/') return true;
  for (const segment of path.slice(1).split('/')) {
    if (segment === '') return false;
    if (/^(?:\.|%2e){1,2}$/i.test(segment)) return false;
    for (const escape of segment.match(/%[0-9A-Fa-f]{2}/g) ?? []) {
      if (escape !== escape.toUpperCase()) return false;
      if (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(parseInt(escape.slice(1), 16)))) return false;
    }
  }
  return true;
}

/**
 * Files of public/embed/ that other sites' pages load (the notices script, docs/embeds.md): shared
 * like a reader page, though untagged (one changes only with a deploy; s-maxage bounds a copy).
 */
function isEmbedFile(url) {
  return /^\/embed\/[a-z0-9-]+\.js$/.test(String(url).split('?')[0]);
}

function isApiPath(url) {
  return /^\/api\/v1\//.test(String(url));
}

function isNextAsset(url) {
  return /^\/_next\/static\//.test(url) || /^\/favicon\.ico(\?|$)/.test(url);
}

/**
 * Call before compression is set up: once compression has chosen a content-encoding, the ETag
 * names it, so a gzip body and an identity body never share a strong validator.
 */
export function etagPerEncoding(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (...args) {
    const encoding = String(res.getHeader('content-encoding') ?? '');
    const etag = res.getHeader('etag');
    if (etag && encoding && encoding !== 'identity' && res.statusCode !== 304) res.setHeader('etag', String(etag).replace(/"$/, `-${encoding}"`));
    return writeHead.apply(this, args);
  };
}

/** Call after compression and before the CSP step (scripts/server.mjs). */
export function httpCacheHeaders(req, res, policy = cachePolicy()) {
  const url = req.url ?? '/';
  if (isNextAsset(url)) return;
  const method = req.method;
  let mode = null;

  function decide() {
    if (mode) return mode;
    const shared = res.hasHeader(SURROGATE) || isEmbedFile(url);
    const publicReader = shared && (method === 'GET' || method === 'HEAD') && !res.hasHeader('set-cookie') && isCanonicalPath(url);
    if (!publicReader) {
      res.removeHeader(SURROGATE);
      res.removeHeader(CACHE_TAG);
      // The API's answers are per token: private, but a client may keep one and revalidate it with
      // the ETag the route set (app/(api)/handler.ts); no shared cache may.
      if (!(isApiPath(url) && /^private, no-cache$/.test(String(res.getHeader('cache-control') ?? '')))) {
        res.removeHeader('etag');
        res.setHeader('cache-control', PRIVATE);
      }
      return (mode = 'pass');
    }
    const status = res.statusCode;
    if (status === 200) {
      res.setHeader('cache-control', policy.ok);
      return (mode = 'hold');
    }
    if (status === 304) res.setHeader('cache-control', policy.ok);
    else if (status >= 400 && status < 500) res.setHeader('cache-control', policy.error);
    else {
      res.setHeader('cache-control', 'no-store');
      res.removeHeader(SURROGATE);
      res.removeHeader(CACHE_TAG);
    }
    return (mode = 'pass');
  }

  holdResponse(res, decide, (body, original, callback) => {
    const etag = strongEtag(body);
    const matched = matchingValidator(req.headers['if-none-match'], etag);
    // Only when it is set: removing it at all tells Node never to chunk this response, and with the
    // length then dropped by compression the body would end only when the connection closed (no
    // keep-alive: scripts/support/response-csp.mjs has the same rule).
    if (res.hasHeader('transfer-encoding')) res.removeHeader('transfer-encoding');
    if (matched) {
      // The client has these bytes: no body, and none of the headers that describe one.
      for (const h of ['content-length', 'content-type', 'content-encoding', 'content-security-policy', 'last-modified']) res.removeHeader(h);
      res.setHeader('etag', matched);
      res.statusCode = 304;
      original.writeHead.call(res, 304);
      return original.end.call(res, callback);
    }
    res.setHeader('etag', etag);
    res.setHeader('content-length', body.length);
    original.writeHead.call(res, res.statusCode);
    return original.end.call(res, body, callback);
  });
}
