// The embeds (docs/embeds.md): an article's notices addressed by the CMS's id, as an HTML fragment
// and as JSON, worded exactly as under Errata's article page; the script a host page with a strict
// CSP loads to show them and mark the claims' words; nothing for an article readers cannot see; and
// never a withheld version's words. The demo newsroom's CMS ids are in db/seed/demo-content.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type APIRequestContext, expect, type Page, request as playwrightRequest, test } from '@playwright/test';
import Database from 'better-sqlite3';
import type { EmbedNotices as EmbedJson } from '../lib/embed/notices';
import { toPlainText } from '../lib/markdown';
import { actionNamed, callAction, redirectOf } from './support/actions';
import { CLASSIFIED, signInAs, uniqueSlug } from './support/desk';
import { e2eDatabasePath, queryOne } from './support/e2e-db';
import { NGINX_URL } from './support/nginx';

const ELECTIONS = { externalId: 'cms-1042', slug: 'local-elections-results' };
const WITHDRAWN_ARTICLE = { externalId: 'cms-1044', slug: 'netherby-algae-study' };
const DRAFT = { externalId: 'cms-1045', slug: 'pier-cafe-late-licence' };

const fragmentUrl = (id: string) => `/embed/articles/${id}/notices`;
const jsonUrl = (id: string) => `/embed/articles/${id}/notices.json`;

/** What a strict host page's CSP refuses in markup, or what would make the fragment a document. */
function unsafeMarkup(html: string): string[] {
  const tags = (html.match(/<[a-z][^>]*>/gi) ?? []).join(' ').replace(/="[^"]*"/g, '=""');
  return [
    ...(/<script/i.test(html) ? ['<script'] : []),
    ...(/<style/i.test(html) || /\sstyle=/i.test(tags) ? ['style'] : []),
    ...(/\son[a-z]+=/i.test(tags) ? ['event handler'] : []),
    ...(/<(!doctype|html|head|body)\b/i.test(html) ? ['a document'] : []),
  ];
}

/** The reader article page's notices, as readers read them (without the bullet and the backlink). */
async function readerNotices(page: Page, slug: string): Promise<string[]> {
  await page.goto(`/articles/${slug}`);
  const items = await page.locator('section.notices li.notice').evaluateAll((lis) =>
    lis.map((li) => {
      const copy = li.cloneNode(true) as HTMLElement;
      copy.querySelector('a.backref')?.remove();
      return (copy.textContent ?? '').replace(/^•\s*/, '').trim();
    }),
  );
  return items;
}

/** The fragment's notices as a browser reads them (entities decoded). */
async function fragmentNotices(page: Page, html: string): Promise<string[]> {
  await page.setContent(html);
  return page.locator('.errata-notice__text').allTextContents();
}

