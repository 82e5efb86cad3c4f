// The casebook's services where the attack round found holes: who may close a case by declining
// its report, closing with a correction still in draft, and clauses since removed from the list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fromDatabase } from '../test-support';

vi.mock('server-only', () => ({}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-cases-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');
process.env.ERRATA_SEED = 'none';
process.env.ERRATA_ADMIN_EMAIL = 'admin@example.org';
process.env.ERRATA_ADMIN_PASSWORD = 'a long enough admin password 2026';

const { getDb, initStore } = await import('../index');
const { articles, auditEvents, caseClauses, caseNotes, cases, corrections, users } = await import('../tables');
const { appendVersion } = await import('./version-writes');
const { createReport, declineReport, acceptReport } = await import('./reports');
const { addCaseNote, assignCase, closeCase, getStandardsConfig, logCase, saveStandardsConfig } = await import('./cases');
const { eq } = await import('drizzle-orm');

await initStore();
const db = getDb();
const editor = (await db.insert(users).values({ email: 'e@example.org', name: 'E', role: 'editor', passwordHash: 'x' }).returning())[0];
const standards = (await db.insert(users).values({ email: 's@example.org', name: 'S', role: 'standards', passwordHash: 'x' }).returning())[0];
let n = 0;
async function reported() {
  n += 1;
  const article = (await db.insert(articles).values({ slug: `story-${n}`, section: 'Local', byline: 'B', status: 'published', firstPublicVersion: 1, firstPublishedAt: new Date() }).returning())[0];
  const version = await appendVersion(db, { articleId: article.id, headline: 'H', standfirst: 'S', body: 'The ferry runs on Monday.', changeKind: 'first_publication', note: '', savedBy: editor.id });
  const report = await createReport({ articleId: article.id, versionId: version.id, start: 18, end: 24, exact: 'Monday', message: 'It runs on Tuesday.', email: 'reader@example.org', ip: '127.0.0.1' });
  const row = (await db.select().from(cases).where(eq(cases.reportId, report.id)).limit(1))[0];
  return { report, caseRow: row!, article };
}

describe('declining a report', () => {
  it('by a desk editor leaves the case open for standards, with the reason as a note', async () => {
    const { report, caseRow } = await reported();
    await declineReport({ id: report.id, reason: 'Looks right to me.', actorId: editor.id });
    expect((await db.select().from(cases).where(eq(cases.id, caseRow.id)).limit(1))[0]?.status).toBe('open');
    expect((await db.select().from(caseNotes).where(eq(caseNotes.caseId, caseRow.id))).map((x) => x.body)).toEqual(['The report was declined on the desk: Looks right to me.']);
  });
  it('by standards closes it as not upheld, audited as a close', async () => {
    const { report, caseRow } = await reported();
    await declineReport({ id: report.id, reason: 'The timetable says Monday.', actorId: standards.id });
    const after = (await db.select().from(cases).where(eq(cases.id, caseRow.id)).limit(1))[0];
    expect(after?.status).toBe('not_upheld');
    expect((await db.select().from(auditEvents).where(eq(auditEvents.entityId, String(caseRow.id)))).some((e) => e.action === 'case.close' && e.entityType === 'case')).toBe(true);
  });
});

describe('closing a case', () => {
  it('as upheld while the correction drafted from it is unpublished is refused, and the case stays open', async () => {
    const { report, caseRow } = await reported();
    await acceptReport({ id: report.id, actorId: standards.id });
    await expect(async () => closeCase({ caseId: caseRow.id, outcome: 'upheld', correctionId: null, note: 'Wrong day.', actorId: standards.id })).rejects.toThrow(/not published yet/);
    expect((await db.select().from(cases).where(eq(cases.id, caseRow.id)).limit(1))[0]?.status).toBe('open');
    // Not upheld names no correction, so it may close.
    await closeCase({ caseId: caseRow.id, outcome: 'not_upheld', correctionId: null, note: 'Right after all.', actorId: standards.id });
    expect((await db.select().from(cases).where(eq(cases.id, caseRow.id)).limit(1))[0]?.status).toBe('not_upheld');
  });
});

describe('clauses removed from the configured list', () => {
  it('stay on the cases that cite them when the case is assigned again', async () => {
    const { article } = await reported();
    const logged = await logCase({ channel: 'letter', route: 'ipso', complainantName: 'A', complainantContact: null, summary: 'Wrong.', articles: [{ slug: article.slug, quote: null }], clauses: ['1', '2'], receivedAt: new Date(), ownerId: null, actorId: standards.id });
    const config = await getStandardsConfig();
    await saveStandardsConfig({ config: { ...config, clauses: config.clauses.filter((c) => c.code !== '1') }, actorId: standards.id });
    await assignCase({ caseId: logged.id, route: 'ipso', clauses: ['2'], ownerId: editor.id, actorId: standards.id });
    expect((await db.select().from(caseClauses).where(eq(caseClauses.caseId, logged.id))).map((c) => c.clause).sort()).toEqual(['1', '2']);
  });
  it('taken off the list while cases carry them, they are reported back with how many carry each', async () => {
    const { article } = await reported();
    const logged = await logCase({ channel: 'letter', route: 'ipso', complainantName: 'A', complainantContact: null, summary: 'Wrong.', articles: [{ slug: article.slug, quote: null }], clauses: ['3'], receivedAt: new Date(), ownerId: null, actorId: standards.id });
    const config = await getStandardsConfig();
    const carrying = (await db.select().from(caseClauses).where(eq(caseClauses.clause, '3'))).length;
    let unused: (typeof config.errorTypes)[number] | undefined;
    for (const o of config.errorTypes) {
      if ((await db.select().from(corrections).where(eq(corrections.errorType, o.code))).length === 0) {
        unused = o;
        break;
      }
    }
    const saved = await saveStandardsConfig({ config: { ...config, clauses: config.clauses.filter((c) => c.code !== '3'), errorTypes: config.errorTypes.filter((o) => o.code !== unused?.code) }, actorId: standards.id });
    expect(saved.changed.sort()).toEqual(unused ? ['clauses', 'errorTypes'] : ['clauses']);
    // Only what the record carries: an unused type of error goes without a word.
    expect(saved.retired).toEqual([{ list: 'clauses', code: '3', label: config.clauses.find((c) => c.code === '3')?.label, count: carrying }]);
    expect((await db.select().from(caseClauses).where(eq(caseClauses.caseId, logged.id))).map((c) => c.clause)).toEqual(['3']);
    await saveStandardsConfig({ config, actorId: standards.id });
  });
  it('a closed case takes no more notes: the desk refuses (409) and so does the database', async () => {
    const { article } = await reported();
    const logged = await logCase({ channel: 'letter', route: 'direct', complainantName: 'A', complainantContact: null, summary: 'Wrong.', articles: [{ slug: article.slug, quote: null }], clauses: [], receivedAt: new Date(), ownerId: null, actorId: standards.id });
    await addCaseNote({ caseId: logged.id, body: 'Called back.', actorId: editor.id });
    await closeCase({ caseId: logged.id, outcome: 'not_upheld', correctionId: null, note: 'Right.', actorId: standards.id });
    await expect(async () => addCaseNote({ caseId: logged.id, body: 'One more thing.', actorId: editor.id })).rejects.toThrow(expect.objectContaining({ code: 'conflict' }));
    await expect(fromDatabase(db.insert(caseNotes).values({ caseId: logged.id, authorId: editor.id, body: 'Around the desk.', at: new Date() }))).rejects.toThrow(/takes no more notes/);
    expect((await db.select().from(caseNotes).where(eq(caseNotes.caseId, logged.id))).map((n) => n.body)).toEqual(['Called back.']);
  });
  it('a date received more than ten years ago is refused beside its field', async () => {
    const { article } = await reported();
    await expect(async () => logCase({ channel: 'letter', route: 'direct', complainantName: 'A', complainantContact: null, summary: 'Wrong.', articles: [{ slug: article.slug, quote: null }], clauses: [], receivedAt: new Date('1900-01-01'), ownerId: null, actorId: standards.id })).rejects.toThrow(/ten years/);
  });
});
