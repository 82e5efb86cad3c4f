// Publishing a column edition re-renders, at once, the column's index, its feeds, the edition's own
// page and the articles whose notices now cite it; an article it does not cite stays cached.
// (Its own project, after main: it counts on no other spec re-rendering the column meanwhile.)
import path from 'node:path';
import { expect, type APIRequestContext, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { toPlainText } from '../lib/markdown';
import { actionNamed, callAction, redirectOf, settleReExpiries } from './support/actions';
import { CLASSIFIED, newSession } from './support/desk';

const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');
const run = Date.now().toString(36);
const BODY = 'The harbour board met 12 times last year.\n\nIt published its minutes each month.';

function one<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

async function createPublished(request: APIRequestContext, slug: string): Promise<number> {
  const created = await callAction(request, actionNamed('createArticleAction'), { slug, section: 'Harbour', byline: 'Cache Desk', headline: `Board ${slug}`, standfirst: 'Minutes', body: BODY });
  const id = Number(/\/desk\/articles\/(\d+)/.exec((await redirectOf(created)) ?? '')?.[1]);
  expect(id).toBeGreaterThan(0);
  await callAction(request, actionNamed('publishArticleAction'), { articleId: String(id) });
  return id;
}

async function load(request: APIRequestContext, url: string) {
  const response = await request.get(url, { headers: { 'accept-encoding': 'identity' } });
  return { status: response.status(), etag: response.headers()['etag'], cache: response.headers()['x-nextjs-cache'], text: await response.text() };
}

test('publishing an edition re-renders the column and the articles it cites, and nothing else', async ({ browser }) => {
  test.setTimeout(90_000);
  const standards = await newSession(browser, 'standards');
  const request = standards.page.request;
  const cited = `cited-${run}`;
  const unrelated = `uncited-${run}`;
  const citedId = await createPublished(request, cited);
  await createPublished(request, unrelated);
  const start = toPlainText(BODY).indexOf('12 times');
  const drafted = await callAction(request, actionNamed('createCorrectionAction'), {
    articleId: String(citedId),
    versionNumber: '1',
    claims: JSON.stringify([{ start, end: start + 8 }]),
    kind: 'correction',
    mode: 'notice',
    wording: `The board met 11 times (${run}).`,
  });
  const correctionId = Number(/\/desk\/corrections\/(\d+)/.exec((await redirectOf(drafted)) ?? '')?.[1]);
  const { revision } = one<{ revision: number }>('select revision from corrections where id = ?', correctionId);
  await callAction(request, actionNamed('publishCorrectionAction'), { correctionId: String(correctionId), revision: String(revision), ...CLASSIFIED });

  const date = new Date(Date.UTC(2089, 0, 1) + (Date.now() % 3000) * 86_400_000).toISOString().slice(0, 10);
  // Each write expires its tags again a few times in its first seconds (app/(cache)/invalidate.ts):
  // let those pass before warming, so what is cached below stays cached unless the edition's publish drops it.
  await settleReExpiries();
  const watched = ['/for-the-record', '/for-the-record/rss.xml', `/articles/${cited}`, `/articles/${unrelated}`];
  for (const url of watched) await load(request, url);
  const before = new Map<string, Awaited<ReturnType<typeof load>>>();
  for (const url of watched) before.set(url, await load(request, url));
  expect(before.get(`/articles/${unrelated}`)?.cache).toBe('HIT');
  expect((await load(request, `/for-the-record/${date}`)).status).toBe(404);

  // The edition holds exactly this test's correction (chosen, as the desk's list chooses them).
  const generated = await callAction(request, actionNamed('generateEditionAction'), { date, ahead: 'on', step: 'create', [`pick-${correctionId}`]: 'on' });
  const columnId = /\/desk\/column\/(\d+)/.exec((await redirectOf(generated)) ?? '')?.[1] ?? '';
  expect(columnId).not.toBe('');
  const desk = await (await request.get(`/desk/column/${columnId}`)).text();
  const editionRevision = /name="revision" value="([0-9a-f]+)"/.exec(desk)?.[1] ?? '';
  expect(await redirectOf(await callAction(request, actionNamed('publishEditionAction'), { columnId, revision: editionRevision }))).toContain(`published=${date}`);

  const index = await load(request, '/for-the-record');
  expect(index.cache).not.toBe('HIT');
  expect(index.text).toContain(`/for-the-record/${date}`);
  expect((await load(request, '/for-the-record/rss.xml')).text).toContain(date);
  const edition = await load(request, `/for-the-record/${date}`);
  expect(edition.status).toBe(200);
  expect(edition.text).toContain(`(${run})`);
  const citing = await load(request, `/articles/${cited}`);
  expect(citing.cache).not.toBe('HIT');
  expect(citing.text).toContain('was printed in');
  const untouched = await load(request, `/articles/${unrelated}`);
  expect(untouched.cache).toBe('HIT');
  expect(untouched.etag).toBe(before.get(`/articles/${unrelated}`)?.etag);

  // A legal withholding of the version the edition quotes: every surface of the edition says the
  // item is withheld on the very next request (the edition's pages and the column's feeds are
  // dropped with the article's), and the withheld headline is gone from all of them.
  const printed = [`/for-the-record/${date}`, `/for-the-record/${date}.txt`, '/for-the-record/rss.xml', '/for-the-record/atom.xml', '/for-the-record/feed.json'];
  // The edition's publish expires its tags again in its first seconds: let that pass, so the
  // copies warmed here stay cached unless the withholding below drops them.
  await settleReExpiries();
  for (const url of printed) expect((await load(request, url)).text, url).toContain(`Board ${cited}`);
  for (const url of printed) expect((await load(request, url)).cache ?? 'HIT', url).not.toBe('MISS');
  const withheld = await callAction(request, actionNamed('saveVersionAction'), {
    articleId: String(citedId),
    baseNumber: '1',
    changeKind: 'legal',
    note: 'Withheld (cache test)',
    withhold: '1',
    legalReason: 'Solicitors’ letter (cache test)',
    headline: `Board ${run} renamed`,
    standfirst: 'Minutes',
    body: `${BODY}\n\nThe board has since met again.`,
  });
  expect(await redirectOf(withheld)).toContain('saved=2');
  for (const url of printed) {
    const after = await load(request, url);
    expect(after.text, url).toContain('withheld for legal reasons');
    expect(after.text, url).not.toContain(`Board ${cited}`);
  }
  // The uncited article's pages are still the copies rendered before.
  expect((await load(request, `/articles/${unrelated}`)).cache).toBe('HIT');
  await standards.context.close();
});
