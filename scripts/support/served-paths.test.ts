import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { recordServedPath, ServedPaths } from './served-paths.mjs';

describe('ServedPaths', () => {
  it('finds paths by tag, replaces a path’s tags when it is served again, and forgets the oldest beyond its bound', () => {
    const r = new ServedPaths(3);
    r.record('/articles/a', ['site', 'article:a']);
    r.record('/articles/a/versions/1', ['site', 'article:a']);
    r.record('/', ['site', 'home']);
    expect(r.pathsFor('article:a').sort()).toEqual(['/articles/a', '/articles/a/versions/1']);
    r.record('/articles/a', ['site', 'article:a', 'column']);
    expect(r.pathsFor('column')).toEqual(['/articles/a']);
    r.record('/corrections', ['site', 'corrections']);
    // /articles/a/versions/1 is now the oldest and is forgotten.
    expect(r.pathsFor('article:a')).toEqual(['/articles/a']);
    expect(r.pathsFor('site').sort()).toEqual(['/', '/articles/a', '/corrections']);
    expect(r.pathsFor('nothing')).toEqual([]);
  });

  it('records only cacheable GET 200s with tags and no query string', async () => {
    const r = new ServedPaths();
    const server = http.createServer((req, res) => {
      recordServedPath(req, res, r);
      const [status, cc] = req.url!.startsWith('/private') ? [200, 'private, no-store'] : req.url!.startsWith('/missing') ? [404, 'public, s-maxage=60'] : [200, 'public, s-maxage=60'];
      res.writeHead(status, { 'cache-control': cc, 'surrogate-key': `site ${req.url!.slice(1).split('?')[0]}` }).end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    for (const p of ['/a', '/private', '/missing', '/q?x=1']) await (await fetch(base + p)).text();
    await (await fetch(`${base}/post`, { method: 'POST' })).text();
    server.close();
    expect(r.pathsFor('site')).toEqual(['/a']);
  });
});
