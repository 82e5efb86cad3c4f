// Every query a desk or reader page, server action or route handler runs, checked by SQLite's own
// planner: none may SCAN a large table. How the queries are found: the connection's `prepare` is
// wrapped, and every query function that app/, proxy.ts and the route handlers import from
// db/queries is called (with each list's filters and cursors), so each statement SQLite actually
// prepares for them is captured, then EXPLAIN QUERY PLAN is run on it. The data: the scale
// generator's newsroom (bench/scale.ts) at 3,000 articles with ANALYZE statistics.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateScaleDatabase } from '../bench/scale';
import { DEFAULT_SETTINGS } from '../lib/settings';
import type { Db } from './connection';

vi.mock('server-only', () => ({}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-plans-'));
const file = path.join(dir, 'scale.db');
generateScaleDatabase(file, { articles: 3_000, versionsPerArticle: 3, corrections: 3_000, reports: 600 });
process.env.DATABASE_PATH = file;
process.env.ERRATA_SEED = 'none';

const { getDb, initStore } = await import('./index');
const { transaction } = await import('./store');
const q = {
  ...await import('./queries/desk-articles'),
  ...await import('./queries/desk'),
  ...await import('./queries/desk-corrections'),
  ...await import('./queries/reports'),
  ...await import('./queries/users'),
  ...await import('./queries/audit-log'),
  ...await import('./queries/columns'),
  ...await import('./queries/same-error'),
  ...await import('./queries/settings'),
  ...await import('./queries/throttle'),
  ...await import('./queries/article-page'),
  ...await import('./queries/corrections'),
  ...await import('./queries/feeds'),
  ...await import('./queries/public-record'),
  ...await import('./queries/public-status'),
  ...await import('./queries/proxy-lookups'),
  ...await import('./queries/article-writes'),
  ...await import('./queries/correction-writes'),
  ...await import('./queries/article-ref'),
  ...await import('./queries/cases'),
  ...await import('./queries/standards'),
};

/** The tables that grow with the archive: a SCAN of any of them (or of an alias for one) fails. */
const LARGE = /\bSCAN (articles|versions|claims|corrections|reports|audit_events|column_items|cases|case_articles|case_clauses|case_notes|v|v2|a)\b/;

/** Each statement prepared while a page or action ran: what ran it, and the values it was run with. */
const captured = new Map<string, { label: string; params: unknown[] }>();
let current = '';

/** Captures what a connection prepares: the app's reads and, separately, its writes have one each (db/index.ts). */
function capture(sqlite: Db['$client']) {
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    if (!current || /^\s*(begin|commit|rollback|savepoint|release|pragma)/i.test(source) || captured.has(source)) return statement;
    const entry = { label: current, params: [] as unknown[] };
    captured.set(source, entry);
    // The planner's choice can depend on the values (a range that covers everything is best scanned): keep them.
    const proxy: object = new Proxy(statement, {
      get(target, prop) {
        const value = Reflect.get(target, prop) as unknown;
        if (typeof value !== 'function') return value;
        if (['all', 'get', 'run', 'iterate'].includes(String(prop)))
          return (...args: unknown[]) => {
            entry.params = args;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        return (...args: unknown[]) => {
          const out = (value as (...a: unknown[]) => unknown).apply(target, args);
          return out === target ? proxy : out;
        };
      },
    });
    return proxy;
  }) as typeof sqlite.prepare;
}

beforeAll(async () => {
  await initStore();
  const read = getDb().$client;
  // A transaction on the app's handle runs on its write connection: that is where the writes are prepared.
  const write = await transaction(getDb(), async (tx) => (tx as Db).$client);
  capture(read);
  if (write !== read) capture(write);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(label: string, fn: () => unknown) {
  current = label;
  try {
    await fn();
  } finally {
    current = '';
  }
}

/**
 * A SCAN of a large table fails, except an index walk in the statement's own ORDER BY order that
 * a LIMIT stops (no temporary b-tree for the order): that reads a page of rows, not the table.
 */
function badScans(source: string, params: unknown[]): string[] {
  const details = plan(source, params);
  const orderedWalk = /\border by\b[^)]*\blimit\b/i.test(source) && !details.some((d) => d.includes('TEMP B-TREE FOR ORDER BY'));
  return details.filter((d) => LARGE.test(d) && !(orderedWalk && / USING (COVERING )?INDEX /.test(d)));
}

function plan(source: string, params: unknown[]): string[] {
  const rows = getDb().$client.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail);
}

describe('query plans at archive scale', () => {
  it('no page, action or route handler scans a large table', async () => {
    const settings = { ...DEFAULT_SETTINGS, ...await q.getSettings() };
    const standards = 2;
    // The desk's lists, each filter and both cursors.
    await run('desk: articles', () => q.listDeskArticles({}));
    await run('desk: articles page 2', () => q.listDeskArticles({ cursor: { after: 2500 } }));
    await run('desk: articles previous page', () => q.listDeskArticles({ cursor: { before: 100 } }));
    await run('desk: articles oldest first', () => q.listDeskArticles({ sort: 'oldest', cursor: { after: 10 } }));
    await run('desk: search', () => q.listDeskArticles({ q: 'harbour ferry' }));
    await run('desk: search page 2', () => q.listDeskArticles({ q: 'harbour', cursor: { after: 2000 } }));
    await run('desk: search and status', () => q.listDeskArticles({ q: 'story 42', status: 'published' }));
    await run('desk: status', () => q.listDeskArticles({ status: 'draft' }));
    await run('desk: section', () => q.listDeskArticles({ section: 'Politics' }));
    await run('desk: author', () => q.listDeskArticles({ author: 'Reporter 007' }));
    await run('desk: draft corrections', () => q.listDeskArticles({ draftCorrections: true }));
    await run('desk: open reports', () => q.listDeskArticles({ openReports: true }));
    await run('desk: changed since', () => q.listDeskArticles({ changedSince: new Date('2026-11-01') }));
    await run('desk: facets', () => q.listDeskFacets());
    await run('desk: reports', () => q.listReports({}));
    await run('desk: reports filtered', () => q.listReports({ status: 'new', article: 'story-12', age: 'week', cursor: { after: 150 } }));
    await run('desk: reports older', () => q.listReports({ age: 'older', cursor: { before: 10 } }));
    await run('desk: new reports count', () => q.countNewReports());
    await run('desk: corrections', () => q.listDeskCorrections({}));
    await run('desk: corrections filtered', () => q.listDeskCorrections({ status: 'draft', kind: 'correction', section: 'Local', author: 1, cursor: { after: 250 } }));
    await run('desk: correction authors', () => q.listCorrectionAuthors());
    await run('desk: people', () => q.listPeople({ role: 'editor', state: 'active' }));
    await run('desk: audit', () => q.listAuditEvents({}));
    await run('desk: audit filtered', () => q.listAuditEvents({ action: 'version.', actor: 'editor@bench.example', entityType: 'version', from: new Date('2026-01-01'), to: new Date('2026-12-01'), cursor: { after: 5000 } }));
    await run('desk: sign-in failures', () => q.listRecentCounts({ bucket: 'sign-in:account', windowMs: 900_000 }));
    await run('desk: column', async () => [await q.listEditions(), await q.countUnprinted()]);
    // The casebook: its list with each filter, a case, the desk home's panel and the menu's badge.
    const now = new Date('2026-11-20T12:00:00Z');
    const config = await q.getStandardsConfig();
    await run('desk: cases', async () => [
      await q.listCases({}, now, config),
      await q.listCases({ status: 'open', clock: 'overdue', ownerId: 3, route: 'direct', cursor: { after: 50 } }, now, config),
      await q.listCases({ clock: 'due_soon', cursor: { before: 10 } }, now, config),
    ]);
    await run('desk: case', async () => [await q.getCaseDetail(1), await q.caseOwners()]);
    await run('desk: cases needing attention', async () => [
      await q.casesNeedingAttention({ ownerId: 3, now, config }),
      await q.casesNeedingAttention({ ownerId: null, now, config }),
      await q.countOverdueCases({ ownerId: null, now }),
      await q.countOverdueCases({ ownerId: 3, now }),
    ]);
    await run('desk: standards alerts', () => q.standardsAlerts(now, config));
    // What a write's cache invalidation looks up (app/(cache)/invalidate.ts).
    await run('invalidate: an article and the editions that show it', async () => [await q.getArticleRef({ articleId: 42 }), await q.editionsShowingArticle({ articleId: 42 }), await q.nextPublishedEdition({ date: '2026-06-01' }), await q.versionCountBySlug({ slug: 'story-42' })]);
    await run('desk: article', async () => [await q.getDeskArticle({ id: 42 }), await q.listDeskCorrectionsForArticle({ articleId: 42 })]);
    await run('desk: correction', async () => [await q.getDeskCorrection({ id: 7 }), await q.findSameErrorElsewhere({ correctionId: 7 })]);
    // Readers' pages, feeds and the proxy's lookups.
    await run('reader: front page', async () => [await q.listLatestArticles(), await q.listLatestCorrections()]);
    await run('reader: article', async () => [await q.getArticlePage({ slug: 'story-42' }), await q.getArticlePage({ slug: 'story-42', number: 2 }), await q.getArticleRecord({ slug: 'story-42' })]);
    await run('reader: corrections', async () => [await q.searchCorrections({ kind: 'correction', section: 'Politics', page: 2 }), await q.searchCorrections({ from: new Date('2026-06-01'), to: new Date('2026-07-01') }), await q.listSections()]);
    await run('reader: feeds', async () => [await q.correctionFeed({ kind: 'all' }, settings), await q.correctionFeed({ kind: 'section', section: 'Local' }, settings), await q.correctionFeed({ kind: 'article', slug: 'story-42' }, settings), await q.editionFeed(settings)]);
    await run('reader: column', async () => [await q.listPublicEditions(), await q.getPublicEdition({ date: '2026-11-20' })]);
    await run('reader: status', () => q.getPublicStatusRecord({ articleId: 42 }));
    await run('proxy', async () => [await q.withheldSince({ slug: 'story-42', number: 1 }), await q.publicVersionRange({ slug: 'story-42' }), await q.correctionsPageExists({ kind: 'correction', section: 'Local', page: 2 })]);
    // The actions' writes.
    await run('action: report', async () => {
      const report = await q.createReport({ articleId: 42, versionId: (await q.getDeskArticle({ id: 42 }))!.versions[0].id, start: 0, end: 5, exact: (await q.getDeskArticle({ id: 42 }))!.versions[0].body.slice(0, 5), message: 'Wrong.', email: null, ip: '127.0.0.1' });
      await q.declineReport({ id: report.id, reason: 'It is right.', actorId: standards });
    });
    await run('action: article', async () => {
      const article = await q.createArticle({ slug: 'plan-test', section: 'Local', byline: 'Reporter 001', headline: 'A plan', standfirst: 'S', body: 'The ferry runs on Monday.', actorId: 1 });
      await q.publishArticle({ articleId: article.id, actorId: 1 });
      await q.saveVersion({ articleId: article.id, baseNumber: 1, headline: 'A plan', standfirst: 'S', body: 'The ferry runs on Tuesday.', changeKind: 'update', note: 'Day', actorId: 1 });
      const draft = await q.createDraft({ articleId: article.id, versionNumber: 2, kind: 'correction', mode: 'notice', wording: 'It runs on Tuesday.', claims: [{ start: 18, end: 25 }], actorId: standards });
      await q.publishCorrection({ correctionId: draft.id, actorId: standards, revision: draft.revision, taxonomy: { errorType: 'fact', errorCause: 'reporting', foundBy: 'staff' } });
    });
    await run('action: column', () => q.generateEdition({ date: '2026-11-21', settings, actorId: standards }));
    // The standards desk and the casebook's writes (issue 16).
    await run('desk: more cases', async () => [await q.listCases({ status: 'open', route: 'ipso', ownerId: 2, cursor: { after: 50 } }, now, config), await q.listCases({ clock: 'overdue' }, now, config), await q.getCaseDetail(42)]);
    await run('desk: standards', async () => [
      await q.loadStatement({ from: '2026-01-01', to: '2026-11-20' }, 'Europe/London', config),
      await q.loadStatement({ from: '2026-08-01', to: '2026-11-20', section: 'Politics' }, 'Europe/London', config),
      await q.openCaseCounts(now),
      await q.openCaseCounts(now, 'Local'),
      await q.standardsAlerts(now, config),
      await q.correctionSections(),
    ]);
    await run('action: case', async () => {
      const logged = await q.logCase({ channel: 'email', route: 'ipso', complainantName: 'A reader', complainantContact: 'a@example.org', summary: 'Wrong figure.', articles: [{ slug: 'story-42', quote: null }], clauses: ['1'], receivedAt: now, ownerId: standards, actorId: standards, now });
      await q.assignCase({ caseId: logged.id, route: 'direct', clauses: ['1', '2'], ownerId: 1, actorId: standards, now });
      await q.acknowledgeCase({ caseId: logged.id, actorId: standards, now });
      await q.addCaseNote({ caseId: logged.id, body: 'Called back.', actorId: standards, now });
      await q.closeCase({ caseId: logged.id, outcome: 'not_upheld', correctionId: null, note: 'Right.', actorId: standards, now });
    });

    expect(captured.size).toBeGreaterThan(40);
    const scans = [...captured].flatMap(([source, { label, params }]) => badScans(source, params).map((d) => `${label}: ${d}\n    ${source}`));
    expect(scans).toEqual([]);
  });
});
