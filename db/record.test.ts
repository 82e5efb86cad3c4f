// The database itself refuses to rewrite the record: versions, published corrections, the audit trail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from './connection';
import { changeArticleStatus, listStatusEvents } from './queries/article-status';
import { recordAudit } from './queries/audit';
import { appendVersion } from './queries/version-writes';
import { articles, articleStatusEvents, auditEvents, claims, corrections, users, versions } from './tables';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-db-'));
  db = openDatabase(path.join(dir, 'test.db'));
});

afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What publishing records with a correction: its article's section and byline at the time. */
const AS_PUBLISHED = { publishedSection: 'Local', publishedByline: 'E' };

async function seedOne() {
  const user = (await db.insert(users).values({ email: 'e@example.org', name: 'E', role: 'editor', passwordHash: 'x' }).returning())[0];
  const article = (await db.insert(articles).values({ slug: 'a', section: 'Local', byline: 'E', status: 'published', firstPublishedAt: new Date(), firstPublicVersion: 1 }).returning())[0];
  const v1 = await appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'They lost 695 seats.', changeKind: 'first_publication', note: '', savedBy: user.id });
  const correction = (await db
    .insert(corrections)
    .values({ articleId: article.id, kind: 'correction', mode: 'notice', wording: 'They lost 842.', baseVersionId: v1.id, draftedBy: user.id, draftedAt: new Date(), updatedAt: new Date() })
    .returning())[0];
  await db.insert(claims).values({ correctionId: correction.id, versionId: v1.id, exact: '695', prefix: 'They lost ', suffix: ' seats.', start: 10, end: 13 });
  return { user, article, v1, correction };
}

