// One cache, tagged: every reader surface answers with public Cache-Control, its tags
// (Surrogate-Key, Cache-Tag), a strong ETag and 304s; the desk is private. A write re-renders
// exactly the pages its tags name, at once: the next request is a fresh render (x-nextjs-cache:
// MISS) with the change, while an unrelated article's page is still the cached copy (HIT).
import path from 'node:path';
import { expect, type APIRequestContext, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { tagsForPath } from '../lib/cache/tags';
import { toPlainText } from '../lib/markdown';
import { actionNamed, callAction, redirectOf, settleReExpiries } from './support/actions';
import { CLASSIFIED, newSession } from './support/desk';
import { SURFACES, type SurfaceTargets } from './support/surfaces';

const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');
const DEMO = 'local-elections-results';
const run = Date.now().toString(36);

function rows<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function demoTargets(): SurfaceTargets {
  const versions = rows<{ number: number }>('select v.number from versions v join articles a on a.id = v.article_id where a.slug = ? order by v.number', DEMO).map((r) => r.number);
  const [{ externalId }] = rows<{ externalId: string | null }>('select external_id as externalId from articles where slug = ?', DEMO);
  return {
    articles: [{ slug: DEMO, versions, ...(externalId ? { externalId } : {}) }],
    sections: rows<{ section: string }>("select distinct section from articles where status <> 'draft' order by section").map((r) => r.section),
    columnDates: rows<{ date: string }>("select date from columns where status = 'published' order by date").map((r) => r.date),
  };
}

const PRIVATE_PATHS = new Set(['/login', '/api/health', '/api/reports']);
/** Files Next serves itself, with its own headers, before the proxy (its matcher leaves them out). */
const NEXT_FILES = new Set(['/favicon.ico']);

test.describe('HTTP caching headers', () => {
  test('every reader surface is public, tagged, with a strong ETag and a 304 for it', async ({ request }) => {
    test.setTimeout(120_000);
    const targets = demoTargets();
    const urls = [...new Set(SURFACES.flatMap((s) => (s.scope === 'site' ? s.urls(targets) : targets.articles.flatMap((a) => s.urls(targets, a)))))];
    const problems: string[] = [];
    let checked = 0;
    for (const url of urls) {
      const pathname = new URL(url, 'http://x').pathname;
      const response = await request.get(url, { maxRedirects: 0 });
      const h = response.headers();
      if (NEXT_FILES.has(pathname)) {
        if (response.status() !== 200) problems.push(`${url}: ${response.status()}`);
        if (h['surrogate-key'] || /private/.test(h['cache-control'] ?? '')) problems.push(`${url}: ${h['cache-control']} with tags ${h['surrogate-key']}`);
        continue;
      }
      if (pathname.startsWith('/api/v1/')) {
        // The API answers per token: private (its reads keep their ETag for the client), never tagged.
        if (!/^private, no-(store|cache)$/.test(h['cache-control'] ?? '')) problems.push(`${url}: ${h['cache-control']} (private expected)`);
        if (h['surrogate-key']) problems.push(`${url}: an API response carries Surrogate-Key`);
        continue;
      }
      if (PRIVATE_PATHS.has(pathname)) {
        if (h['cache-control'] !== 'private, no-store') problems.push(`${url}: ${h['cache-control']} (private expected)`);
        if (h['surrogate-key']) problems.push(`${url}: private response carries Surrogate-Key`);
        continue;
      }
      if (response.status() !== 200 && !h['surrogate-key']) {
        // A cached route's own address, reached only through its rewrite: a 404 nobody keeps.
        if (h['cache-control'] !== 'private, no-store') problems.push(`${url}: untagged ${response.status()} with ${h['cache-control']}`);
        continue;
      }
      const expected = tagsForPath(pathname) ?? [];
      const keys = (h['surrogate-key'] ?? '').split(' ');
      for (const tag of expected) if (!keys.includes(tag)) problems.push(`${url}: Surrogate-Key "${h['surrogate-key']}" lacks ${tag}`);
      if (h['cache-tag'] !== keys.join(',')) problems.push(`${url}: Cache-Tag "${h['cache-tag']}" differs from Surrogate-Key`);
      if (response.status() !== 200) {
        // A withheld version (410) or a missing one: shared caches keep it only briefly.
        if (!/^public, max-age=0, s-maxage=\d+$/.test(h['cache-control'] ?? '')) problems.push(`${url}: ${response.status()} with ${h['cache-control']}`);
        continue;
      }
      if (!/^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/.test(h['cache-control'] ?? '')) problems.push(`${url}: Cache-Control ${h['cache-control']}`);
      const etag = h['etag'] ?? '';
      if (!/^"[A-Za-z0-9_-]+"$/.test(etag)) problems.push(`${url}: ETag ${etag} is not strong`);
      let again = await request.get(url, { headers: { 'if-none-match': etag }, maxRedirects: 0 });
      if (again.status() === 200 && again.headers()['etag'] !== etag) {
        // Another spec changed the page in between (a new correction in a feed): ask with the new tag.
        again = await request.get(url, { headers: { 'if-none-match': again.headers()['etag'] ?? '' }, maxRedirects: 0 });
      }
      if (again.status() !== 304) problems.push(`${url}: If-None-Match gave ${again.status()}`);
      else if ((await again.body()).length !== 0) problems.push(`${url}: 304 with a body`);
      checked++;
    }
    console.log(`cache headers: ${checked} public reader URLs answered 200 with tags and a 304, of ${urls.length}`);
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  test('a gzip body has its own validator, and the desk is private with no tags', async ({ browser, request }) => {
    const identity = await request.get(`/articles/${DEMO}`, { headers: { 'accept-encoding': 'identity' } });
    const gzip = await request.get(`/articles/${DEMO}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers()['content-encoding']).toBe('gzip');
    expect(gzip.headers()['etag']).toBe(identity.headers()['etag'].replace(/"$/, '-gzip"'));

    const editor = await newSession(browser, 'editor');
    // Pages the editor may see, and one it may not (a 403 is as private).
    for (const url of ['/desk', '/desk/articles/new', '/desk/corrections', '/desk/column']) {
      const response = await editor.page.request.get(url);
      expect([200, 403], url).toContain(response.status());
      expect(response.headers()['cache-control'], url).toBe('private, no-store');
      expect(response.headers()['surrogate-key'], url).toBeUndefined();
      expect(response.headers()['etag'], url).toBeUndefined();
    }
    // A signed-in editor reading a reader page gets the same public page as anyone (nothing on it varies by cookie).
    const asEditor = await editor.page.request.get(`/articles/${DEMO}`, { headers: { 'accept-encoding': 'identity' } });
    expect(asEditor.headers()['etag']).toBe(identity.headers()['etag']);
    expect(asEditor.headers()['set-cookie']).toBeUndefined();
    await editor.context.close();
  });
});

const BODY = 'The council voted 7 to 2 to close the library on Fridays.\n\nThe mayor said the savings were small.';

async function createPublished(request: APIRequestContext, slug: string, section: string): Promise<number> {
  const created = await callAction(request, actionNamed('createArticleAction'), { slug, section, byline: 'Cache Desk', headline: `Library ${slug}`, standfirst: 'Fridays', body: BODY });
  const id = Number(/\/desk\/articles\/(\d+)/.exec((await redirectOf(created)) ?? '')?.[1]);
  expect(id, 'the article was created').toBeGreaterThan(0);
  expect(await redirectOf(await callAction(request, actionNamed('publishArticleAction'), { articleId: String(id) }))).toContain(`/desk/articles/${id}`);
  return id;
}

/**
 * Reader pages every spec's writes purge, not only this one's. A filtered corrections list carries
 * the same `corrections` tag as the list itself (lib/cache/tags.ts), so any correction published by
 * a spec running beside this one purges it too.
 */
const SHARED = new Set(['/', '/corrections']);
const isShared = (url: string) => SHARED.has(url) || url.startsWith('/corrections?');

/** A page's body and whether Next served it from the page cache. */
async function load(request: APIRequestContext, url: string) {
  const response = await request.get(url, { headers: { 'accept-encoding': 'identity' } });
  expect(response.status(), url).toBe(200);
  return { etag: response.headers()['etag'], cache: response.headers()['x-nextjs-cache'], text: await response.text() };
}

test.describe('a write invalidates exactly its tags, at once', () => {
  test('publishing a correction and amending an article re-render their pages, and leave an unrelated article cached', async ({ browser }) => {
    test.setTimeout(90_000);
    const editor = await newSession(browser, 'editor');
    const standards = await newSession(browser, 'standards');
    const slug = `cached-${run}`;
    const section = `Cachetown ${run}`;
    const id = await createPublished(editor.page.request, slug, section);
    const reader = editor.page.request;

    const touched = [`/articles/${slug}`, `/articles/${slug}/history`, '/', '/corrections', `/corrections?section=${encodeURIComponent(section)}`];
    const feeds = ['/corrections/rss.xml', `/articles/${slug}/corrections/feed.json`, `/sections/${encodeURIComponent(section)}/corrections/atom.xml`];
    // Unrelated: an article of this test's own, in another section no other spec writes to (the
    // demo articles are amended and cited by editions in other specs meanwhile).
    await createPublished(editor.page.request, `cached-other-${run}`, `Othertown ${run}`);
    const unrelated = `/articles/cached-other-${run}`;
    // Each write expires its tags again a few times in its first seconds (app/(cache)/invalidate.ts):
    // let the two articles' publishes settle before warming.
    await settleReExpiries();
    // Warm: every page rendered once, so the next request is a cache hit.
    for (const url of [...touched, unrelated]) await load(reader, url);
    const before = new Map<string, Awaited<ReturnType<typeof load>>>();
    for (const url of [...touched, ...feeds, unrelated]) before.set(url, await load(reader, url));
    expect(before.get(unrelated)?.cache).toBe('HIT');
    for (const url of touched) {
      // The front page and the corrections list are shared with the specs running beside this one:
      // a publish there purges them between the warm-up and this read. Their proof of being cached
      // is a HIT within a few reads of a re-render.
      for (let tries = 0; isShared(url) && before.get(url)?.cache !== 'HIT' && tries < 5; tries++) before.set(url, await load(reader, url));
      expect(before.get(url)?.cache, url).toBe('HIT');
    }

    // A correction, drafted by the editor and published by standards.
    const start = toPlainText(BODY).indexOf('7 to 2');
    const wording = `The vote was 6 to 3 (${run}).`;
    const drafted = await callAction(editor.page.request, actionNamed('createCorrectionAction'), {
      articleId: String(id),
      versionNumber: '1',
      claims: JSON.stringify([{ start, end: start + 6 }]),
      kind: 'correction',
      mode: 'notice',
      wording,
    });
    const correctionId = Number(/\/desk\/corrections\/(\d+)/.exec((await redirectOf(drafted)) ?? '')?.[1]);
    const revision = rows<{ revision: number }>('select revision from corrections where id = ?', correctionId)[0].revision;
    expect(await redirectOf(await callAction(standards.page.request, actionNamed('publishCorrectionAction'), { correctionId: String(correctionId), revision: String(revision), ...CLASSIFIED }))).toContain('published=1');

    // At once: the article, its history, the front page and the lists are rendered afresh and show it.
    for (const url of touched) {
      const after = await load(reader, url);
      // Rendered afresh. (The front page and the corrections list are shared with the specs running
      // beside this one, whose next request after the purge renders and caches them again: for
      // those the proof is the new ETag and text below.)
      if (!isShared(url)) expect(after.cache, url).not.toBe('HIT');
      // (The history lists corrections that amended a version; this one is a notice.)
      if (url.includes('history')) continue;
      expect(after.etag, url).not.toBe(before.get(url)?.etag);
      expect(after.text, url).toContain(wording);
    }
    for (const url of feeds) expect((await load(reader, url)).text, url).toContain(wording);
    // Untouched: the unrelated article is still the copy rendered before, served from the cache.
    const still = await load(reader, unrelated);
    expect(still.cache).toBe('HIT');
    expect(still.etag).toBe(before.get(unrelated)?.etag);

    // Amending the article (a new version): its page changes at once; the unrelated one still does not.
    await load(reader, `/articles/${slug}`);
    const saved = await callAction(editor.page.request, actionNamed('saveVersionAction'), {
      articleId: String(id),
      baseNumber: '1',
      changeKind: 'update',
      note: 'Added the date',
      headline: `Library ${slug} amended`,
      standfirst: 'Fridays',
      body: `${BODY}\n\nThe change starts in ${run}.`,
    });
    expect(await redirectOf(saved)).toContain('saved=2');
    const amended = await load(reader, `/articles/${slug}`);
    expect(amended.cache).not.toBe('HIT');
    expect(amended.text).toContain(`Library ${slug} amended`);
    expect((await load(reader, `/articles/${slug}/versions/2`)).text).toContain(`The change starts in ${run}.`);
    expect((await load(reader, '/')).text).toContain(`Library ${slug} amended`);
    expect((await load(reader, unrelated)).cache).toBe('HIT');
    await editor.context.close();
    await standards.context.close();
  });

  test('made-up filter values and addresses answer 404 without rendering, and add no cache entries of their own', async ({ request }) => {
    for (const url of ['/corrections?section=Nowhere-at-all', '/corrections?kind=correction&section=Nowhere', '/for-the-record/2099-13-45', '/for-the-record/not-a-date', '/sections/Nowhere/corrections/rss.xml', '/articles/no-such-story/history.json', '/articles/no-such-story/corrections/rss.xml', '/front-page/latest', '/for-the-record/editions/all']) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url).toBe(404);
      // Never rendered: at most the one prerendered not-found page, never a fresh render.
      expect(response.headers()['x-nextjs-cache'], url).not.toBe('MISS');
    }
    // A date-filtered list with a made-up section matches nothing (it is never widened to every
    // section) and reads nothing, so it adds no data entry of its own.
    const withMadeUp = await request.get('/corrections?from=2000-01-01&section=Nowhere-at-all', { headers: { 'accept-encoding': 'identity' } });
    expect(withMadeUp.status()).toBe(200);
    const text = await withMadeUp.text();
    expect(text).toContain('No corrections match.');
    expect(/<ol class="correction-list">([\s\S]*?)<\/ol>/.exec(text)?.[1]).toBe('');
  });
});
