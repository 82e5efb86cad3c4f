import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { hashInlineScripts } from './response-csp.mjs';

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
// The same package scripts/server.mjs uses (it ships no types).
const compression = createRequire(import.meta.url)('compression') as (options: { threshold: number }) => Middleware;

const PAGE = '<!doctype html><html><body><p>The record.</p><script>self.__next_f.push([1,"x"])</script></body></html>';

/** As scripts/server.mjs stacks them: compression outside, the CSP step inside, then the page. */
async function serve() {
  const compress = compression({ threshold: 0 });
  const server = http.createServer((req, res) =>
    compress(req, res, () => {
      hashInlineScripts(req, res);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-security-policy', "default-src 'self'; script-src 'self'");
      res.write(PAGE.slice(0, 20));
      res.end(PAGE.slice(20));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

function get(port: number, agent: http.Agent, encoding: string) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer; socket: unknown }>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent, headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks), socket: req.socket }));
    });
    req.on('error', reject);
  });
}

describe("a reader page's CSP hashes", () => {
  for (const encoding of ['gzip', 'identity']) {
    it(`keep the response framed and the connection alive (${encoding})`, async () => {
      const app = await serve();
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const first = await get(app.port, agent, encoding);
        // A length or chunks: without either the body ends only when the server closes the connection.
        expect(first.headers['content-length'] !== undefined || first.headers['transfer-encoding'] === 'chunked').toBe(true);
        expect(first.headers.connection).toBe('keep-alive');
        const text = (encoding === 'gzip' ? zlib.gunzipSync(first.body) : first.body).toString('utf8');
        expect(text).toBe(PAGE);
        expect(first.headers['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
        const second = await get(app.port, agent, encoding);
        expect(second.socket).toBe(first.socket);
      } finally {
        agent.destroy();
        app.close();
      }
    });
  }
});
