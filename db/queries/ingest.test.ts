// The CMS's way in: ingestion (create, append, unchanged, the stealth-edit flag, the legal-version
// guard, scopes through the role table) and the ANS importer on its fixtures — the articles,
// versions and corrections it must produce, and nothing more when imported again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('server-only', () => ({}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-ingest-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.ERRATA_SEED = 'none';
process.env.ERRATA_ADMIN_EMAIL = 'admin@example.org';
process.env.ERRATA_ADMIN_PASSWORD = 'a long enough admin password 2026';

const { getDb, initStore } = await import('../index');
const schema = await import('../tables');
const { ingestRevision } = await import('./ingest');
const { importAns } = await import('./import');
const { createToken } = await import('./api-tokens');
const { saveVersion } = await import('./article-writes');
const { SCOPE_PERMISSIONS } = await import('../../lib/api/tokens');
const { can } = await import('../../lib/roles');
const { convertBody } = await import('../../lib/ingest/convert');
const { eq, asc } = await import('drizzle-orm');

await initStore();
const db = getDb();
const standards = (await db.insert(schema.users).values({ email: 's@example.org', name: 'S', role: 'standards', passwordHash: 'x' }).returning())[0];
const { token } = await createToken({ name: 'cms', scopes: ['ingest', 'read'], actorId: null });
const actor = (await db.select().from(schema.users).where(eq(schema.users.id, token.actorId)).limit(1))[0]!;
const caller = { actorId: actor.id, allows: (p: Parameters<typeof can>[1]) => SCOPE_PERMISSIONS.ingest.includes(p) && can(actor.role, p) };
const admin = (await db.select().from(schema.users).where(eq(schema.users.role, 'admin')).limit(1))[0]!;
// `npm run import` acts as an admin, with the admin's role.
const shell = { actorId: admin.id, allows: (p: Parameters<typeof can>[1]) => can('admin', p) };

const html = (seats: string) => `<p>The Harbour Party lost <strong>${seats}</strong> council seats.</p><h2>Reaction</h2><p>Its leader said: “We will listen.”</p>`;
const revision = (externalId: string, seats: string, extra: Partial<Parameters<typeof ingestRevision>[1]> = {}) => ({
  externalId,
  headline: 'Harbour Party loses seats',
  standfirst: 'A bad night',
  byline: 'Morwenna Tallack',
  section: 'Politics',
  body: convertBody(html(seats), 'html').markdown,
  status: 'published' as const,
  changeKind: 'minor_edit' as const,
  note: '',
  ...extra,
});

async function versionsOf(articleId: number) {
  return await db.select().from(schema.versions).where(eq(schema.versions.articleId, articleId)).orderBy(asc(schema.versions.number));
}