describe('the database guards the record', () => {
  it('applies every migration to a new file with WAL and foreign keys on', () => {
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses to UPDATE a version', async () => {
    const { v1 } = await seedOne();
    await expect(db.update(versions).set({ body: 'They lost 842 seats.' }).where(eq(versions.id, v1.id))).rejects.toThrow(/versions are immutable/);
    expect(() => db.$client.prepare('update versions set headline = ? where id = ?').run('X', v1.id)).toThrow(/versions are immutable/);
  });

  it('refuses to DELETE a version or an article', async () => {
    const { v1, article } = await seedOne();
    await expect(db.delete(versions).where(eq(versions.id, v1.id))).rejects.toThrow(/versions are immutable/);
    await expect(db.delete(articles).where(eq(articles.id, article.id))).rejects.toThrow(/never deleted/);
  });

  it('chains each version to the one before', async () => {
    const { v1, article } = await seedOne();
    const v2 = await appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'They lost 842 seats.', changeKind: 'correction', note: 'fix', savedBy: null });
    expect(v2.number).toBe(2);
    expect(v2.prevHash).toBe(v1.hash);
    expect(v2.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets a draft correction change, but never a published one, except to withdraw it with a reason', async () => {
    const { correction } = await seedOne();
    await db.update(corrections).set({ wording: 'They actually lost 842.' }).where(eq(corrections.id, correction.id));
    await db.update(corrections).set({ status: 'published', publishedAt: new Date(), ...AS_PUBLISHED }).where(eq(corrections.id, correction.id));
    await expect(db.update(corrections).set({ wording: 'Quietly rewritten.' }).where(eq(corrections.id, correction.id))).rejects.toThrow(/never edited/);
    await expect(db.update(claims).set({ exact: '696' }).where(eq(claims.correctionId, correction.id))).rejects.toThrow(/never changed/);
    await expect(db.delete(corrections).where(eq(corrections.id, correction.id))).rejects.toThrow(/never deleted/);
    await expect(db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date() }).where(eq(corrections.id, correction.id))).rejects.toThrow(/never edited/);
    await db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'The first figure was right.' }).where(eq(corrections.id, correction.id));
    await expect(db.update(corrections).set({ status: 'published' }).where(eq(corrections.id, correction.id))).rejects.toThrow(/never edited/);
  });

  it('publishes a correction only with its article’s section and byline, and never changes them after', async () => {
    const { correction } = await seedOne();
    await expect(db.update(corrections).set({ status: 'published', publishedAt: new Date() }).where(eq(corrections.id, correction.id))).rejects.toThrow(/section and byline/);
    await db.update(corrections).set({ status: 'published', publishedAt: new Date(), ...AS_PUBLISHED }).where(eq(corrections.id, correction.id));
    await expect(db.update(corrections).set({ publishedSection: 'Sport' }).where(eq(corrections.id, correction.id))).rejects.toThrow(/section and byline it was published under/);
    await expect(db.update(corrections).set({ publishedByline: 'Someone else' }).where(eq(corrections.id, correction.id))).rejects.toThrow(/section and byline it was published under/);
    // Withdrawing keeps them.
    await db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'Wrong.' }).where(eq(corrections.id, correction.id));
    expect((await db.select().from(corrections).where(eq(corrections.id, correction.id)).limit(1))[0]).toMatchObject({ status: 'withdrawn', ...AS_PUBLISHED });
  });

  it('lets a published correction be carried out once, by a later version of its own article, and never re-pointed', async () => {
    const { correction, article, v1 } = await seedOne();
    await db.update(corrections).set({ status: 'published', publishedAt: new Date(), ...AS_PUBLISHED }).where(eq(corrections.id, correction.id));
    const other = (await db.insert(articles).values({ slug: 'b', section: 'Local', byline: 'E', status: 'published', firstPublishedAt: new Date(), firstPublicVersion: 1 }).returning())[0];
    const elsewhere = await appendVersion(db, { articleId: other.id, headline: 'H', standfirst: 'S', body: 'Other.', changeKind: 'first_publication', note: '', savedBy: null });
    await expect(db.update(corrections).set({ amendedVersionId: elsewhere.id }).where(eq(corrections.id, correction.id))).rejects.toThrow(/later version of its own article/);
    await expect(db.update(corrections).set({ amendedVersionId: v1.id }).where(eq(corrections.id, correction.id))).rejects.toThrow(/later version of its own article/);
    const v2 = await appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'They lost 842 seats.', changeKind: 'correction', note: '', savedBy: null });
    // Nothing else may change with it.
    await expect(db.update(corrections).set({ amendedVersionId: v2.id, wording: 'Reworded.' }).where(eq(corrections.id, correction.id))).rejects.toThrow(/never edited/);
    await db.update(corrections).set({ amendedVersionId: v2.id }).where(eq(corrections.id, correction.id));
    const v3 = await appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'They lost 843 seats.', changeKind: 'correction', note: '', savedBy: null });
    await expect(db.update(corrections).set({ amendedVersionId: v3.id }).where(eq(corrections.id, correction.id))).rejects.toThrow(/never edited/);
    await expect(db.update(corrections).set({ amendedVersionId: null }).where(eq(corrections.id, correction.id))).rejects.toThrow(/never edited/);
    await expect(db.update(corrections).set({ said: 'quietly' }).where(eq(corrections.id, correction.id))).rejects.toThrow(/never edited/);
    // Withdrawal keeps the link.
    await db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'The first figure was right.' }).where(eq(corrections.id, correction.id));
    expect((await db.select().from(corrections).where(eq(corrections.id, correction.id)).limit(1))[0]?.amendedVersionId).toBe(v2.id);
  });

  it('never carries out a withdrawn correction', async () => {
    const { correction, article } = await seedOne();
    await db.update(corrections).set({ status: 'published', publishedAt: new Date(), ...AS_PUBLISHED }).where(eq(corrections.id, correction.id));
    await db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'Right after all.' }).where(eq(corrections.id, correction.id));
    const v2 = await appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'They lost 842 seats.', changeKind: 'correction', note: '', savedBy: null });
    await expect(db.update(corrections).set({ amendedVersionId: v2.id }).where(eq(corrections.id, correction.id))).rejects.toThrow(/never edited/);
  });

  it('keeps the audit trail append-only', async () => {
    await recordAudit(db, { actorId: null, action: 'test', entityType: 'article', entityId: 1 });
    await expect(db.update(auditEvents).set({ action: 'other' })).rejects.toThrow(/append-only/);
    await expect(db.delete(auditEvents)).rejects.toThrow(/append-only/);
  });

  it('lets a draft correction leave draft only by being published with its date', async () => {
    const { correction } = await seedOne();
    await expect(db.update(corrections).set({ status: 'published' }).where(eq(corrections.id, correction.id))).rejects.toThrow(/published \(with its date\)/);
    await expect(
      db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'x' }).where(eq(corrections.id, correction.id)),
    ).rejects.toThrow(/published \(with its date\)/);
    expect((await db.select().from(corrections).where(eq(corrections.id, correction.id)).limit(1))[0]?.status).toBe('draft');
  });

  it('bumps a draft correction’s revision on every edit, and freezes it once published', async () => {
    const { correction } = await seedOne();
    await db.update(corrections).set({ wording: 'Changed after the reviewer read it.' }).where(eq(corrections.id, correction.id));
    expect((await db.select().from(corrections).where(eq(corrections.id, correction.id)).limit(1))[0]?.revision).toBe(2);
    await db.update(claims).set({ replacement: '842' }).where(eq(claims.correctionId, correction.id));
    expect((await db.select().from(corrections).where(eq(corrections.id, correction.id)).limit(1))[0]?.revision).toBe(3);
    await db.update(corrections).set({ said: 'the Alliance lost 695 seats' }).where(eq(corrections.id, correction.id));
    expect((await db.select().from(corrections).where(eq(corrections.id, correction.id)).limit(1))[0]?.revision).toBe(4);
    await db.update(corrections).set({ status: 'published', publishedAt: new Date(), ...AS_PUBLISHED }).where(eq(corrections.id, correction.id));
    await expect(db.update(corrections).set({ revision: 9 }).where(eq(corrections.id, correction.id))).rejects.toThrow(/keeps its last revision/);
  });
});