test.describe('the notices embed', () => {
  test('the fragment says exactly what the article page says, in the documented classes, with nothing a strict CSP refuses', async ({ page, request, baseURL }) => {
    let html = '';
    // The column spec may print this correction meanwhile, which rewords its notice: compare a consistent pair.
    await expect
      .poll(async () => {
        const response = await request.get(fragmentUrl(ELECTIONS.externalId));
        expect(response.status()).toBe(200);
        html = await response.text();
        const reader = await readerNotices(page, ELECTIONS.slug);
        const embedded = await fragmentNotices(page, html);
        return reader.length > 0 && JSON.stringify(reader) === JSON.stringify(embedded);
      })
      .toBe(true);

    const response = await request.get(fragmentUrl(ELECTIONS.externalId));
    const h = response.headers();
    expect(h['content-type']).toBe('text/html; charset=utf-8');
    expect(h['cache-control']).toMatch(/^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+$/);
    expect(h['surrogate-key']?.split(' ')).toEqual(['site', `article:${ELECTIONS.slug}`]);
    expect(h['access-control-allow-origin']).toBe('*');
    // Included or fetched, never framed: the site's frame rules stand.
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");

    expect(html).toMatch(new RegExp(`^<aside class="errata-notices" data-errata-article="${ELECTIONS.externalId}" lang="en-GB">`));
    expect(unsafeMarkup(html)).toEqual([]);
    for (const cls of ['errata-notices__title', 'errata-notice', 'errata-notice--correction', 'errata-notice__date', 'errata-notice__text', 'errata-notice__link', 'errata-notices__history']) {
      expect(html, cls).toMatch(new RegExp(`class="([^"]* )?${cls}( [^"]*)?"`));
    }
    await page.setContent(html);
    const notice = page.locator('li.errata-notice').first();
    await expect(notice.locator('time.errata-notice__date')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    await expect(notice.locator('a.errata-notice__link')).toHaveAttribute('href', new RegExp(`^${baseURL}/articles/${ELECTIONS.slug}#notice-\\d+$`));
    await expect(page.locator('a.errata-notices__history')).toHaveAttribute('href', `${baseURL}/articles/${ELECTIONS.slug}/history`);

    // A 304 for the copy a host's server already holds.
    const again = await request.get(fragmentUrl(ELECTIONS.externalId), { headers: { 'if-none-match': h['etag'] ?? '' } });
    expect([200, 304]).toContain(again.status());
  });

  test('the JSON carries the same notices, and the claim as the words the article page marks', async ({ page, request, baseURL }) => {
    let json: EmbedJson | undefined;
    await expect
      .poll(async () => {
        const response = await request.get(jsonUrl(ELECTIONS.externalId));
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
        expect(response.headers()['access-control-allow-origin']).toBe('*');
        json = (await response.json()) as EmbedJson;
        const fragment = await fragmentNotices(page, await (await request.get(fragmentUrl(ELECTIONS.externalId))).text());
        return JSON.stringify(json.notices.map((n) => n.text)) === JSON.stringify(fragment);
      })
      .toBe(true);
    if (!json) throw new Error('no JSON');
    expect(json.article).toMatchObject({ externalId: ELECTIONS.externalId, url: `${baseURL}/articles/${ELECTIONS.slug}`, status: 'published', withdrawn: null });
    const [notice] = json.notices;
    expect(notice).toMatchObject({ kind: 'correction', kindLabel: 'Correction', url: `${baseURL}/articles/${ELECTIONS.slug}#notice-${notice.id}` });
    await page.goto(`/articles/${ELECTIONS.slug}`);
    expect(json.article.headline).toBe(await page.getByRole('heading', { level: 1 }).textContent());
    expect(notice.claims.map((c) => c.exact)).toEqual([await page.locator(`mark.claim#claim-${notice.id}`).textContent()]);
    expect(notice.claims[0]).toMatchObject({ id: `errata-claim-${notice.id}`, exact: '842 council seats and 11 councils' });
  });

  test('an article readers cannot see has no embed: unknown, draft or malformed ids are an empty 404', async ({ request }) => {
    const draftHeadline = 'Pier café applies to stay open until midnight';
    for (const id of ['no-such-article', DRAFT.externalId, 'bad%20id', '-leading-dash', 'x'.repeat(200)]) {
      const fragment = await request.get(fragmentUrl(id));
      expect(fragment.status(), id).toBe(404);
      const body = await fragment.text();
      expect(body, id).toBe('<aside class="errata-notices errata-notices--missing" hidden></aside>\n');
      const json = await request.get(jsonUrl(id));
      expect(json.status(), id).toBe(404);
      expect(await json.json(), id).toEqual({ error: 'No such article.' });
      expect(fragment.headers()['cache-control'], id).toMatch(/^public, max-age=0, s-maxage=\d+$|^private, no-store$/);
      for (const text of [body, JSON.stringify(await json.json())]) expect(text).not.toContain(draftHeadline);
    }
  });

  test('a withdrawn article shows its withdrawal as the article page does', async ({ page, request }) => {
    const html = await (await request.get(fragmentUrl(WITHDRAWN_ARTICLE.externalId))).text();
    expect(html).toMatch(/^<aside class="errata-notices errata-notices--withdrawn"/);
    await page.goto(`/articles/${WITHDRAWN_ARTICLE.slug}`);
    const banner = ((await page.locator('p.banner').textContent()) ?? '').trim();
    expect(banner).toMatch(/^This article has been withdrawn\. /);
    await page.setContent(html);
    const shown = (await page.locator('.errata-notices__withdrawn').evaluate((p) => (p.firstChild?.textContent ?? '').trim())) ?? '';
    expect(shown).toBe(banner);
    const json = (await (await request.get(jsonUrl(WITHDRAWN_ARTICLE.externalId))).json()) as EmbedJson;
    expect(json.article.status).toBe('withdrawn');
    expect(json.article.withdrawn?.text).toBe(banner);
  });

  test('a host page with a strict CSP shows the notices through the script and marks the claim', async ({ page, baseURL }) => {
    const origin = new URL(baseURL ?? '').origin;
    const current = queryOne<{ body: string; headline: string }>('select v.body, v.headline from versions v join articles a on a.id = v.article_id where a.slug = ? order by v.number desc limit 1', ELECTIONS.slug);
    const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    // The CMS renders the story its own way: its paragraphs, its markup.
    const paragraphs = toPlainText(current.body).split('\n\n');
    const host = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>The Courier</title></head><body>
<article id="story"><h1>${escape(current.headline)}</h1>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article>
<div data-errata-notices="${ELECTIONS.externalId}" data-errata-src="${origin}" data-errata-mark="#story"><p>Corrections load here.</p></div>
<script src="${origin}/embed/errata-notices.js" defer></script></body></html>`;
    // Only Errata's script, and only Errata to fetch from; no inline script or style at all.
    const csp = `default-src 'none'; script-src ${origin}; connect-src ${origin}; style-src 'none'; img-src 'none'`;
    // The CMS's page on an origin of its own: another port (on loopback, as the browser refuses a
    // public page's requests to a loopback address).
    const cms = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp }).end(host));
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    try {
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { violations: string[] }).violations = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      // What the script itself was sent (another spec may print this correction meanwhile, rewording it).
      const answer = page.waitForResponse((r) => r.url().endsWith(jsonUrl(ELECTIONS.externalId)));
      await page.goto(`http://127.0.0.1:${(cms.address() as AddressInfo).port}/politics/alliance-routed`);
      const json = (await (await answer).json()) as EmbedJson;

      const notices = page.getByRole('complementary');
      await expect(notices.getByRole('heading', { name: 'Corrections and clarifications' })).toBeVisible();
      await expect(notices).toHaveAttribute('data-errata-article', ELECTIONS.externalId);
      await expect(notices.locator('.errata-notice__text')).toHaveText(json.notices.map((n) => n.text));
      const [notice] = json.notices;
      const mark = page.locator(`#story mark.errata-claim#errata-claim-${notice.id}`);
      await expect(mark).toHaveText(notice.claims[0].exact);
      await mark.getByRole('link').click();
      await expect(page).toHaveURL(new RegExp(`#errata-notice-${notice.id}$`));
      await expect(page.locator(`li#errata-notice-${notice.id}.errata-notice--correction`)).toBeVisible();
      // Marking wraps the words; the story's text is as the CMS wrote it.
      expect(await page.locator('#story').textContent()).toBe(`${current.headline}${paragraphs.join('\n')}`);
      expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    } finally {
      cms.closeAllConnections();
      await new Promise((resolve) => cms.close(resolve));
    }
  });
});