describe('ingesting a CMS revision', () => {
  it('creates and publishes the article, then appends only when the text changed, flagging changed facts', async () => {
    const first = await ingestRevision(caller, revision('cms-1', '412'));
    expect(first.outcome).toBe('created');
    expect(first.article.status).toBe('published');
    expect(first.article.externalId).toBe('cms-1');
    // The slug comes from the CMS's id: a headline may later be withheld, a slug never changes.
    expect(first.article.slug).toBe('cms-1');
    expect(first.version.body).toBe('The Harbour Party lost **412** council seats.\n\n## Reaction\n\nIts leader said: “We will listen.”');

    expect((await ingestRevision(caller, revision('cms-1', '412'))).outcome).toBe('unchanged');
    expect(await versionsOf(first.article.id)).toHaveLength(1);

    const second = await ingestRevision(caller, revision('cms-1', '468'));
    expect(second.outcome).toBe('appended');
    expect(second.version.number).toBe(2);
    expect(second.flagged?.map((c) => c.kind)).toEqual(['number']);
    const flag = (await db.select().from(schema.versionFlags).where(eq(schema.versionFlags.versionId, second.version.id)).limit(1))[0];
    expect(flag?.resolvedAt).toBeNull();

    // A change of wording that keeps the facts is not flagged.
    const third = await ingestRevision(caller, revision('cms-1', '468', { standfirst: 'A very bad night' }));
    expect(third.outcome).toBe('appended');
    expect(third.flagged).toBeNull();
    // Every write is the token account's, in the audit trail.
    const audited = (await db.select().from(schema.auditEvents).where(eq(schema.auditEvents.actorId, actor.id))).map((e) => e.action);
    expect(audited).toEqual(expect.arrayContaining(['article.create', 'article.publish', 'version.save', 'version.flag']));
  });

  it('gives an article whose id makes a taken slug its own', async () => {
    const other = await ingestRevision(caller, revision('CMS:1', '10'));
    expect(other.article.slug).toBe('cms-1-2');
  });

  it('refuses a revision after a legal version until the CMS acknowledges it', async () => {
    const { article } = await ingestRevision(caller, revision('cms-3', '5'));
    const v1 = (await versionsOf(article.id))[0];
    const legal = await saveVersion({ articleId: article.id, baseNumber: 1, headline: v1.headline, standfirst: v1.standfirst, body: 'The Harbour Party lost council seats.', changeKind: 'legal', note: '', actorId: standards.id, withhold: { numbers: [1], reason: 'Court order' } });
    expect(legal.ok).toBe(true);
    await expect(async () => ingestRevision(caller, revision('cms-3', '5'))).rejects.toThrow(/legal version/);
    expect(await versionsOf(article.id)).toHaveLength(2);
    // The CMS's copy without the words the legal version took out.
    const cleaned = (n: string) => ({ body: `The Harbour Party lost ${n} council seats.` });
    const acknowledged = await ingestRevision(caller, revision('cms-3', '6', { acknowledgeLegalVersion: 2, ...cleaned('6') }));
    expect(acknowledged.version.number).toBe(3);
    // Once the CMS has sent a version after it, the next needs no acknowledgement.
    expect((await ingestRevision(caller, revision('cms-3', '7', cleaned('7')))).version.number).toBe(4);
  });

  it('never takes back the words a legal version withheld, acknowledged or not', async () => {
    const secret = '<p>The Harbour Party lost 5 council seats.</p><p>Alderman Voss took the harbour fees in secret.</p>';
    const { article } = await ingestRevision(caller, { ...revision('cms-5', '5'), body: convertBody(secret, 'html').markdown });
    await saveVersion({ articleId: article.id, baseNumber: 1, headline: 'Harbour Party loses seats', standfirst: 'A bad night', body: 'The Harbour Party lost 5 council seats.', changeKind: 'legal', note: '', actorId: standards.id, withhold: { numbers: [1], reason: 'Court order' } });
    const again = { ...revision('cms-5', '5'), body: convertBody(secret, 'html').markdown, acknowledgeLegalVersion: 2 };
    await expect(async () => ingestRevision(caller, again)).rejects.toThrow(/withheld from readers/);
    await expect(async () => ingestRevision(caller, { ...again, body: convertBody(secret.replace('5 council', '6 council'), 'html').markdown })).rejects.toThrow(/withheld from readers/);
    // Nor with its full stop dropped, its case changed, invisible characters inside a word, or in the note.
    for (const variant of ['Alderman Voss took the harbour fees in secret', 'ALDERMAN VOSS took the harbour fees in secret!', 'Alderman Vo\u00ADss took the harbour fe\u200Des in secret.']) {
      await expect(async () => ingestRevision(caller, { ...again, body: `The Harbour Party lost 6 council seats.\n\n${variant}` }), variant).rejects.toThrow(/withheld from readers/);
    }
    await expect(async () => ingestRevision(caller, { ...again, body: 'The Harbour Party lost 6 council seats.', note: 'Alderman Voss took the harbour fees in secret.' })).rejects.toThrow(/withheld from readers/);
    // A short withheld headline, sent back as the headline.
    const { article: short } = await ingestRevision(caller, { ...revision('cms-6', '5'), headline: 'Voss took fees' });
    await saveVersion({ articleId: short.id, baseNumber: 1, headline: 'Harbour fees questioned', standfirst: 'A bad night', body: convertBody(html('5'), 'html').markdown, changeKind: 'legal', note: '', actorId: standards.id, withhold: { numbers: [1], reason: 'Court order' } });
    await expect(async () => ingestRevision(caller, { ...revision('cms-6', '6'), headline: 'Voss Took Fees!', acknowledgeLegalVersion: 2 })).rejects.toThrow(/withheld from readers/);
    expect(await versionsOf(article.id)).toHaveLength(2);
    // Without the withheld sentence it is taken.
    expect((await ingestRevision(caller, { ...again, body: convertBody('<p>The Harbour Party lost 6 council seats.</p>', 'html').markdown })).version.number).toBe(3);
  });

  it('is refused without the permission its scope and role would grant', async () => {
    const readOnly = { actorId: actor.id, allows: () => false };
    await expect(async () => ingestRevision(readOnly, revision('cms-4', '1'))).rejects.toThrow(/may not/);
    expect((await db.select().from(schema.articles).where(eq(schema.articles.externalId, 'cms-4')).limit(1))[0]).toBeUndefined();
  });
});

