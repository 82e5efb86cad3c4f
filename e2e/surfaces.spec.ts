// Surfaces × states: for articles driven through every combination of publication, correction,
// legal withholding and column edition (built with the desk's own server actions), no text that
// readers may not read (a draft's, a never-published article's, a withheld version's, and the
// claims and content hashes on those) appears on any public surface. The surfaces come from
// e2e/support/surfaces.ts, which must name every page and route the app serves outside the desk.
import path from 'node:path';
import { expect, type APIRequestContext, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { chainHash, contentHash } from '../lib/history/hash';
import { type PublicChainEntry, verifyPublicChain } from '../lib/history/public-chain';
import { toPlainText } from '../lib/markdown';
import { actionManifest, callAction } from './support/actions';
import { bearer, tokenFromCli } from './support/api-tokens';
import { CLASSIFIED, everyWaitingPick, signInAs } from './support/desk';
import { type ArticleTarget, scanPublicRoutes, SURFACES, type SurfaceTargets } from './support/surfaces';

const SECTION = 'Surfaceland';
const run = Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 5).padEnd(5, 'q');

// ---- The states: a lifecycle around a plot of correction, withholding and column events. ----

type Step = 'edit' | 'publish' | 'correct' | 'withhold' | 'generate' | 'publishColumn' | 'withdraw' | 'unwithdraw';

/** How an article lives around the plot. Adding a state is one entry. */
const LIFECYCLES: Record<string, { before: Step[]; after: Step[] }> = {
  'never published': { before: [], after: [] },
  'draft edited, then published': { before: ['edit', 'publish'], after: [] },
  published: { before: ['publish'], after: [] },
  withdrawn: { before: ['publish'], after: ['withdraw'] },
  'un-withdrawn': { before: ['publish'], after: ['withdraw', 'unwithdraw'] },
};

/** Every order of the plot's events that makes sense: a column prints a correction, and is generated before it is published. */
function plots(): Step[][] {
  const out: Step[][] = [];
  for (const withhold of [false, true]) {
    for (const column of [false, true]) {
      const events: Step[] = ['correct', ...(column ? (['generate', 'publishColumn'] as Step[]) : [])];
      const slots = withhold ? events.length + 1 : 1;
      for (let at = 0; at < slots; at++) out.push(withhold ? [...events.slice(0, at), 'withhold', ...events.slice(at)] : events);
    }
  }
  return out;
}

interface State {
  name: string;
  steps: Step[];
}

function states(): State[] {
  const all = Object.entries(LIFECYCLES).flatMap(([life, { before, after }]) =>
    plots().map((plot) => ({ name: `${life}: ${plot.join(' → ')}`, steps: [...before, ...plot, ...after] })),
  );
  // States that print a column first, so a later state's edition cannot sweep up an earlier state's correction.
  return all.sort((a, b) => Number(b.steps.includes('generate')) - Number(a.steps.includes('generate')));
}

// ---- Building a state through the desk's actions, tracking what readers may read. ----

interface Version {
  number: number;
  headline: string;
  standfirst: string;
  body: string;
  claim: string;
  /** The unique words in its headline, standfirst, body and claim. */
  marks: string[];
  withheld: boolean;
}

interface Built {
  state: State;
  slug: string;
  /** The CMS's id it is given, as an article from the API has one: the embeds are addressed by it. */
  externalId: string;
  versions: Version[];
  firstPublic: number | null;
  /** Claims by the version number they sit on. */
  claims: number[];
  columnDates: string[];
}

const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');
const manifest = actionManifest();
function action(file: string, name: string) {
  const ref = manifest.get(`app/desk/${file}/actions.ts#${name}`);
  if (!ref) throw new Error(`no ${name} in the build`);
  return ref;
}

async function act(request: APIRequestContext, file: string, name: string, fields: Record<string, string>): Promise<string> {
  const response = await callAction(request, action(file, name), fields);
  const target = response.headers()['x-action-redirect']?.split(';')[0];
  if (!target) throw new Error(`${name} did not succeed (${response.status()}): ${(await response.text()).slice(0, 400)}`);
  return target;
}

function versionText(tag: string, number: number): Omit<Version, 'withheld'> {
  const m = (field: string) => `zq${tag}v${number}${field}`;
  return {
    number,
    headline: `Harbour story ${m('head')}`,
    standfirst: `Standfirst ${m('stand')}`,
    body: `The council said ${m('claim')} at the meeting.\n\nIt also heard ${m('body')} later.`,
    claim: m('claim'),
    marks: [m('head'), m('stand'), m('claim'), m('body')],
  };
}

