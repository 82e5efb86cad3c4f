// The response steps of scripts/server.mjs stacked as it stacks them (the ETag per encoding, then
// compression, then the HTTP cache step, then the CSP step, then the page): a cached reader page
// keeps its connection alive, in every encoding, with its ETag and CSP hashes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { cachePolicy, etagPerEncoding, httpCacheHeaders } from './http-cache.mjs';
import { hashInlineScripts } from './response-csp.mjs';

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
const compression = createRequire(import.meta.url)('compression') as (options: { threshold: number }) => Middleware;

const PAGE = '<!doctype html><html><body><p>The record.</p><script>self.__next_f.push([1,"x"])</script></body></html>';

async function serve() {
  const compress = compression({ threshold: 0 });
  const server = http.createServer((req, res) => {
    etagPerEncoding(res);
    compress(req, res, () => {
      httpCacheHeaders(req, res, cachePolicy({}));
      hashInlineScripts(req, res);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('surrogate-key', 'site article:a');
      res.setHeader('content-security-policy', "default-src 'self'; script-src 'self'");
      res.write(PAGE.slice(0, 20));
      res.end(PAGE.slice(20));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

function get(port: number, agent: http.Agent, encoding: string) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer; socket: unknown }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/articles/a', agent, headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks), socket: req.socket }));
    });
    req.on('error', reject);
  });
}

describe('the server’s response steps together', () => {
  for (const encoding of ['gzip', 'identity']) {
    it(`a cached reader page keeps the connection alive, with its ETag and CSP hashes (${encoding})`, async () => {
      const app = await serve();
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const first = await get(app.port, agent, encoding);
        expect(first.headers['content-length'] !== undefined || first.headers['transfer-encoding'] === 'chunked').toBe(true);
        expect(first.headers.connection).toBe('keep-alive');
        expect((encoding === 'gzip' ? zlib.gunzipSync(first.body) : first.body).toString('utf8')).toBe(PAGE);
        expect(first.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
        expect(first.headers['cache-control']).toMatch(/^public, /);
        expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
        const second = await get(app.port, agent, encoding);
        expect(second.socket).toBe(first.socket);
      } finally {
        agent.destroy();
        app.close();
      }
    });
  }
});