describe('importing ANS', () => {
  const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../lib/ingest/fixtures', name), 'utf8'));

  it('makes the fixture’s articles, versions (oldest first, with their dates) and corrections', async () => {
    const report = await importAns(shell, fixture('ans-stories.json'));
    expect(report.errors).toEqual([]);
    expect(report.stories).toEqual([
      { externalId: 'QH2V5ZK3JBF7DNGM4XRT6WYLCE', outcome: 'created', versions: 2, corrections: 1 },
      { externalId: 'P7MN3K2XWQ5RDT4BJ6HVFZLGYA', outcome: 'created', versions: 1, corrections: 1 },
    ]);
    const a = (await db.select().from(schema.articles).where(eq(schema.articles.externalId, 'QH2V5ZK3JBF7DNGM4XRT6WYLCE')).limit(1))[0]!;
    expect([a.section, a.byline, a.status]).toEqual(['Politics', 'Morwenna Tallack and Idris Penhallow', 'published']);
    expect(a.firstPublishedAt?.toISOString()).toBe('2026-05-08T06:30:00.000Z');
    const versions = await versionsOf(a.id);
    expect(versions.map((v) => [v.number, v.changeKind, v.savedAt.toISOString()])).toEqual([
      [1, 'first_publication', '2026-05-08T06:30:00.000Z'],
      [2, 'correction', '2026-05-09T14:05:00.000Z'],
    ]);
    expect(versions[0].body).toContain('412 council seats and six councils');
    expect(versions[1].body).toContain('468 council seats and eight councils');
    expect(versions.map((v) => v.body).join('\n')).not.toMatch(/<|youtube/);
    const fixes = await db.select().from(schema.corrections).where(eq(schema.corrections.articleId, a.id));
    expect(fixes.map((c) => [c.kind, c.status, c.publishedAt?.toISOString(), c.baseVersionId === versions[1].id, c.publishedSection])).toEqual([['correction', 'published', '2026-05-09T14:05:00.000Z', true, 'Politics']]);
    expect(fixes[0].wording).toBe('An earlier version of this article said the Harbour Party lost 412 council seats and six councils. It lost 468 seats and eight councils.');
    // The revision that came with the printed correction is flagged, and the correction resolves it.
    const flag = (await db.select().from(schema.versionFlags).where(eq(schema.versionFlags.versionId, versions[1].id)).limit(1))[0];
    expect(flag?.correctionId).toBe(fixes[0].id);
    const b = (await db.select().from(schema.articles).where(eq(schema.articles.externalId, 'P7MN3K2XWQ5RDT4BJ6HVFZLGYA')).limit(1))[0]!;
    expect((await db.select().from(schema.corrections).where(eq(schema.corrections.articleId, b.id))).map((c) => c.kind)).toEqual(['clarification']);
  });

  it('changes nothing when the same file is imported again, or a single revision already held', async () => {
    const count = async (t: typeof schema.versions | typeof schema.corrections | typeof schema.articles) => (await db.select().from(t)).length;
    const before = [await count(schema.articles), await count(schema.versions), await count(schema.corrections)];
    const again = await importAns(shell, fixture('ans-stories.json'));
    expect(again.stories.map((s) => s.outcome)).toEqual(['unchanged', 'unchanged']);
    expect((await importAns(caller, fixture('ans-story.json'))).stories.map((s) => s.outcome)).toEqual(['unchanged']);
    expect([await count(schema.articles), await count(schema.versions), await count(schema.corrections)]).toEqual(before);
  });

  it('from a token, brings corrections as drafts for the desk to publish, and refuses future dates and bad ids', async () => {
    const story = fixture('ans-story.json');
    story._id = 'TOKENSTORY1';
    const report = await importAns(caller, story);
    expect(report.stories).toEqual([{ externalId: 'TOKENSTORY1', outcome: 'created', versions: 1, corrections: 1 }]);
    const a = (await db.select().from(schema.articles).where(eq(schema.articles.externalId, 'TOKENSTORY1')).limit(1))[0]!;
    expect((await db.select().from(schema.corrections).where(eq(schema.corrections.articleId, a.id))).map((c) => [c.status, c.publishedAt])).toEqual([['draft', null]]);
    const future = { ...fixture('ans-story.json'), _id: 'FUTURE1', last_updated_date: '2099-01-01T00:00:00Z' };
    expect((await importAns(caller, future)).errors.map((e) => e.message).join(' ')).toMatch(/in the future/);
    expect((await db.select().from(schema.articles).where(eq(schema.articles.externalId, 'FUTURE1')).limit(1))[0]).toBeUndefined();
    const badId = { ...fixture('ans-story.json'), _id: '../weird id' };
    expect((await importAns(caller, badId)).errors.map((e) => e.message).join(' ')).toMatch(/cannot be an external id/);
  });

  it('reports a refused document by path, writing nothing', async () => {
    const report = await importAns(caller, { type: 'story', _id: 'X1' });
    expect(report.stories).toEqual([]);
    expect(report.errors.length).toBeGreaterThan(0);
    expect(report.errors[0].path).toMatch(/^\$/);
  });
});
