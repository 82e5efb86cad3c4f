// Carrying out a published correction with a later edit: the version and the link are written
// together or not at all, and the reader's notice, mark and history follow the link.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../lib/settings';
const TAXONOMY = { errorType: 'number', errorCause: 'reporting', foundBy: 'reader' };

vi.mock('server-only', () => ({}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-amendment-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.ERRATA_SEED = 'none';
process.env.ERRATA_ADMIN_EMAIL = 'admin@example.org';
process.env.ERRATA_ADMIN_PASSWORD = 'a long enough admin password 2026';

const { closeStore, getDb, initStore } = await import('../index');
const { articles, corrections, users, versions } = await import('../tables');
const { appendVersion } = await import('./version-writes');
const { saveVersion } = await import('./article-writes');
const { createDraft, publishCorrection } = await import('./correction-writes');
const { getPublicCorrectionsForArticle } = await import('./corrections');
const { claimMarks, notices } = await import('../../lib/article-view');
const { eq } = await import('drizzle-orm');

const BODY = 'The Fen Valley Party ended the night losing seven districts and 412 district seats.';
const WRONG = 'seven districts and 412 district seats';
const RIGHT = '10 districts and 538 district seats';
let userId = 0;
let n = 0;

async function story() {
  const db = getDb();
  n += 1;
  const article = (await db
    .insert(articles)
    .values({ slug: `count-${n}`, section: 'Politics', byline: 'B', status: 'published', firstPublicVersion: 1, firstPublishedAt: new Date('2026-05-01T09:00:00Z') })
    .returning())[0];
  await appendVersion(db, { articleId: article.id, headline: 'Fen Valley Party routed', standfirst: 'S', body: BODY, changeKind: 'first_publication', note: '', savedBy: userId });
  const start = BODY.indexOf(WRONG);
  const draft = await createDraft({ articleId: article.id, versionNumber: 1, kind: 'correction', mode: 'notice', said: 'the party lost seven districts', wording: 'It lost 10 districts.', claims: [{ start, end: start + WRONG.length }], actorId: userId });
  const published = await publishCorrection({ correctionId: draft.id, actorId: userId, revision: 1, taxonomy: TAXONOMY });
  if (!published.ok) throw new Error('not published');
  return { articleId: article.id, correctionId: draft.id };
}

const save = (articleId: number, carriesOut: number, body = BODY.replace(WRONG, RIGHT), baseNumber = 1) =>
  saveVersion({ articleId, baseNumber, headline: 'Fen Valley Party routed', standfirst: 'S', body, changeKind: 'correction', note: '', actorId: userId, carriesOut });
const versionCount = async (articleId: number) => (await getDb().select().from(versions).where(eq(versions.articleId, articleId))).length;

beforeAll(async () => {
  await initStore();
  userId = (await getDb().select({ id: users.id }).from(users).where(eq(users.email, 'admin@example.org')).limit(1))[0].id;
});

afterAll(async () => {
  await closeStore();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('carrying out a published correction', () => {
  it('links the new version: one notice that says amended, the mark on the new words', async () => {
    const { articleId, correctionId } = await story();
    const result = await save(articleId, correctionId);
    expect(result.ok).toBe(true);
    const [c] = await getPublicCorrectionsForArticle({ articleId });
    expect(c.amendedVersion?.number).toBe(2);
    const settings = { ...DEFAULT_SETTINGS, timeZone: 'Europe/London' };
    const shown = notices([c], settings);
    expect(shown).toHaveLength(1);
    expect(shown[0].text).toMatch(/^This article was amended on \d{1,2} \w+ \d{4}\. An earlier version of this article said the party lost seven districts\. It lost 10 districts\.$/);
    const texts = new Map([
      [1, BODY],
      [2, BODY.replace(WRONG, RIGHT)],
    ]);
    const [mark] = claimMarks([c], texts, 2);
    expect(texts.get(2)?.slice(mark.start, mark.end)).toContain('10 districts and 538');
  });

  it('refuses, saving nothing, another article’s correction, a second amendment and an edit that leaves the words alone', async () => {
    const a = await story();
    const b = await story();
    await expect(async () => save(a.articleId, b.correctionId)).rejects.toThrow(/not one of this article’s corrections/);
    await expect(async () => save(a.articleId, a.correctionId, `${BODY} More.`)).rejects.toThrow(/does not change the words/);
    expect(await versionCount(a.articleId)).toBe(1);
    expect((await save(a.articleId, a.correctionId)).ok).toBe(true);
    await expect(async () => save(a.articleId, a.correctionId, BODY.replace(WRONG, '11 districts'), 2)).rejects.toThrow(/already carried out by version 2/);
    expect(await versionCount(a.articleId)).toBe(2);
    expect((await getDb().select().from(corrections).where(eq(corrections.id, a.correctionId)).limit(1))[0]?.amendedVersionId).not.toBeNull();
  });
});
