// Nobody can fill the disk through the page cache: made-up compare views, section names and page
// numbers are 404s that cache nothing, and the cache itself is kept in memory, bounded in bytes.
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/** Bytes under Next's build output and cache directories, where the page cache would write. */
function bytesOnDisk(): number {
  let total = 0;
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else total += stat.size;
  };
  for (const dir of ['server', 'cache']) visit(path.join(process.cwd(), '.next', dir));
  return total;
}

const random = (n: number) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(Math.random() * 26)]).join('');

test.describe('the page cache is bounded', () => {
  test('300 requests to random compare views, section names and page numbers leave the cache’s size on disk unchanged', async ({ request }) => {
    test.setTimeout(150_000);
    // A real comparison and a real filtered list, so the cached routes are warm before measuring.
    expect((await request.get('/articles/local-elections-results/compare?from=1&to=2')).status()).toBe(200);
    expect((await request.get('/corrections?section=Politics')).status()).toBe(200);
    const before = bytesOnDisk();

    const urls: string[] = [];
    for (let i = 0; i < 100; i++) {
      urls.push(
        `/articles/local-elections-results/compare/1/2/${random(12)}`,
        `/corrections?section=${random(60)}`,
        `/corrections?page=${100 + Math.floor(Math.random() * 900)}`,
      );
    }
    const answered: string[] = [];
    for (const url of urls) {
      const response = await request.get(url, { maxRedirects: 0 });
      if (response.status() !== 404) answered.push(`${response.status()} ${url}`);
    }
    expect(bytesOnDisk()).toBe(before);
    expect(answered, 'made-up values answered other than 404').toEqual([]);
  });

  test('real values still reach the cached routes', async ({ request }) => {
    for (const url of ['/corrections', '/corrections?kind=correction', '/corrections?section=Politics', '/articles/local-elections-results/compare?from=1&to=2&view=side']) {
      expect((await request.get(url)).status(), url).toBe(200);
    }
    // The cached compare route is reached only through the rewrite, which checked the view.
    expect((await request.get('/articles/local-elections-results/compare/1/2/inline')).status()).toBe(404);
  });
});