// ---- A story with a version withheld for legal reasons, built through the desk's own actions. ----

async function act(request: APIRequestContext, name: string, fields: Record<string, string>): Promise<string> {
  const response = await callAction(request, actionNamed(name), fields);
  const target = await redirectOf(response);
  if (!target) throw new Error(`${name} did not succeed (${response.status()}): ${(await response.text()).slice(0, 300)}`);
  return target;
}

function setExternalId(articleId: number, externalId: string): void {
  // The desk's forms set no CMS id (the API does); set once, as the database allows.
  const db = new Database(e2eDatabasePath);
  try {
    db.prepare('update articles set external_id = ? where id = ? and external_id is null').run(externalId, articleId);
  } finally {
    db.close();
  }
}

test.describe('the notices embed and a legal withholding', () => {
  test('follows every write at once, and never shows a withheld version’s words', async ({ page }) => {
    await signInAs(page, 'standards');
    const request = page.request;
    const slug = uniqueSlug('embed-legal');
    const externalId = `cms-${slug}`;
    const secret = `zq${Date.now().toString(36)}secret`;
    const v1 = { headline: `Harbour contract ${secret}head`, standfirst: `Standfirst ${secret}stand`, body: `The contract went to Tolley Marine.\n\nCritics say ${secret}claim before the vote.` };
    const articleId = Number(/\/desk\/articles\/(\d+)/.exec(await act(request, 'createArticleAction', { slug, section: 'Politics', byline: 'Embed Test', ...v1 }))?.[1]);
    setExternalId(articleId, externalId);
    // A draft has no embed.
    expect((await request.get(jsonUrl(externalId))).status()).toBe(404);
    await act(request, 'publishArticleAction', { articleId: String(articleId) });
    const empty = await request.get(fragmentUrl(externalId));
    expect(empty.status()).toBe(200);
    expect(await empty.text()).toMatch(/^<aside class="errata-notices errata-notices--empty"/);
    // A host's copy through the HTTP cache in front (deploy/nginx): kept, until a write purges it.
    const reader = await playwrightRequest.newContext({ baseURL: NGINX_URL });
    await reader.get(jsonUrl(externalId));
    expect((await reader.get(jsonUrl(externalId))).headers()['x-cache-status']).toBe('HIT');
    /** Through nginx, polled for 2 s (the purge starts inside the write's request, never waited for). */
    const throughCache = async (done: (json: EmbedJson) => boolean) => {
      const deadline = Date.now() + 2000;
      let json: EmbedJson;
      do json = (await (await reader.get(jsonUrl(externalId))).json()) as EmbedJson;
      while (!done(json) && Date.now() < deadline);
      return json;
    };

    // A published correction on the words that will be withheld: the embed has it at once.
    const text = toPlainText(v1.body);
    const start = text.indexOf(`${secret}claim`);
    const correctionId = /\/desk\/corrections\/(\d+)/.exec(
      await act(request, 'createCorrectionAction', { articleId: String(articleId), versionNumber: '1', claims: JSON.stringify([{ start, end: start + `${secret}claim`.length }]), kind: 'correction', mode: 'notice', wording: 'No evidence supports this claim.' }),
    )?.[1];
    const { revision } = queryOne<{ revision: number }>('select revision from corrections where id = ?', Number(correctionId));
    await act(request, 'publishCorrectionAction', { correctionId: String(correctionId), revision: String(revision), ...CLASSIFIED });
    const before = (await (await request.get(jsonUrl(externalId))).json()) as EmbedJson;
    expect(before.notices.map((n) => n.id)).toEqual([Number(correctionId)]);
    expect(before.notices[0].claims[0].exact).toBe(`${secret}claim`);
    expect((await throughCache((j) => j.notices.length === 1)).notices.map((n) => n.id)).toEqual([Number(correctionId)]);

    // The legal version withholds version 1: its words leave the embed with it.
    await act(request, 'saveVersionAction', {
      articleId: String(articleId),
      baseNumber: '1',
      changeKind: 'legal',
      note: 'Removed on legal advice',
      headline: 'Harbour contract questioned',
      standfirst: 'Questions over the contract.',
      body: 'The contract went to Tolley Marine.\n\nThe award has been questioned.',
      withhold: '1',
      legalReason: 'Solicitors’ letter (embed test)',
    });
    const fragment = await (await request.get(fragmentUrl(externalId))).text();
    const json = await (await request.get(jsonUrl(externalId))).text();
    for (const body of [fragment, json]) {
      expect(body).not.toContain(secret);
      expect(body).not.toContain('withheld for legal reasons');
    }
    const after = JSON.parse(json) as EmbedJson;
    expect(after.article.headline).toBe('Harbour contract questioned');
    expect(after.notices).toHaveLength(1);
    expect(after.notices[0].claims).toEqual([]);
    expect(fragment).toContain('No evidence supports this claim.');
    expect(JSON.stringify(await throughCache((j) => !JSON.stringify(j).includes(secret)))).not.toContain(secret);

    // Withdrawing the correction reaches the embed at once too.
    await act(request, 'withdrawCorrectionAction', { correctionId: String(correctionId), reason: 'Withdrawn (embed test)' });
    const withdrawn = (await (await request.get(jsonUrl(externalId))).json()) as EmbedJson;
    expect(withdrawn.notices[0].text).toContain('withdrawn');
    expect(JSON.stringify(withdrawn)).not.toContain(secret);
    expect((await throughCache((j) => j.notices[0]?.withdrawn)).notices[0].withdrawn).toBe(true);
    await reader.dispose();
  });
});