/** Withheld words the desk's draft edition offered as printable; reported with the surfaces' problems. */
const deskProblems: string[] = [];

let columnDay = 0;
function nextColumnDate(): string {
  return new Date(Date.UTC(2090, 0, 1) + columnDay++ * 86_400_000).toISOString().slice(0, 10);
}

async function build(request: APIRequestContext, state: State, index: number): Promise<Built> {
  const tag = `${run}s${index}`;
  const slug = `surface-${run}-${index}`;
  const v1 = versionText(tag, 1);
  const articleId = /\/desk\/articles\/(\d+)/.exec(await act(request, 'articles', 'createArticleAction', { slug, section: SECTION, byline: 'Surface Test', headline: v1.headline, standfirst: v1.standfirst, body: v1.body }))?.[1];
  if (!articleId) throw new Error('no article id');
  const externalId = `cms-${slug}`;
  setExternalId(Number(articleId), externalId);
  const built: Built = { state, slug, externalId, versions: [{ ...v1, withheld: false }], firstPublic: null, claims: [], columnDates: [] };
  const latest = () => built.versions[built.versions.length - 1];
  let columnId = '';

  const save = async (changeKind: string, extra: Record<string, string> = {}) => {
    const next = versionText(tag, latest().number + 1);
    await act(request, 'articles', 'saveVersionAction', { articleId, baseNumber: String(latest().number), changeKind, note: `${changeKind} step`, headline: next.headline, standfirst: next.standfirst, body: next.body, ...extra });
    built.versions.push({ ...next, withheld: false });
  };

  const steps: Record<Step, () => Promise<void>> = {
    edit: () => save('update'),
    publish: async () => {
      await act(request, 'articles', 'publishArticleAction', { articleId });
      built.firstPublic ??= latest().number;
    },
    correct: async () => {
      const v = latest();
      const text = toPlainText(v.body);
      const start = text.indexOf(v.claim);
      const correction = await act(request, 'corrections', 'createCorrectionAction', {
        articleId,
        versionNumber: String(v.number),
        claims: JSON.stringify([{ start, end: start + v.claim.length }]),
        kind: 'correction',
        mode: 'notice',
        wording: 'The figure given was wrong; it has been checked since.',
      });
      const correctionId = /\/desk\/corrections\/(\d+)/.exec(correction)?.[1] ?? '';
      // Published at the revision the standards editor read (the draft as just saved).
      await act(request, 'corrections', 'publishCorrectionAction', { correctionId, revision: String(draftRevision(correctionId)), ...CLASSIFIED });
      built.claims.push(v.number);
    },
    withhold: async () => {
      const held = latest();
      await save('legal', { withhold: String(held.number), legalReason: 'Solicitors’ letter (surface test)' });
      held.withheld = true;
    },
    generate: async () => {
      const date = nextColumnDate();
      const picks = await everyWaitingPick(request, date);
      // Nothing waiting to be printed (none published yet, or held by another draft): an edition
      // needs at least one chosen correction, so there is none in this state.
      if (!Object.keys(picks).some((k) => k.startsWith('pick-'))) {
        columnId = '';
        return;
      }
      columnId = /\/desk\/column\/(\d+)/.exec(await act(request, 'column', 'generateEditionAction', { date, ahead: 'on', ...picks }))?.[1] ?? '';
      built.columnDates.push(date);
    },
    publishColumn: async () => {
      if (columnId === '') return;
      const desk = await (await request.get(`/desk/column/${columnId}`)).text();
      const revision = /name="revision" value="([0-9a-f]+)"/.exec(desk)?.[1] ?? '';
      // The desk's draft never offers withheld words as printable text.
      const withheldMarks = built.versions.filter((v) => v.withheld).flatMap((v) => v.marks);
      for (const [, editable] of desk.matchAll(/<textarea[^>]*>([^<]*)<\/textarea>/g)) {
        for (const m of withheldMarks) if (editable.includes(m)) deskProblems.push(`${state.name}: the draft edition offers ${m} for print`);
      }
      // An edition with nothing to print (its only correction may not be printed) is thrown away.
      if (!/name="itemId"/.test(desk)) {
        await act(request, 'column', 'discardEditionAction', { columnId, confirm: 'yes' });
        built.columnDates.pop();
        return;
      }
      await act(request, 'column', 'publishEditionAction', { columnId, revision });
    },
    withdraw: () => act(request, 'articles', 'withdrawArticleAction', { articleId, reason: 'Withdrawn (surface test)' }).then(() => undefined),
    unwithdraw: () => act(request, 'articles', 'unwithdrawArticleAction', { articleId, reason: 'Restored (surface test)' }).then(() => undefined),
  };
  for (const step of state.steps) await steps[step]();
  return built;
}

