// Importing stories from an interchange format (Arc XP ANS, lib/ingest/ans.ts): each story's
// revisions become versions through the ingestion service, oldest first, and its correction
// elements become published corrections with their kind and date. One transaction per story, so
// a story is imported whole or not at all; importing the same file again changes nothing.
import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { ErrataError } from '../../lib/errors';
import { hasHiddenCharacters, hiddenCharactersMessage } from '../../lib/limits';
import { convertBody } from '../../lib/ingest/convert';
import { type ImportedStory, parseAnsDocument } from '../../lib/ingest/ans';
import { ExternalId } from '../../lib/api/schemas';
import { getDb } from '../index';
import type { Version } from '../schema';
import { articles, corrections, versionFlags, versions } from '../tables';
import { recordAudit } from './audit';
import { publishedAttribution } from './correction-exposure';
import { type Caller, ingestRevisionIn, type IngestOutcome } from './ingest';
import type { Tx } from './types';
import { latestVersion } from './version-writes';
import { transaction } from '../store';

export interface StoryOutcome {
  externalId: string;
  outcome: IngestOutcome['outcome'];
  versions: number;
  corrections: number;
}

export interface ImportReport {
  stories: StoryOutcome[];
  errors: { path: string; message: string }[];
}

/** A CMS's clock may run a little ahead of ours; a revision from later than this is refused. */
const CLOCK_SKEW_MS = 5 * 60_000;

async function importStory(tx: Tx, caller: Caller, story: ImportedStory): Promise<StoryOutcome> {
  if (!ExternalId.safeParse(story.externalId).success) throw new ErrataError('invalid', `“${story.externalId.slice(0, 60)}” cannot be an external id: use 1–128 letters, digits, dots, dashes, colons or underscores.`);
  for (const r of story.revisions) {
    for (const [field, value] of [['headline', r.headline], ['standfirst', r.standfirst], ['byline', r.byline], ['section', r.section]] as const) {
      if (hasHiddenCharacters(value, { lines: true })) throw new ErrataError('invalid', hiddenCharactersMessage(field));
    }
  }
  const now = Date.now();
  const late = story.revisions.find((r) => new Date(r.savedAt).getTime() > now + CLOCK_SKEW_MS);
  if (late) throw new ErrataError('invalid', `A revision is dated ${late.savedAt}, in the future: nothing of this story was imported.`);
  // An imported correction is published as printed only by a caller who may publish corrections
  // (an admin at the shell); a token's arrive as drafts, for a standards editor to review and publish.
  const publish = caller.allows('correction.publish');
  const existing = (await tx.select().from(articles).where(eq(articles.externalId, story.externalId)).limit(1))[0];
  const seenUntil = existing ? ((await latestVersion(tx, existing.id))?.savedAt.getTime() ?? 0) : -Infinity;
  let outcome: IngestOutcome['outcome'] = 'unchanged';
  let added = 0;
  let articleId = existing?.id;
  for (const r of story.revisions) {
    const savedAt = new Date(r.savedAt);
    // A revision older than what Errata already holds was imported before (or is out of date).
    if (savedAt.getTime() <= seenUntil) continue;
    const body = convertBody(r.bodyHtml, 'html');
    const carriesCorrection = story.corrections.some((c) => c.date !== null && c.date === r.savedAt);
    const result = await ingestRevisionIn(tx, caller, {
      externalId: story.externalId,
      headline: r.headline,
      standfirst: r.standfirst,
      byline: r.byline,
      section: r.section,
      // ANS often gives a path on the CMS's own site; only a full address means anything here.
      canonicalUrl: r.canonicalUrl && /^https?:\/\//i.test(r.canonicalUrl) ? r.canonicalUrl : null,
      body: body.markdown,
      status: 'published',
      changeKind: carriesCorrection ? 'correction' : 'update',
      note: [r.revisionId ? `Imported from ANS revision ${r.revisionId}` : 'Imported from ANS', ...r.notes, ...body.notes].join(' ').slice(0, 500),
      savedAt,
    });
    articleId = result.article.id;
    if (result.outcome !== 'unchanged') {
      added += 1;
      outcome = outcome === 'created' ? 'created' : result.outcome;
    }
  }
  if (articleId === undefined) throw new ErrataError('invalid', `Story ${story.externalId} has no revision to import.`);
  const all = await tx.select().from(versions).where(eq(versions.articleId, articleId)).orderBy(asc(versions.number));
  let fixes = 0;
  for (const c of story.corrections) {
    const wording = c.text.trim();
    if ((await tx.select({ id: corrections.id }).from(corrections).where(and(eq(corrections.articleId, articleId), eq(corrections.wording, wording))).limit(1))[0]) continue;
    // Never before the article's first version, never after now.
    const given = c.date ? new Date(c.date).getTime() : all[all.length - 1].savedAt.getTime();
    const at = new Date(Math.min(Math.max(given, all[0].savedAt.getTime()), now));
    // The correction stands against the version it was printed with: the first saved at or after its date.
    const base: Version = all.find((v) => v.savedAt.getTime() >= at.getTime()) ?? all[all.length - 1];
    const row = publish
      ? (await tx
          .insert(corrections)
          .values({ articleId, kind: c.kind, mode: 'notice', wording, status: 'published', baseVersionId: base.id, draftedBy: caller.actorId, draftedAt: at, updatedAt: at, publishedBy: caller.actorId, publishedAt: at, ...await publishedAttribution(tx, articleId) })
          .returning())[0]
      : (await tx
          .insert(corrections)
          .values({ articleId, kind: c.kind, mode: 'notice', wording, status: 'draft', baseVersionId: base.id, draftedBy: caller.actorId, draftedAt: new Date(now), updatedAt: new Date(now) })
          .returning())[0];
    if (!publish) {
      await recordAudit(tx, { actorId: caller.actorId, action: 'correction.draft', entityType: 'correction', entityId: row.id, after: { articleId, kind: c.kind, printed: at.toISOString(), source: 'ans', externalId: c.externalId } });
      fixes += 1;
      continue;
    }
    // The printed correction covers the revision it came with: its stealth-edit flag is resolved by it.
    const flag = (await tx.select().from(versionFlags).where(and(eq(versionFlags.versionId, base.id), isNull(versionFlags.resolvedAt))).limit(1))[0];
    if (flag) await tx.update(versionFlags).set({ resolvedAt: at, resolvedBy: caller.actorId, resolution: 'Covered by the correction imported with it.', correctionId: row.id }).where(eq(versionFlags.id, flag.id));
    await recordAudit(tx, { actorId: caller.actorId, action: 'correction.import', entityType: 'correction', entityId: row.id, after: { articleId, kind: c.kind, publishedAt: at.toISOString(), source: 'ans', externalId: c.externalId } });
    fixes += 1;
  }
  if (outcome === 'unchanged' && fixes > 0) outcome = 'appended';
  return { externalId: story.externalId, outcome, versions: added, corrections: fixes };
}

