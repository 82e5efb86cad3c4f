import { describe, expect, it } from 'vitest';
import { serve } from './test-server';
import { markStoreUnavailable, quietUnavailableRequests, RECENTLY_MS, withStoreStatus } from './store-status.mjs';

/** Forgets when the store was last found unavailable, as if long ago. */
const forget = () => delete (globalThis as { [key: symbol]: unknown })[Symbol.for('errata.store-unavailable-at')];

describe('a request that failed because the store is unavailable', () => {
  it('answers 503 with Retry-After and no-store, marked from deep inside its async work; other failures stay as they are', async () => {
    const app = await serve((req, res) =>
      void withStoreStatus(res, async () => {
        await new Promise((r) => setTimeout(r, 5));
        if (req.url?.startsWith('/down')) await Promise.resolve().then(() => markStoreUnavailable(5));
        res.statusCode = req.url === '/down-ok' ? 200 : 500;
        res.setHeader('cache-control', 'public, max-age=60');
        if (req.url === '/down-implicit') res.write('Something went wrong');
        else res.writeHead(res.statusCode, 'Internal Server Error', { 'content-type': 'text/html' });
        res.end('Something went wrong');
      }),
    );
    try {
      for (const path of ['/down', '/down-implicit']) {
        const down = await fetch(`${app.url}${path}`);
        expect([path, down.status, down.headers.get('retry-after'), down.headers.get('cache-control')]).toEqual([path, 503, '5', 'no-store']);
      }
      // A page that still rendered (the store came back in time) keeps its status and its headers.
      const ok = await fetch(`${app.url}/down-ok`);
      expect([ok.status, ok.headers.get('retry-after')]).toEqual([200, null]);
      // Any other failure is the 500 it is (once no request has found the store down for a while).
      forget();
      const broken = await fetch(`${app.url}/broken`);
      expect([broken.status, broken.headers.get('retry-after'), broken.headers.get('cache-control')]).toEqual([500, null, 'public, max-age=60']);
    } finally {
      app.close();
    }
  });

  it('a 500 just after another request found the store down is the 503 too: identical requests share one render', async () => {
    forget();
    const app = await serve((req, res) =>
      void withStoreStatus(res, () => {
        if (req.url === '/first') markStoreUnavailable(5);
        res.statusCode = 500;
        res.end();
      }),
    );
    try {
      expect((await fetch(`${app.url}/joined`)).status).toBe(500);
      expect((await fetch(`${app.url}/first`)).status).toBe(503);
      const joined = await fetch(`${app.url}/joined`);
      expect([joined.status, joined.headers.get('retry-after')]).toEqual([503, '5']);
      expect(RECENTLY_MS).toBeLessThanOrEqual(10_000);
    } finally {
      app.close();
      forget();
    }
  });

  it('keeps concurrent requests apart: each is told its own wait', async () => {
    forget();
    const app = await serve((req, res) =>
      void withStoreStatus(res, async () => {
        markStoreUnavailable(req.url === '/slow' ? 7 : 3);
        await new Promise((r) => setTimeout(r, req.url === '/slow' ? 30 : 1));
        res.statusCode = 500;
        res.end();
      }),
    );
    try {
      const [slow, fast] = await Promise.all([fetch(`${app.url}/slow`), fetch(`${app.url}/fast`)]);
      expect([slow.status, slow.headers.get('retry-after')]).toEqual([503, '7']);
      expect([fast.status, fast.headers.get('retry-after')]).toEqual([503, '3']);
    } finally {
      app.close();
      forget();
    }
  });
});

describe('what a request answered as unavailable logs', () => {
  it('is one line a window naming the request, with a count; other requests log as before', async () => {
    forget();
    const lines: unknown[][] = [];
    const out = { error: (...args: unknown[]) => void lines.push(args) };
    quietUnavailableRequests(out, 60_000);
    const app = await serve((req, res) =>
      void withStoreStatus(res, async () => {
        if (req.url?.startsWith('/down')) markStoreUnavailable(5);
        await Promise.resolve();
        out.error(new Error('Failed query: select … params: session-id-secret'));
        out.error('⨯ digest 123');
        res.statusCode = 500;
        res.end();
      }),
    );
    try {
      await fetch(`${app.url}/down-1?q=x`);
      await fetch(`${app.url}/down-2`);
      expect(lines.map((l) => String(l[0]))).toEqual(['GET /down-1: failed with the store unavailable; its error is not logged']);
      forget();
      await fetch(`${app.url}/other`);
      expect(lines).toHaveLength(3);
      expect(String(lines[1][0])).toContain('session-id-secret');
    } finally {
      app.close();
      forget();
    }
  });
});
