// Each purger against a real HTTP server on 127.0.0.1: the requests it sends, and how it fails.
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { banExpression } from './varnish';
import { pathsForTag, pathsForTags } from './nginx';
import { purgerFromEnv } from './index';

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let server: http.Server | null = null;

async function listen(answer: (seen: Seen) => number | 'hang'): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const s = { method: req.method!, url: req.url!, headers: req.headers, body };
      seen.push(s);
      const status = answer(s);
      if (status === 'hang') return;
      res.writeHead(status).end('ok');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  const s = server;
  server = null;
  if (!s) return;
  s.closeAllConnections();
  await new Promise((resolve) => s.close(resolve));
});

/** Node's HTTP parser refuses BAN, so Varnish's side is a plain socket reading one request. */
async function listenRaw(status: number): Promise<{ base: string; seen: string[]; close: () => void }> {
  const seen: string[] = [];
  const raw = net.createServer((socket) => {
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk;
      if (data.includes('\r\n\r\n')) {
        seen.push(data);
        socket.end(`HTTP/1.1 ${status} X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      }
    });
  });
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(raw.address() as AddressInfo).port}`, seen, close: () => raw.close() };
}

describe('purgerFromEnv', () => {
  it('is none by default and refuses unknown or incomplete settings', () => {
    expect(purgerFromEnv({})).toBeNull();
    expect(purgerFromEnv({ ERRATA_PURGER: 'none' })).toBeNull();
    expect(() => purgerFromEnv({ ERRATA_PURGER: 'squid' })).toThrow(/one of none, nginx, varnish, cdn/);
    expect(() => purgerFromEnv({ ERRATA_PURGER: 'nginx' })).toThrow(/ERRATA_PURGE_URL/);
    expect(() => purgerFromEnv({ ERRATA_PURGER: 'varnish', ERRATA_PURGE_URL: 'ftp://x' })).toThrow(/http/);
    expect(() => purgerFromEnv({ ERRATA_PURGER: 'cdn', ERRATA_PURGE_URL: 'https://a.example', ERRATA_PURGE_AUTH: 'no colon' })).toThrow(/Name: value/);
    expect(() => purgerFromEnv({ ERRATA_PURGER: 'cdn', ERRATA_PURGE_URL: 'https://a.example', ERRATA_PURGE_TIMEOUT_MS: '0' })).toThrow(/TIMEOUT/);
    expect(purgerFromEnv({ ERRATA_PURGER: 'Varnish', ERRATA_PURGE_URL: 'http://127.0.0.1:6081' })?.name).toBe('varnish');
  });
});

describe('nginx purger', () => {
  it('maps tags to the exact paths that carry them', async () => {
    expect(pathsForTag('home')).toEqual(['/']);
    expect(pathsForTag('article:vote-count')).toEqual([
      '/articles/vote-count',
      '/articles/vote-count/history',
      '/articles/vote-count/history.json',
      '/articles/vote-count/corrections/rss.xml',
      '/articles/vote-count/corrections/atom.xml',
      '/articles/vote-count/corrections/feed.json',
    ]);
    expect(pathsForTag('section:Local')).toContain('/sections/Local/corrections/atom.xml');
    expect(pathsForTag('column')).toContain('/for-the-record');
    expect(pathsForTag('column:2026-03-01')).toEqual(['/for-the-record/2026-03-01', '/for-the-record/2026-03-01.txt', '/for-the-record/2026-03-01/text']);
    expect(pathsForTag('corrections')).toContain('/corrections/feed.json');
    expect(pathsForTag('sitemap')).toEqual(['/sitemap.xml']);
    expect(pathsForTag('article:a b/c')).toContain('/articles/a%20b%2Fc');
    expect(pathsForTag('made-up')).toEqual([]);
    // Served paths are added, each path once.
    const served = (tag: string) => (tag === 'article:x' ? ['/articles/x/versions/2', '/articles/x'] : []);
    const paths = await pathsForTags(['article:x', 'home', 'home'], served);
    expect(paths.filter((p) => p === '/articles/x')).toHaveLength(1);
    expect(paths).toContain('/articles/x/versions/2');
    expect(paths).toContain('/');
  });

  it('sends PURGE for each path; 404 (not cached) is fine, 403 or 500 fails', async () => {
    const { base, seen } = await listen((s) => (s.url === '/' ? 404 : 200));
    const purger = purgerFromEnv({ ERRATA_PURGER: 'nginx', ERRATA_PURGE_URL: `${base}/` }, () => ['/articles/x/versions/1'])!;
    await purger.purge(['article:x', 'home']);
    expect(seen.every((s) => s.method === 'PURGE')).toBe(true);
    expect(seen.map((s) => s.url).sort()).toEqual([...pathsForTag('article:x'), '/', '/articles/x/versions/1'].sort());

    const refused = await listen(() => 403);
    const refusing = purgerFromEnv({ ERRATA_PURGER: 'nginx', ERRATA_PURGE_URL: refused.base })!;
    await expect(refusing.purge(['home'])).rejects.toThrow(/HTTP 403/);
  });

  it('times out against a server that never answers', async () => {
    const { base } = await listen(() => 'hang');
    const purger = purgerFromEnv({ ERRATA_PURGER: 'nginx', ERRATA_PURGE_URL: base, ERRATA_PURGE_TIMEOUT_MS: '100' })!;
    await expect(purger.purge(['home'])).rejects.toThrow(/timed out after 100 ms/);
  });

  it('fails cleanly when nothing listens', async () => {
    const { base } = await listen(() => 200);
    const s = server!;
    server = null;
    await new Promise((resolve) => s.close(resolve));
    const purger = purgerFromEnv({ ERRATA_PURGER: 'nginx', ERRATA_PURGE_URL: base })!;
    await expect(purger.purge(['home'])).rejects.toThrow(/PURGE http:\/\/127\.0\.0\.1/);
  });
});

describe('varnish purger', () => {
  it('sends one BAN whose X-Ban-Tags matches whole tags in Surrogate-Key', async () => {
    const { base, seen, close } = await listenRaw(200);
    await purgerFromEnv({ ERRATA_PURGER: 'varnish', ERRATA_PURGE_URL: base })!.purge(['article:a.b', 'home']);
    close();
    expect(seen).toHaveLength(1);
    expect(seen[0].startsWith('BAN / HTTP/1.1')).toBe(true);
    const header = /^x-ban-tags: (.*)$/im.exec(seen[0])![1].trim();
    const expression = new RegExp(header);
    expect(expression.test('site article:a.b corrections')).toBe(true);
    expect(expression.test('home')).toBe(true);
    expect(expression.test('site article:aXb')).toBe(false);
    expect(expression.test('site article:a.b.c')).toBe(false);
    expect(expression.test('homely')).toBe(false);
    expect(banExpression(['x', 'x'])).toBe('(^|\\s)(x)(\\s|$)');
  });

  it('fails on a refusal', async () => {
    const { base, close } = await listenRaw(405);
    await expect(purgerFromEnv({ ERRATA_PURGER: 'varnish', ERRATA_PURGE_URL: base })!.purge(['home'])).rejects.toThrow(/BAN .* HTTP 405/);
    close();
  });
});

describe('cdn purger', () => {
  it('posts {"tags": [...]} in batches of 30 with the auth header', async () => {
    const { base, seen } = await listen(() => 200);
    const tags = Array.from({ length: 31 }, (_, i) => `article:a${i}`);
    await purgerFromEnv({ ERRATA_PURGER: 'cdn', ERRATA_PURGE_URL: `${base}/zones/x/purge`, ERRATA_PURGE_AUTH: 'Authorization: Bearer s3cret' })!.purge(tags);
    expect(seen.map((s) => [s.method, s.url])).toEqual([
      ['POST', '/zones/x/purge'],
      ['POST', '/zones/x/purge'],
    ]);
    expect(seen[0].headers.authorization).toBe('Bearer s3cret');
    expect(seen[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(seen[0].body).tags).toHaveLength(30);
    expect(JSON.parse(seen[1].body)).toEqual({ tags: ['article:a30'] });
  });

  it('with {tag} in the URL, sends one request per tag with the chosen method', async () => {
    const { base, seen } = await listen(() => 200);
    await purgerFromEnv({ ERRATA_PURGER: 'cdn', ERRATA_PURGE_URL: `${base}/service/s/purge/{tag}`, ERRATA_PURGE_METHOD: 'put', ERRATA_PURGE_AUTH: 'Fastly-Key: k' })!.purge(['article:x', 'home']);
    expect(seen.map((s) => [s.method, s.url, s.headers['fastly-key']])).toEqual([
      ['PUT', '/service/s/purge/article%3Ax', 'k'],
      ['PUT', '/service/s/purge/home', 'k'],
    ]);
  });

  it('fails on a refusal', async () => {
    const { base } = await listen(() => 401);
    await expect(purgerFromEnv({ ERRATA_PURGER: 'cdn', ERRATA_PURGE_URL: base })!.purge(['home'])).rejects.toThrow(/HTTP 401/);
  });
});