/**
 * How each story's transaction is run: by default as it is; the API's route passes one that records
 * the cache invalidation for the story's article in the same transaction (app/(cache)/invalidate.ts).
 */
export type StoryCommit = <T>(write: () => Promise<T>, articleIdOf: (result: T) => number | null) => Promise<T>;

/** Imports every story of an ANS document the caller may import; refusals are reported per story. */
export async function importAns(caller: Caller, document: unknown, commit: StoryCommit = (write) => write()): Promise<ImportReport & { articleIds: number[] }> {
  if (!caller.allows('article.create')) throw new ErrataError('forbidden', 'This token may not create articles.');
  const parsed = parseAnsDocument(document);
  const report: ImportReport & { articleIds: number[] } = { stories: [], errors: [...parsed.errors], articleIds: [] };
  for (const [i, story] of parsed.stories.entries()) {
    try {
      const imported = await commit(
        () =>
          transaction(getDb(), async (tx) => {
            const result = await importStory(tx, caller, story);
            const id = (await tx.select({ id: articles.id }).from(articles).where(eq(articles.externalId, story.externalId)).limit(1))[0]?.id ?? null;
            return { result, id };
          }),
        ({ id }) => id,
      );
      report.stories.push(imported.result);
      if (imported.id) report.articleIds.push(imported.id);
    } catch (error) {
      if (!(error instanceof ErrataError)) throw error;
      report.errors.push({ path: `stories[${i}] (${story.externalId})`, message: error.message });
    }
  }
  return report;
}