function readable(b: Built, v: Version): boolean {
  return b.firstPublic !== null && v.number >= b.firstPublic && !v.withheld;
}

/**
 * Gives the article the CMS's id an API client would have given it (the desk's forms set none), so
 * the embeds, addressed by that id, are checked in every state. Set once, as the database allows.
 */
function setExternalId(articleId: number, externalId: string): void {
  const db = new Database(databasePath);
  try {
    db.prepare('update articles set external_id = ? where id = ? and external_id is null').run(externalId, articleId);
  } finally {
    db.close();
  }
}

/** A draft correction's revision as stored: what its publisher reads. */
function draftRevision(correctionId: string): number {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (db.prepare('select revision from corrections where id = ?').get(Number(correctionId)) as { revision: number }).revision;
  } finally {
    db.close();
  }
}

/** A version's kind and note as stored (what an attacker might know or guess of a withheld version). */
function storedMeta(slug: string, number: number): { changeKind: string; note: string } | undefined {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare('select v.change_kind as changeKind, v.note from versions v join articles a on a.id = v.article_id where a.slug = ? and v.number = ?').get(slug, number) as { changeKind: string; note: string } | undefined;
  } finally {
    db.close();
  }
}

/**
 * What must appear nowhere: every field of every version readers may not read, its claim, and its
 * content hash and salt as stored (unsalted too, in case a surface hashed the text itself).
 */
function markers(b: Built): string[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    const stored = db.prepare('select v.number, v.content_hash as contentHash, v.salt from versions v join articles a on a.id = v.article_id where a.slug = ?').all(b.slug) as { number: number; contentHash: string; salt: string | null }[];
    const byNumber = new Map(stored.map((r) => [r.number, r]));
    return b.versions
      .filter((v) => !readable(b, v))
      .flatMap((v) => {
        const row = byNumber.get(v.number);
        return [...v.marks, contentHash(v), ...(row ? [row.contentHash, ...(row.salt ? [row.salt] : [])] : [])];
      });
  } finally {
    db.close();
  }
}

/** What no one outside the desk may read even with a token: the text, hashes and salts of withheld versions. */
function withheldMarkers(b: Built): string[] {
  const withheld = new Set(b.versions.filter((v) => v.withheld).map((v) => v.number));
  if (withheld.size === 0) return [];
  const all = markers(b);
  const readableOnes = new Set(b.versions.filter((v) => !v.withheld && !readable(b, v)).flatMap((v) => v.marks));
  return all.filter((m) => !readableOnes.has(m));
}

/** The published and withdrawn corrections of an article (the API's correction routes). */
function publicCorrections(slug: string): number[] {
  const db = new Database(databasePath, { readonly: true });
  try {
    return (db.prepare("select c.id from corrections c join articles a on a.id = c.article_id where a.slug = ? and c.status != 'draft'").all(slug) as { id: number }[]).map((r) => r.id);
  } finally {
    db.close();
  }
}

function leaks(body: string, secret: string[]): string[] {
  const text = body.toLowerCase();
  const stripped = text.replace(/<[^>]*>/g, '');
  return secret.filter((m) => text.includes(m.toLowerCase()) || stripped.includes(m.toLowerCase()));
}

