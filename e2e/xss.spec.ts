// The XSS corpus through every text a person can enter — headline, standfirst, body, byline, section,
// change note, correction wording and replacements, report, withdrawal and decline reasons, column
// intro and items, an account's name — then every page, diff and feed that shows it, opened in
// Chromium: no dialog opens, no payload runs, nothing is fetched from elsewhere, the CSP has nothing
// to refuse (a payload that reached a page as markup would be refused, and that counts too), and the
// feeds still parse.
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type Page, test } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { hasHiddenCharacters, withoutHiddenCharacters } from '../lib/limits';
import { toPlainText } from '../lib/markdown';
import { isoDateInZone } from '../lib/wording';
import { actionManifest, callAction } from './support/actions';
import { CLASSIFIED, everyWaitingPick, newSession, signInAs } from './support/desk';
import { reportFrom } from './support/from-address';
import { pack, paddedCopies, payloadShape, xssCorpus } from './support/xss-corpus';

const corpus = xssCorpus();
// A NUL is refused in every field before anything is stored (lib/form-fields.ts), and so is a
// direction override or another hidden character, in every field of every desk form (parseForm in
// app/(auth)/forms.ts, as the API's schemas: lib/limits.ts hasHiddenCharacters); both are checked below. So the
// payloads that hide one are sent as they read without it: the tag or scheme it split, whole.
const nulFree = corpus.map((p) => p.replaceAll('\u0000', ''));
const sendable = nulFree.map((p) => withoutHiddenCharacters(p, { lines: true }));
const editionDate = isoDateInZone(new Date(Date.now() + 5 * 86_400_000), 'Europe/London');
const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');
const manifest = actionManifest();
const action = (file: string, name: string) => {
  const ref = manifest.get(`app/desk/${file}/actions.ts#${name}`);
  if (!ref) throw new Error(`no ${name} in the build`);
  return ref;
};
const redirected = (text: string, pattern: RegExp) => {
  // A successful action answers with the redirect in its RSC payload or header; the id is in it.
  const match = pattern.exec(text);
  if (!match) throw new Error(`the action did not succeed: ${text.slice(0, 300)}`);
  return Number(match[1]);
};

