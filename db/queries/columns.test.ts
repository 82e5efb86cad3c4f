// The column reads the record through the public view: its pool, its wording, read-time withholding
// and publishing only the revision that was reviewed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';

vi.mock('server-only', () => ({}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-columns-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.ERRATA_SEED = 'none';
process.env.ERRATA_ADMIN_EMAIL = 'admin@example.org';
process.env.ERRATA_ADMIN_PASSWORD = 'a long enough admin password 2026';

const { closeStore, getDb, initStore } = await import('../index');
const { articles, claims, corrections, users, withholdings } = await import('../tables');
const { appendVersion } = await import('./version-writes');
const columns = await import('./columns');
const { WITHHELD_ITEM } = await import('./public-record');

const settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/London' };
let userId = 0;
let n = 0;

/** An article with one published correction whose claim quotes `secret` in version 1. */
async function story({ published, correctionAt, secret, said }: { published: boolean; correctionAt: Date; secret: string; said?: string }) {
  const db = getDb();
  n += 1;
  const article = (await db
    .insert(articles)
    .values({ slug: `story-${n}`, section: 'Local', byline: 'B', status: published ? 'published' : 'draft', firstPublicVersion: published ? 1 : null, firstPublishedAt: published ? new Date('2026-05-01T09:00:00Z') : null })
    .returning())[0];
  const body = `The council said ${secret} on Monday.`;
  const v1 = await appendVersion(db, { articleId: article.id, headline: `Headline ${secret}`, standfirst: 'S', body, changeKind: 'first_publication', note: '', savedBy: userId });
  const correction = (await db
    .insert(corrections)
    .values({ articleId: article.id, kind: 'correction', mode: 'notice', wording: 'The figure was wrong.', said: said ?? null, baseVersionId: v1.id, draftedBy: userId, draftedAt: correctionAt, updatedAt: correctionAt })
    .returning())[0];
  const start = body.indexOf(secret);
  await db.insert(claims).values({ correctionId: correction.id, versionId: v1.id, exact: secret, prefix: 'The council said ', suffix: ' on Monday.', start, end: start + secret.length });
  // Claims are written while it is a draft; then it is published.
  await db.update(corrections).set({ status: 'published', publishedBy: userId, publishedAt: correctionAt, publishedSection: 'Local', publishedByline: 'B' }).where(eq(corrections.id, correction.id));
  return { article, v1, correction };
}

async function withhold(articleId: number, versionId: number) {
  const db = getDb();
  const legal = await appendVersion(db, { articleId, headline: 'A public headline', standfirst: 'S', body: 'Removed on legal advice.', changeKind: 'legal', note: '', savedBy: userId });
  await db.insert(withholdings).values({ versionId, legalVersionId: legal.id, reason: 'letter' });
}

async function itemsOf(columnId: number) {
  return (await columns.getEditionById({ id: columnId }))?.items ?? [];
}

async function publish(columnId: number) {
  return columns.publishEdition({ columnId, actorId: userId, revision: (await columns.getEditionRevision({ columnId })) ?? '' });
}

beforeAll(async () => {
  await initStore();
  userId = (await getDb().select({ id: users.id }).from(users).where(eq(users.email, 'admin@example.org')).limit(1))[0].id;
});

afterAll(async () => {
  await closeStore();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the column through the public view', () => {
  it('takes only corrections published by the end of the edition’s day in the newsroom’s zone, and none on a never-published article', async () => {
    const late = await story({ published: true, correctionAt: new Date('2026-05-04T22:30:00Z'), secret: 'late evening words' }); // 23:30 BST, 4 May
    const next = await story({ published: true, correctionAt: new Date('2026-05-04T23:30:00Z'), secret: 'after midnight words' }); // 00:30 BST, 5 May
    const draft = await story({ published: false, correctionAt: new Date('2026-05-04T08:00:00Z'), secret: 'never published words' });
    const column = await columns.generateEdition({ date: '2026-05-04', settings, actorId: userId });
    const items = await itemsOf(column.id);
    expect(items.map((i) => i.correctionId)).toEqual([late.correction.id]);
    expect(JSON.stringify(await columns.getEditionById({ id: column.id }))).not.toContain('never published');
    await publish(column.id);

    const following = await columns.generateEdition({ date: '2026-05-05', settings, actorId: userId });
    expect((await itemsOf(following.id)).map((i) => i.correctionId)).toEqual([next.correction.id]);
    expect((await itemsOf(following.id)).map((i) => i.correctionId)).not.toContain(draft.correction.id);
    await publish(following.id);
  });

  it('words an item from the current public headline and never quotes a withheld claim', async () => {
    const s = await story({ published: true, correctionAt: new Date('2026-05-06T09:00:00Z'), secret: 'withheld secret words' });
    await withhold(s.article.id, s.v1.id);
    const column = await columns.generateEdition({ date: '2026-05-06', settings, actorId: userId });
    const [item] = await itemsOf(column.id);
    expect(item.wording).toContain('A public headline');
    expect(item.wording).not.toContain('withheld secret');
    expect(item.withheld).toBe(false);
    await publish(column.id);
  });

  it('shows a published item as withheld once a version it quotes is withheld, without rewriting the edition', async () => {
    const s = await story({ published: true, correctionAt: new Date('2026-05-07T09:00:00Z'), secret: 'later withheld words' });
    const column = await columns.generateEdition({ date: '2026-05-07', settings, actorId: userId });
    await publish(column.id);
    const [before] = await itemsOf(column.id);
    expect(before.readerWording).toContain('later withheld words');
    await withhold(s.article.id, s.v1.id);
    const [after] = await itemsOf(column.id);
    expect(after).toMatchObject({ withheld: true, readerWording: WITHHELD_ITEM, wording: before.wording });
  });

  it('publishes only the revision that was reviewed', async () => {
    await story({ published: true, correctionAt: new Date('2026-05-08T09:00:00Z'), secret: 'reviewed words' });
    const column = await columns.generateEdition({ date: '2026-05-08', settings, actorId: userId });
    const reviewed = (await columns.getEditionRevision({ columnId: column.id })) ?? '';
    await columns.saveEditionDraft({ columnId: column.id, revision: reviewed, intro: 'Changed in another tab', items: [], actorId: userId });
    await expect(async () => columns.publishEdition({ columnId: column.id, actorId: userId, revision: reviewed })).rejects.toThrow(
      expect.objectContaining({ name: 'ErrataError', code: 'conflict', status: 409, field: 'revision' }),
    );
    expect((await columns.getEditionById({ id: column.id }))?.column.status).toBe('draft');
    expect((await publish(column.id)).status).toBe('published');
  });

  it('saves a draft only from the revision the editor opened: a later save from an older tab is refused', async () => {
    await story({ published: true, correctionAt: new Date('2026-05-09T09:00:00Z'), secret: 'two editors' });
    const column = await columns.generateEdition({ date: '2026-05-09', settings, actorId: userId });
    const opened = (await columns.getEditionRevision({ columnId: column.id })) ?? '';
    await columns.saveEditionDraft({ columnId: column.id, revision: opened, intro: 'First tab', items: [], actorId: userId });
    await expect(async () => columns.saveEditionDraft({ columnId: column.id, revision: opened, intro: 'Second tab', items: [], actorId: userId })).rejects.toThrow(
      expect.objectContaining({ name: 'ErrataError', code: 'conflict', status: 409 }),
    );
    expect((await columns.getEditionById({ id: column.id }))?.column.intro).toBe('First tab');
    await columns.discardEdition({ columnId: column.id, actorId: userId });
  });

  it('refuses to publish a draft holding a correction withdrawn since the draft was made', async () => {
    const s = await story({ published: true, correctionAt: new Date('2026-05-13T09:00:00Z'), secret: 'soon withdrawn words' });
    const column = await columns.generateEdition({ date: '2026-05-13', settings, actorId: userId });
    const reviewed = (await columns.getEditionRevision({ columnId: column.id })) ?? '';
    await getDb().update(corrections).set({ status: 'withdrawn', withdrawnAt: new Date(), withdrawnReason: 'wrong' }).where(eq(corrections.id, s.correction.id));
    await expect(async () => columns.publishEdition({ columnId: column.id, actorId: userId, revision: reviewed })).rejects.toThrow(
      expect.objectContaining({ name: 'ErrataError', code: 'conflict', status: 409, message: expect.stringContaining(`correction ${s.correction.id}`) }),
    );
    expect((await columns.getEditionById({ id: column.id }))?.column.status).toBe('draft');
    await columns.discardEdition({ columnId: column.id, actorId: userId });
  });

  it('prints the desk’s paraphrase of what the article said only while the words it describes may be read', async () => {
    const s = await story({ published: true, correctionAt: new Date('2026-05-14T09:00:00Z'), secret: 'paraphrased secret', said: 'that the mayor took a bribe' });
    await withhold(s.article.id, s.v1.id);
    const column = await columns.generateEdition({ date: '2026-05-14', settings, actorId: userId });
    const [item] = await itemsOf(column.id);
    expect(item.wording).not.toContain('bribe');
    expect(item.wording).not.toContain('paraphrased secret');
    await columns.discardEdition({ columnId: column.id, actorId: userId });
  });

  it('takes only the corrections chosen, offers the rest to another draft, and lists the pool by filter', async () => {
    const a = await story({ published: true, correctionAt: new Date('2026-05-10T09:00:00Z'), secret: 'chosen words' });
    const b = await story({ published: true, correctionAt: new Date('2026-05-11T09:00:00Z'), secret: 'left words' });
    const pool = (await columns.listCorrectionPool({ date: '2026-05-12', settings })).map((c) => c.correctionId);
    expect(pool).toEqual(expect.arrayContaining([a.correction.id, b.correction.id]));
    // Filtered by the day each was published.
    const onTheTenth = await columns.listCorrectionPool({
      date: '2026-05-12',
      settings,
      only: { from: new Date('2026-05-09T23:00:00Z'), until: new Date('2026-05-10T23:00:00Z') },
    });
    expect(onTheTenth.map((c) => c.correctionId)).toEqual([a.correction.id]);
    expect(await columns.listCorrectionPool({ date: '2026-05-12', settings, only: { section: 'Sport' } })).toEqual([]);

    const first = await columns.generateEdition({ date: '2026-05-12', settings, actorId: userId, correctionIds: [a.correction.id] });
    expect((await itemsOf(first.id)).map((i) => i.correctionId)).toEqual([a.correction.id]);
    // A second draft, for another date, while the first is open: it never gets the first one's item.
    expect((await columns.listCorrectionPool({ date: '2026-05-13', settings })).map((c) => c.correctionId)).not.toContain(a.correction.id);
    await expect(async () => columns.generateEdition({ date: '2026-05-13', settings, actorId: userId, correctionIds: [a.correction.id] })).rejects.toThrow(
      expect.objectContaining({ name: 'ErrataError', code: 'conflict' }),
    );
    const second = await columns.generateEdition({ date: '2026-05-13', settings, actorId: userId, correctionIds: [b.correction.id] });
    expect((await itemsOf(second.id)).map((i) => i.correctionId)).toEqual([b.correction.id]);
    expect(await columns.countInDrafts()).toBe(2);
    expect((await publish(second.id)).status).toBe('published');
    expect((await publish(first.id)).status).toBe('published');
  });
});
