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
import { articles, articleStatusEvents, auditEvents, claims, corrections, users, versions } from './schema';

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

function seedOne() {
  const user = db.insert(users).values({ email: 'e@example.org', name: 'E', role: 'editor', passwordHash: 'x' }).returning().get();
  const article = db.insert(articles).values({ slug: 'a', section: 'Local', byline: 'E', status: 'published', firstPublishedAt: new Date(), firstPublicVersion: 1 }).returning().get();
  const v1 = appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'They lost 695 seats.', changeKind: 'first_publication', note: '', savedBy: user.id });
  const correction = db
    .insert(corrections)
    .values({ articleId: article.id, kind: 'correction', mode: 'notice', wording: 'They lost 842.', baseVersionId: v1.id, draftedBy: user.id, draftedAt: new Date(), updatedAt: new Date() })
    .returning()
    .get();
  db.insert(claims).values({ correctionId: correction.id, versionId: v1.id, exact: '695', prefix: 'They lost ', suffix: ' seats.', start: 10, end: 13 }).run();
  return { user, article, v1, correction };
}

describe('the database guards the record', () => {
  it('applies every migration to a new file with WAL and foreign keys on', () => {
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses to UPDATE a version', () => {
    const { v1 } = seedOne();
    expect(() => db.update(versions).set({ body: 'They lost 842 seats.' }).where(eq(versions.id, v1.id)).run()).toThrow(/versions are immutable/);
    expect(() => db.$client.prepare('update versions set headline = ? where id = ?').run('X', v1.id)).toThrow(/versions are immutable/);
  });

  it('refuses to DELETE a version or an article', () => {
    const { v1, article } = seedOne();
    expect(() => db.delete(versions).where(eq(versions.id, v1.id)).run()).toThrow(/versions are immutable/);
    expect(() => db.delete(articles).where(eq(articles.id, article.id)).run()).toThrow(/never deleted/);
  });

  it('chains each version to the one before', () => {
    const { v1, article } = seedOne();
    const v2 = appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'They lost 842 seats.', changeKind: 'correction', note: 'fix', savedBy: null });
    expect(v2.number).toBe(2);
    expect(v2.prevHash).toBe(v1.hash);
    expect(v2.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets a draft correction change, but never a published one, except to withdraw it with a reason', () => {
    const { correction } = seedOne();
    db.update(corrections).set({ wording: 'They actually lost 842.' }).where(eq(corrections.id, correction.id)).run();
    db.update(corrections).set({ status: 'published', publishedAt: new Date(), ...AS_PUBLISHED }).where(eq(corrections.id, correction.id)).run();
    expect(() => db.update(corrections).set({ wording: 'Quietly rewritten.' }).where(eq(corrections.id, correction.id)).run()).toThrow(/never edited/);
    expect(() => db.update(claims).set({ exact: '696' }).where(eq(claims.correctionId, correction.id)).run()).toThrow(/never changed/);
    expect(() => db.delete(corrections).where(eq(corrections.id, correction.id)).run()).toThrow(/never deleted/);
    expect(() => db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date() }).where(eq(corrections.id, correction.id)).run()).toThrow(/never edited/);
    db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'The first figure was right.' }).where(eq(corrections.id, correction.id)).run();
    expect(() => db.update(corrections).set({ status: 'published' }).where(eq(corrections.id, correction.id)).run()).toThrow(/never edited/);
  });

  it('publishes a correction only with its article’s section and byline, and never changes them after', () => {
    const { correction } = seedOne();
    expect(() => db.update(corrections).set({ status: 'published', publishedAt: new Date() }).where(eq(corrections.id, correction.id)).run()).toThrow(/section and byline/);
    db.update(corrections).set({ status: 'published', publishedAt: new Date(), ...AS_PUBLISHED }).where(eq(corrections.id, correction.id)).run();
    expect(() => db.update(corrections).set({ publishedSection: 'Sport' }).where(eq(corrections.id, correction.id)).run()).toThrow(/section and byline it was published under/);
    expect(() => db.update(corrections).set({ publishedByline: 'Someone else' }).where(eq(corrections.id, correction.id)).run()).toThrow(/section and byline it was published under/);
    // Withdrawing keeps them.
    db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'Wrong.' }).where(eq(corrections.id, correction.id)).run();
    expect(db.select().from(corrections).where(eq(corrections.id, correction.id)).get()).toMatchObject({ status: 'withdrawn', ...AS_PUBLISHED });
  });

  it('lets a published correction be carried out once, by a later version of its own article, and never re-pointed', () => {
    const { correction, article, v1 } = seedOne();
    db.update(corrections).set({ status: 'published', publishedAt: new Date(), ...AS_PUBLISHED }).where(eq(corrections.id, correction.id)).run();
    const other = db.insert(articles).values({ slug: 'b', section: 'Local', byline: 'E', status: 'published', firstPublishedAt: new Date(), firstPublicVersion: 1 }).returning().get();
    const elsewhere = appendVersion(db, { articleId: other.id, headline: 'H', standfirst: 'S', body: 'Other.', changeKind: 'first_publication', note: '', savedBy: null });
    expect(() => db.update(corrections).set({ amendedVersionId: elsewhere.id }).where(eq(corrections.id, correction.id)).run()).toThrow(/later version of its own article/);
    expect(() => db.update(corrections).set({ amendedVersionId: v1.id }).where(eq(corrections.id, correction.id)).run()).toThrow(/later version of its own article/);
    const v2 = appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'They lost 842 seats.', changeKind: 'correction', note: '', savedBy: null });
    // Nothing else may change with it.
    expect(() => db.update(corrections).set({ amendedVersionId: v2.id, wording: 'Reworded.' }).where(eq(corrections.id, correction.id)).run()).toThrow(/never edited/);
    db.update(corrections).set({ amendedVersionId: v2.id }).where(eq(corrections.id, correction.id)).run();
    const v3 = appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'They lost 843 seats.', changeKind: 'correction', note: '', savedBy: null });
    expect(() => db.update(corrections).set({ amendedVersionId: v3.id }).where(eq(corrections.id, correction.id)).run()).toThrow(/never edited/);
    expect(() => db.update(corrections).set({ amendedVersionId: null }).where(eq(corrections.id, correction.id)).run()).toThrow(/never edited/);
    expect(() => db.update(corrections).set({ said: 'quietly' }).where(eq(corrections.id, correction.id)).run()).toThrow(/never edited/);
    // Withdrawal keeps the link.
    db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'The first figure was right.' }).where(eq(corrections.id, correction.id)).run();
    expect(db.select().from(corrections).where(eq(corrections.id, correction.id)).get()?.amendedVersionId).toBe(v2.id);
  });

  it('never carries out a withdrawn correction', () => {
    const { correction, article } = seedOne();
    db.update(corrections).set({ status: 'published', publishedAt: new Date(), ...AS_PUBLISHED }).where(eq(corrections.id, correction.id)).run();
    db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'Right after all.' }).where(eq(corrections.id, correction.id)).run();
    const v2 = appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'They lost 842 seats.', changeKind: 'correction', note: '', savedBy: null });
    expect(() => db.update(corrections).set({ amendedVersionId: v2.id }).where(eq(corrections.id, correction.id)).run()).toThrow(/never edited/);
  });

  it('keeps the audit trail append-only', () => {
    recordAudit(db, { actorId: null, action: 'test', entityType: 'article', entityId: 1 });
    expect(() => db.update(auditEvents).set({ action: 'other' }).run()).toThrow(/append-only/);
    expect(() => db.delete(auditEvents).run()).toThrow(/append-only/);
  });

  it('lets a draft correction leave draft only by being published with its date', () => {
    const { correction } = seedOne();
    expect(() => db.update(corrections).set({ status: 'published' }).where(eq(corrections.id, correction.id)).run()).toThrow(/published \(with its date\)/);
    expect(() =>
      db.update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'x' }).where(eq(corrections.id, correction.id)).run(),
    ).toThrow(/published \(with its date\)/);
    expect(db.select().from(corrections).where(eq(corrections.id, correction.id)).get()?.status).toBe('draft');
  });

  it('bumps a draft correction’s revision on every edit, and freezes it once published', () => {
    const { correction } = seedOne();
    db.update(corrections).set({ wording: 'Changed after the reviewer read it.' }).where(eq(corrections.id, correction.id)).run();
    expect(db.select().from(corrections).where(eq(corrections.id, correction.id)).get()?.revision).toBe(2);
    db.update(claims).set({ replacement: '842' }).where(eq(claims.correctionId, correction.id)).run();
    expect(db.select().from(corrections).where(eq(corrections.id, correction.id)).get()?.revision).toBe(3);
    db.update(corrections).set({ said: 'the Alliance lost 695 seats' }).where(eq(corrections.id, correction.id)).run();
    expect(db.select().from(corrections).where(eq(corrections.id, correction.id)).get()?.revision).toBe(4);
    db.update(corrections).set({ status: 'published', publishedAt: new Date(), ...AS_PUBLISHED }).where(eq(corrections.id, correction.id)).run();
    expect(() => db.update(corrections).set({ revision: 9 }).where(eq(corrections.id, correction.id)).run()).toThrow(/keeps its last revision/);
  });
});