async function watch(page: Page) {
  const ran: string[] = [];
  page.on('dialog', (d) => {
    ran.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.exposeBinding('__xss', (_source, n: number) => ran.push(`payload ${n}`));
  // Markup that reached the page is refused by the CSP before it can run: a finding all the same.
  await page.exposeBinding('__cspViolation', (_source, v: string) => ran.push(`csp: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  // Payloads that load script from elsewhere (x1.example…) would show up as a request.
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (/^https?:$/.test(url.protocol) && !['127.0.0.1', 'localhost'].includes(url.hostname)) ran.push(`fetched ${r.url()}`);
  });
  return ran;
}

test.describe('hostile text everywhere', () => {
  test.setTimeout(240_000);

  test('200+ XSS payloads through every field render inert on every page, diff and feed', async ({ page, browser }) => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    // Distinct, and not merely by their numbers: no payload is a padded or renumbered copy of another.
    expect(new Set(corpus.map(payloadShape)).size).toBe(corpus.length);
    expect(paddedCopies(corpus)).toEqual([]);
    await signInAs(page, 'editor');
    const editor = page.request;
    const standards = await newSession(browser, 'standards');
    const stamp = Date.now().toString(36);
    // The payloads with a NUL never reach a page: the form is refused with the field named.
    const withNul = corpus.find((p) => p.includes('\u0000')) as string;
    const refused = await callAction(editor, action('articles', 'createArticleAction'), { slug: `xss-nul-${stamp}`, byline: 'X', section: 'Local', headline: withNul.slice(0, 200), standfirst: '', body: withNul });
    expect(refused.status()).toBe(422);
    expect(await refused.text()).toContain('a NUL, U+0000');
    const withOverride = corpus.find((p) => !p.includes('\u0000') && hasHiddenCharacters(p, { lines: true })) as string;
    expect(withOverride).toBeDefined();
    const overridden = await callAction(editor, action('articles', 'createArticleAction'), { slug: `xss-bidi-${stamp}`, byline: 'X', section: 'Local', headline: 'Plain', standfirst: '', body: withOverride });
    expect(overridden.status()).toBe(422);
    expect(await overridden.text()).toContain('This field has a character that cannot be shown');

    // Headline and standfirst: every payload, packed into as many articles as it takes.
    const headlines = pack(sendable, 300);
    const standfirsts = pack(sendable, 600);
    const shortest = sendable.filter((p) => p.length <= 60).sort((a, b) => b.length - a.length)[0];
    const slugs: string[] = [];
    const ids: number[] = [];
    for (let i = 0; i < headlines.length; i++) {
      const slug = `xss-${stamp}-${i}`;
      const body = i === 0 ? sendable.join('\n\n') : 'A plain paragraph.';
      const created = await callAction(editor, action('articles', 'createArticleAction'), {
        slug,
        byline: sendable[i % sendable.length].slice(0, 200),
        // One article files itself under a hostile section name (sections are free text).
        section: i === 1 ? shortest : 'Local',
        headline: headlines[i],
        standfirst: standfirsts[i % standfirsts.length],
        body,
      });
      const id = redirected(`${created.headers()['x-action-redirect'] ?? ''} ${await created.text()}`, /\/desk\/articles\/(\d+)/);
      await callAction(editor, action('articles', 'publishArticleAction'), { articleId: String(id) });
      slugs.push(slug);
      ids.push(id);
    }
    const [mainId] = ids;
    const mainSlug = slugs[0];

    // A second version, so the history and the diff carry the payloads too.
    const v2Body = [...sendable].reverse().join('\n\n');
    await callAction(editor, action('articles', 'saveVersionAction'), {
      articleId: String(mainId),
      baseNumber: '1',
      headline: headlines[1] ?? headlines[0],
      standfirst: standfirsts[0],
      body: v2Body,
      changeKind: 'update',
      note: sendable[3],
    });

    // Corrections: claims on payload paragraphs, wording and replacement words full of payloads.
    const plain = toPlainText(v2Body);
    const wordings = pack(sendable, 2000);
    const correctionIds: number[] = [];
    for (let i = 0; i < wordings.length; i++) {
      const exact = plain.split('\n\n')[i * 7];
      const start = plain.indexOf(exact);
      const drafted = await callAction(editor, action('corrections', 'createCorrectionAction'), {
        articleId: String(mainId),
        versionNumber: '2',
        claims: JSON.stringify([{ start, end: start + exact.length }]),
        kind: 'correction',
        mode: i % 2 ? 'notice' : 'amend',
        wording: wordings[i],
        replacement0: sendable[(i * 13) % sendable.length],
      });
      const id = redirected(`${drafted.headers()['x-action-redirect'] ?? ''} ${await drafted.text()}`, /\/desk\/corrections\/(\d+)/);
      const published = await callAction(standards.page.request, action('corrections', 'publishCorrectionAction'), { correctionId: String(id), revision: '1', ...CLASSIFIED });
      if (!/published=1/.test(`${published.headers()['x-action-redirect'] ?? ''} ${await published.text()}`)) {
        // The article moved on since the draft (an amend made version 3): confirm against the latest.
        const latest = /→ (\d+)\)/.exec(await published.text());
        if (latest) await callAction(standards.page.request, action('corrections', 'publishCorrectionAction'), { correctionId: String(id), revision: '1', confirmedVersion: latest[1], ...CLASSIFIED });
      }
      correctionIds.push(id);
    }

    // Reader reports.
    // (With the direction overrides left in: each refused first, with its field named.)
    for (const [i, message] of pack(nulFree, 3000).entries()) {
      // Each from a loopback address of its own, so the hourly limit per address is not reached.
      const words = nulFree[i];
      const from = `127.0.90.${i + 1}`;
      const hidden = [hasHiddenCharacters(words, { lines: true }) && 'words', hasHiddenCharacters(message, { lines: true }) && 'message'].filter(Boolean) as string[];
      if (hidden.length) {
        // A NUL or a direction override is refused beside its field (lib/limits.ts), nothing stored;
        // the payload without those characters must then render inert like the rest.
        const refused = await reportFrom(from, { slug: mainSlug, version: 1, words, message, email: '' });
        expect(refused.status, refused.text).toBe(422);
        expect(Object.keys((JSON.parse(refused.text) as { errors: Record<string, string[]> }).errors).sort()).toEqual(hidden.sort());
      }
      const strip = (text: string) => withoutHiddenCharacters(text, { lines: true });
      const response = await reportFrom(from, { slug: mainSlug, version: 1, words: strip(words), message: strip(message), email: '' });
      expect(response.status, response.text).toBe(201);
    }

    // Reasons: a withdrawn correction's and a withdrawn article's (both public), a declined report's.
    const reasons = pack([...sendable].reverse(), 1000);
    await callAction(standards.page.request, action('corrections', 'withdrawCorrectionAction'), { correctionId: String(correctionIds[correctionIds.length - 1]), reason: reasons[0] });
    const withdrawnId = ids[ids.length - 1];
    await callAction(standards.page.request, action('articles', 'withdrawArticleAction'), { articleId: String(withdrawnId), reason: reasons[1 % reasons.length] });
    const db = new Database(databasePath, { readonly: true });
    const reportId = (db.prepare("select id from reports where status = 'new' order by id desc limit 1").get() as { id: number }).id;
    db.close();
    const declined = await callAction(editor, action('reports', 'declineReportAction'), { reportId: String(reportId), reason: reasons[2 % reasons.length] });
    expect(declined.status()).toBe(200);
    // An account whose name is a payload, shown on the desk.
    const admin = await newSession(browser, 'admin');
    const added = await callAction(admin.page.request, action('people', 'createUserAction'), {
      email: `xss-${stamp}@example.org`,
      name: pack(sendable, 200)[3],
      role: 'editor',
      password: `quartz-heron-${stamp}-lantern`,
    });
    expect(await added.text()).toContain('Added');

    // A column edition with payloads in its intro and items, dated ahead (a date before today needs
    // confirming as backdated, and would leave out corrections published since).
    const generated = await callAction(standards.page.request, action('column', 'generateEditionAction'), { date: editionDate, ...await everyWaitingPick(standards.page.request, editionDate) });
    const columnId = redirected(`${generated.headers()['x-action-redirect'] ?? ''} ${await generated.text()}`, /\/desk\/column\/(\d+)/);
    await standards.page.goto(`/desk/column/${columnId}`);
    const items = standards.page.getByLabel(/^Item \d+/);
    const count = await items.count();
    for (let i = 0; i < count; i++) await items.nth(i).fill(sendable[(i * 17) % sendable.length]);
    await standards.page.getByLabel('Intro').fill(pack(sendable, 1900)[0]);
    await standards.page.getByRole('button', { name: 'Save edition' }).click();
    await expect(standards.page.getByText('Edition saved.')).toBeVisible();
    await standards.page.getByRole('button', { name: 'Publish edition' }).click();
    await expect(standards.page.getByRole('heading', { name: /\(published\)/ })).toBeVisible();

    // Now every page that shows any of it, as readers and as the desk.
    const reader = await browser.newPage();
    const ran = await watch(reader);
    // The detector itself works: a payload that did run would be caught.
    await reader.goto('/about');
    await reader.evaluate(() => (window as unknown as { __xss: (n: number) => void }).__xss(0));
    expect(ran).toEqual(['payload 0']);
    // …and so would markup that reached the page: the CSP refuses its handler, and that is recorded.
    await reader.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/no-such-image.png" onerror="window.__xss(-1)">'));
    await expect.poll(() => ran.some((r) => r.startsWith('csp: script-src'))).toBe(true);
    expect(ran).not.toContain('payload -1');
    ran.length = 0;
    expect(correctionIds.length).toBeGreaterThan(2);
    const readerUrls = [
      '/',
      '/corrections',
      '/corrections?section=Local',
      '/for-the-record',
      `/for-the-record/${editionDate}`,
      `/articles/${mainSlug}`,
      `/articles/${mainSlug}/versions/1`,
      `/articles/${mainSlug}/versions/2`,
      `/articles/${mainSlug}/history`,
      `/articles/${mainSlug}/compare?from=1&to=2`,
      `/articles/${mainSlug}/compare?from=1&to=2&view=side`,
      `/articles/${mainSlug}/report?v=1&q=${encodeURIComponent(sendable[0])}`,
      ...slugs.slice(1).map((s) => `/articles/${s}`),
    ];
    for (const url of readerUrls) {
      const response = await reader.goto(url);
      expect(response?.status(), url).toBeLessThan(400);
      await reader.mouse.move(10, 10);
      await reader.mouse.move(300, 300);
    }
    const deskRan = await watch(standards.page);
    const deskUrls = ['/desk', `/desk/articles/${mainId}`, `/desk/articles/${mainId}/edit`, '/desk/reports', `/desk/column/${columnId}`, ...correctionIds.map((id) => `/desk/corrections/${id}`)];
    for (const url of deskUrls) {
      const response = await standards.page.goto(url);
      expect(response?.status(), url).toBeLessThan(400);
    }
    const adminRan = await watch(admin.page);
    await admin.page.goto('/desk/audit');
    await admin.page.goto('/desk/people');
    expect([...ran, ...deskRan, ...adminRan]).toEqual([]);

    // The feeds carrying the payloads are still well-formed and parse.
    const parser = new XMLParser({ ignoreAttributes: false });
    for (const base of ['/corrections', '/sections/Local/corrections', `/articles/${mainSlug}/corrections`, '/for-the-record']) {
      for (const file of ['rss.xml', 'atom.xml']) {
        const xml = await (await page.request.get(`${base}/${file}`)).text();
        expect(XMLValidator.validate(xml), `${base}/${file}`).toBe(true);
        expect(() => parser.parse(xml)).not.toThrow();
        expect(xml).not.toMatch(/<script/i);
      }
      const json = await (await page.request.get(`${base}/feed.json`)).json();
      expect(json.items.length, `${base}/feed.json`).toBeGreaterThan(0);
    }
    await Promise.all([standards.context.close(), admin.context.close(), reader.close()]);
  });
});