describe('an article’s status changes are a record', () => {
  it('refuses a status change with no event on the record', async () => {
    const { article } = await seedOne();
    await expect(db.update(articles).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'why' }).where(eq(articles.id, article.id))).rejects.toThrow(/new status event/);
    expect((await db.select().from(articles).where(eq(articles.id, article.id)).limit(1))[0]?.status).toBe('published');
  });

  it('refuses to send an article back to draft or to rewrite its first publication', async () => {
    const user = (await db.insert(users).values({ email: 'e@example.org', name: 'E', role: 'editor', passwordHash: 'x' }).returning())[0];
    const article = (await db.insert(articles).values({ slug: 'd', section: 'Local', byline: 'E' }).returning())[0];
    await appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'B', changeKind: 'first_publication', note: '', savedBy: user.id });
    const first = new Date('2026-01-01T00:00:00Z');
    await changeArticleStatus(db, { articleId: article.id, to: 'published', reason: null, actorId: user.id, set: { firstPublishedAt: first, firstPublicVersion: 1 } });
    await expect(async () => changeArticleStatus(db, { articleId: article.id, to: 'draft', reason: 'oops', actorId: user.id })).rejects.toThrow(/legal move|never goes back to draft/);
    await expect(db.update(articles).set({ firstPublishedAt: new Date() }).where(eq(articles.id, article.id))).rejects.toThrow(/first publication/);
    await expect(db.update(articles).set({ firstPublicVersion: 2 }).where(eq(articles.id, article.id))).rejects.toThrow(/first publication/);
    await expect(db.update(articles).set({ withdrawnReason: 'quietly' }).where(eq(articles.id, article.id))).rejects.toThrow(/withdrawal/);
  });

  it('records a withdrawal and a restoration, each with its reason, and keeps the events append-only', async () => {
    const { article, user } = await seedOne();
    await expect(async () => changeArticleStatus(db, { articleId: article.id, to: 'withdrawn', reason: ' ', actorId: user.id, set: { withdrawnAt: new Date(), withdrawnReason: ' ' } })).rejects.toThrow(/reason/);
    await changeArticleStatus(db, { articleId: article.id, to: 'withdrawn', reason: 'Could not be stood up.', actorId: user.id, set: { withdrawnAt: new Date(), withdrawnReason: 'Could not be stood up.' } });
    await expect(async () => changeArticleStatus(db, { articleId: article.id, to: 'published', reason: null, actorId: user.id, set: { withdrawnAt: null, withdrawnReason: null } })).rejects.toThrow(/reason/);
    await changeArticleStatus(db, { articleId: article.id, to: 'published', reason: 'Stood up after all.', actorId: user.id, set: { withdrawnAt: null, withdrawnReason: null } });
    const events = await listStatusEvents(db, article.id);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.reason])).toEqual([
      ['published', 'withdrawn', 'Could not be stood up.'],
      ['withdrawn', 'published', 'Stood up after all.'],
    ]);
    await expect(db.update(articleStatusEvents).set({ reason: 'rewritten' })).rejects.toThrow(/append-only/);
    await expect(db.delete(articleStatusEvents)).rejects.toThrow(/append-only/);
    // An event that does not start from the article's status is refused, and so is reusing an old one.
    await expect(db.insert(articleStatusEvents).values({ articleId: article.id, fromStatus: 'draft', toStatus: 'published', at: new Date() })).rejects.toThrow(/current status/);
    await expect(db.update(articles).set({ statusEventId: events[0].id }).where(eq(articles.id, article.id))).rejects.toThrow(/new status event/);
  });
});

