import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { markStoreUnavailable, withStoreStatus } from './store-status.mjs';

async function serve(handler: http.RequestListener) {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

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
      // Any other failure is the 500 it is.
      const broken = await fetch(`${app.url}/broken`);
      expect([broken.status, broken.headers.get('retry-after'), broken.headers.get('cache-control')]).toEqual([500, null, 'public, max-age=60']);
    } finally {
      app.close();
    }
  });

  it('keeps concurrent requests apart, and a mark outside any request changes nothing', async () => {
    markStoreUnavailable(5);
    const app = await serve((req, res) =>
      void withStoreStatus(res, async () => {
        if (req.url === '/slow') markStoreUnavailable(7);
        await new Promise((r) => setTimeout(r, req.url === '/slow' ? 30 : 1));
        res.statusCode = 500;
        res.end();
      }),
    );
    try {
      const [slow, fast] = await Promise.all([fetch(`${app.url}/slow`), fetch(`${app.url}/fast`)]);
      expect([slow.status, slow.headers.get('retry-after')]).toEqual([503, '7']);
      expect([fast.status, fast.headers.get('retry-after')]).toEqual([500, null]);
    } finally {
      app.close();
    }
  });
});