describe('an article’s status changes are a record', () => {
  it('refuses a status change with no event on the record', () => {
    const { article } = seedOne();
    expect(() => db.update(articles).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'why' }).where(eq(articles.id, article.id)).run()).toThrow(/new status event/);
    expect(db.select().from(articles).where(eq(articles.id, article.id)).get()?.status).toBe('published');
  });

  it('refuses to send an article back to draft or to rewrite its first publication', () => {
    const user = db.insert(users).values({ email: 'e@example.org', name: 'E', role: 'editor', passwordHash: 'x' }).returning().get();
    const article = db.insert(articles).values({ slug: 'd', section: 'Local', byline: 'E' }).returning().get();
    appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'B', changeKind: 'first_publication', note: '', savedBy: user.id });
    const first = new Date('2026-01-01T00:00:00Z');
    changeArticleStatus(db, { articleId: article.id, to: 'published', reason: null, actorId: user.id, set: { firstPublishedAt: first, firstPublicVersion: 1 } });
    expect(() => changeArticleStatus(db, { articleId: article.id, to: 'draft', reason: 'oops', actorId: user.id })).toThrow(/legal move|never goes back to draft/);
    expect(() => db.update(articles).set({ firstPublishedAt: new Date() }).where(eq(articles.id, article.id)).run()).toThrow(/first publication/);
    expect(() => db.update(articles).set({ firstPublicVersion: 2 }).where(eq(articles.id, article.id)).run()).toThrow(/first publication/);
    expect(() => db.update(articles).set({ withdrawnReason: 'quietly' }).where(eq(articles.id, article.id)).run()).toThrow(/withdrawal/);
  });

  it('records a withdrawal and a restoration, each with its reason, and keeps the events append-only', () => {
    const { article, user } = seedOne();
    expect(() => changeArticleStatus(db, { articleId: article.id, to: 'withdrawn', reason: ' ', actorId: user.id, set: { withdrawnAt: new Date(), withdrawnReason: ' ' } })).toThrow(/reason/);
    changeArticleStatus(db, { articleId: article.id, to: 'withdrawn', reason: 'Could not be stood up.', actorId: user.id, set: { withdrawnAt: new Date(), withdrawnReason: 'Could not be stood up.' } });
    expect(() => changeArticleStatus(db, { articleId: article.id, to: 'published', reason: null, actorId: user.id, set: { withdrawnAt: null, withdrawnReason: null } })).toThrow(/reason/);
    changeArticleStatus(db, { articleId: article.id, to: 'published', reason: 'Stood up after all.', actorId: user.id, set: { withdrawnAt: null, withdrawnReason: null } });
    const events = listStatusEvents(db, article.id);
    expect(events.map((e) => [e.fromStatus, e.toStatus, e.reason])).toEqual([
      ['published', 'withdrawn', 'Could not be stood up.'],
      ['withdrawn', 'published', 'Stood up after all.'],
    ]);
    expect(() => db.update(articleStatusEvents).set({ reason: 'rewritten' }).run()).toThrow(/append-only/);
    expect(() => db.delete(articleStatusEvents).run()).toThrow(/append-only/);
    // An event that does not start from the article's status is refused, and so is reusing an old one.
    expect(() => db.insert(articleStatusEvents).values({ articleId: article.id, fromStatus: 'draft', toStatus: 'published', at: new Date() }).run()).toThrow(/current status/);
    expect(() => db.update(articles).set({ statusEventId: events[0].id }).where(eq(articles.id, article.id)).run()).toThrow(/new status event/);
  });
});

