import http from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error compression ships no types (scripts/server.mjs, plain JavaScript, uses it the same way).
import compression from 'compression';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachePolicy, etagPerEncoding, httpCacheHeaders, isCanonicalPath, matchingValidator, strongEtag } from './http-cache.mjs';

const BODY = 'x'.repeat(5000);
let base = '';
let server: http.Server;

beforeAll(async () => {
  const compress = compression();
  server = http.createServer((req, res) => {
    etagPerEncoding(res);
    compress(req as never, res as never, () => {
      httpCacheHeaders(req, res, cachePolicy({ ERRATA_CACHE_S_MAXAGE: '60', ERRATA_CACHE_SWR: '30', ERRATA_CACHE_MAX_AGE: '5' }));
      const url = req.url ?? '/';
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (url.startsWith('/reader') || url.startsWith('/gone') || url.startsWith('/cookie')) res.setHeader('surrogate-key', 'site article:a');
      if (url.startsWith('/cookie')) res.setHeader('set-cookie', 'a=b');
      if (url.startsWith('/gone')) res.statusCode = 410;
      res.write(BODY.slice(0, 100));
      res.end(BODY.slice(100));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const get = (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers: { 'accept-encoding': 'identity', ...headers } });

describe('http cache headers', () => {
  it('makes a tagged reader response public, with a strong ETag of its bytes', async () => {
    const res = await get('/reader');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=5, s-maxage=60, stale-while-revalidate=30');
    expect(res.headers.get('surrogate-key')).toBe('site article:a');
    expect(res.headers.get('etag')).toBe(strongEtag(BODY));
    expect(await res.text()).toBe(BODY);
  });

  it('answers If-None-Match with a 304 and no body', async () => {
    const etag = (await get('/reader')).headers.get('etag') ?? '';
    const res = await get('/reader', { 'if-none-match': `"other", ${etag}` });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(etag);
    expect(await res.text()).toBe('');
  });

  it('names the content-encoding in the ETag, and a gzip validator still matches', async () => {
    const gz = await fetch(`${base}/reader`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const etag = gz.headers.get('etag') ?? '';
    expect(etag).toBe(strongEtag(BODY).replace(/"$/, '-gzip"'));
    const again = await fetch(`${base}/reader`, { headers: { 'accept-encoding': 'gzip', 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('keeps untagged responses and responses setting a cookie private, with no tags', async () => {
    for (const path of ['/desk', '/cookie']) {
      const res = await get(path);
      expect(res.headers.get('cache-control'), path).toBe('private, no-store');
      expect(res.headers.get('surrogate-key'), path).toBeNull();
      expect(res.headers.get('etag'), path).toBeNull();
    }
  });

  it('lets shared caches keep a reader error only briefly', async () => {
    const res = await get('/gone');
    expect(res.status).toBe(410);
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=10');
  });

  it('matches validators weakly, as If-None-Match does', () => {
    expect(matchingValidator('W/"abc"', '"abc"')).toBe('"abc"');
    expect(matchingValidator('"abc-br"', '"abc"')).toBe('"abc-br"');
    expect(matchingValidator('*', '"abc"')).toBe('"abc"');
    expect(matchingValidator('"abd"', '"abc"')).toBeNull();
    expect(matchingValidator(undefined, '"abc"')).toBeNull();
  });

  it('defaults to a one-second shared cache, safe with no purger in front', () => {
    expect(cachePolicy({}).ok).toBe('public, max-age=0, s-maxage=1, stale-while-revalidate=5');
    expect(cachePolicy({ ERRATA_PURGER: 'none' }).ok).toBe('public, max-age=0, s-maxage=1, stale-while-revalidate=5');
    // A purger in front drops changed copies at once: the shared cache may keep the rest longer.
    expect(cachePolicy({ ERRATA_PURGER: 'nginx' }).ok).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=30');
    expect(cachePolicy({ ERRATA_PURGER: 'nginx', ERRATA_CACHE_S_MAXAGE: '10', ERRATA_CACHE_MAX_AGE: '5' }).ok).toBe('public, max-age=5, s-maxage=10, stale-while-revalidate=30');
  });
});

describe('isCanonicalPath', () => {
  it('accepts the paths the app links to', () => {
    for (const good of ['/', '/articles/council-vote', '/articles/council-vote/versions/2', '/sections/Local%20News', '/sections/Caf%C3%A9', '/for-the-record/2026-11-22.txt', '/corrections?section=x', '/robots.txt'])
      expect(isCanonicalPath(good), good).toBe(true);
  });

  it('refuses other spellings of them: dot and empty segments, needless or lower-case escapes', () => {
    for (const bad of ['/articles/./council-vote', '/zz/../articles/x', '/articles/x/.', '/articles/%2e/x', '/articles/%2E%2E/x', '//articles/x', '/articles//x', '/sections/Loc%61l', '/articles/council%2dvote', '/sections/Caf%c3%a9', 'articles/x', '/articles/x#f', '/articles/x/versions/1#', '/#a', '/kkkk/../articles/harbour-wall-repairs'])
      expect(isCanonicalPath(bad), bad).toBe(false);
  });
});