test.describe('surfaces × states', () => {
  test('the registry names every page and route handler outside the desk, and nothing else', () => {
    const scanned = scanPublicRoutes();
    const registered = new Set(SURFACES.map((s) => s.file));
    for (const file of scanned) expect(registered, `app/${file} serves readers but is not in e2e/support/surfaces.ts`).toContain(file);
    for (const file of registered) expect(scanned, `e2e/support/surfaces.ts names app/${file}, which does not exist`).toContain(file);
  });

  test('no draft, never-published or withheld text reaches any surface, in any state', async ({ page }) => {
    test.setTimeout(240_000);
    await signInAs(page, 'standards');
    const all = states();
    const builtStates: Built[] = [];
    for (const [i, state] of all.entries()) builtStates.push(await build(page.request, state, i));
    await page.context().clearCookies();

    const listing = await (await page.request.get('/for-the-record')).text();
    const targets: SurfaceTargets = {
      articles: builtStates.map((b) => ({ slug: b.slug, versions: b.versions.map((v) => v.number), externalId: b.externalId })),
      sections: [SECTION],
      columnDates: [...new Set([...builtStates.flatMap((b) => b.columnDates), ...[...listing.matchAll(/\/for-the-record\/(\d{4}-\d{2}-\d{2})/g)].map((m) => m[1])])],
    };
    const everySecret = builtStates.flatMap(markers);
    const everyWithheld = builtStates.flatMap(withheldMarkers);
    // A read token, as a CMS holds: the API's answers with it may carry drafts (it is a desk
    // credential) but never a withheld version's text.
    const token = tokenFromCli(`surfaces-${run}`, ['read']);
    let apiAnswered = 0;
    const checkApi = async (url: string, secret: string[]) => {
      const response = await page.request.get(url, { maxRedirects: 0, headers: bearer(token) });
      requests += 1;
      if (response.status() === 200) apiAnswered += 1;
      const body = await response.text();
      if (response.status() >= 500) problems.push(`${url} (with a token): ${response.status()}`);
      for (const m of leaks(body, secret)) problems.push(`${url} (with a token) shows ${m}`);
    };
    let requests = 0;
    const problems: string[] = [];
    const check = async (url: string, secret: string[]) => {
      const response = await page.request.get(url, { maxRedirects: 0 });
      requests += 1;
      const body = await response.text();
      if (response.status() >= 500) problems.push(`${url}: ${response.status()}`);
      for (const m of leaks(body, secret)) problems.push(`${url} shows ${m}`);
      return { status: response.status(), body };
    };
    const inBatches = async (urls: string[], secret: string[], via: (url: string, secret: string[]) => Promise<unknown> = check) => {
      for (let i = 0; i < urls.length; i += 6) await Promise.all(urls.slice(i, i + 6).map((u) => via(u, secret)));
    };

    for (const b of builtStates) {
      const target: ArticleTarget = { slug: b.slug, versions: b.versions.map((v) => v.number), externalId: b.externalId, corrections: publicCorrections(b.slug) };
      const secret = markers(b);
      await inBatches(SURFACES.filter((s) => s.scope === 'article').flatMap((s) => s.urls(targets, target)), secret);
      await inBatches(SURFACES.filter((s) => s.scope === 'article' && s.api).flatMap((s) => s.urls(targets, target)), withheldMarkers(b), checkApi);
      const current = [...b.versions].reverse().find((v) => readable(b, v));
      const articlePage = await check(`/articles/${b.slug}`, secret);
      if (current) {
        // The check sees the article at all: readers get its current text.
        expect(articlePage.body, `${b.state.name}: the article page`).toContain(current.headline);
        const history = (await (await page.request.get(`/articles/${b.slug}/history.json`)).json()) as { versions: PublicChainEntry[] };
        const texts = new Map(b.versions.filter((v) => readable(b, v)).map((v) => [v.number, v]));
        for (const problem of verifyPublicChain(history.versions, texts)) problems.push(`${b.state.name}: history.json version ${problem.number}: ${problem.problem}`);
        // An attacker who holds the withheld text exactly, and knows its kind and note, still cannot
        // confirm it from the published chain hash: the content hash is behind a salt never published.
        for (const entry of history.versions.filter((e) => e.withheld)) {
          const v = b.versions.find((x) => x.number === entry.number);
          const meta = storedMeta(b.slug, entry.number);
          if (v && meta && chainHash(entry.prevHash, { number: entry.number, changeKind: meta.changeKind, note: meta.note, savedAt: new Date(entry.savedAt) }, contentHash(v)) === entry.hash) {
            problems.push(`${b.state.name}: history.json version ${entry.number}: its withheld text can be confirmed by hashing`);
          }
        }
      } else {
        expect(articlePage.status, `${b.state.name}: never published`).toBe(404);
      }
    }
    await inBatches(SURFACES.filter((s) => s.scope === 'site').flatMap((s) => s.urls(targets)), everySecret);
    await inBatches(SURFACES.filter((s) => s.scope === 'site' && s.api).flatMap((s) => s.urls(targets)), everyWithheld, checkApi);

    // The token was let in: the API's answers were read, not only its refusals.
    expect(apiAnswered).toBeGreaterThan(builtStates.length);
    const combinations = `${all.length} states × ${SURFACES.length} surfaces: ${requests} requests (${apiAnswered} API answers read with a token), ${everySecret.length} markers`;
    console.log(`surfaces × states: ${combinations}`);
    test.info().annotations.push({ type: 'combinations', description: combinations });
    expect([...deskProblems, ...problems]).toEqual([]);
  });
});
