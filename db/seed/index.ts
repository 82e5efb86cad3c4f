// Seeds the demo newsroom into an empty database, through the same write paths the desk uses.
import { eq } from 'drizzle-orm';
import { createAnchor } from '../../lib/anchoring';
import { hashPasswordSync } from '../../lib/auth/passwords';
import { toPlainText } from '../../lib/markdown';
import type { Db } from '../connection';
import { changeArticleStatus } from '../queries/article-status';
import { recordAudit } from '../queries/audit';
import { claimsExposedFrom, publishedAttribution } from '../queries/correction-exposure';
import type { Tx } from '../queries/types';
import { appendVersion } from '../queries/version-writes';
import type { Claim, Version } from '../schema';
import { articles, claims, corrections, settings, users } from '../tables';
import { seedCase, type SeededArticle } from './cases';
import { DEMO_PASSWORD } from './password';
import type { DemoArticle, DemoNewsroom } from './types';
import { transaction } from '../store';
import { mapSeries } from '../../lib/async';

const HOUR = 3_600_000;

async function seedArticle(tx: Tx, article: DemoArticle, userIds: Map<string, number>): Promise<SeededArticle> {
  const first = new Date(article.firstPublishedAt);
  const userId = (email: string) => {
    const id = userIds.get(email);
    if (id === undefined) throw new Error(`demo content names an unknown user: ${email}`);
    return id;
  };
  const row = (await tx
    .insert(articles)
    .values({
      slug: article.slug,
      section: article.section,
      byline: article.byline,
      status: 'draft',
      createdBy: userId(article.versions[0].savedBy),
      externalId: article.externalId ?? null,
      canonicalUrl: article.canonicalUrl ?? null,
    })
    .returning())[0];

  const saved: Version[] = await mapSeries(article.versions, async (v) => {
    const version = await appendVersion(tx, {
      articleId: row.id,
      headline: v.headline,
      standfirst: v.standfirst,
      body: v.body,
      changeKind: v.changeKind,
      note: v.note,
      savedBy: userId(v.savedBy),
      savedAt: new Date(first.getTime() + v.hoursAfterFirst * HOUR),
    });
    await recordAudit(tx, { actorId: version.savedBy, action: 'version.save', entityType: 'version', entityId: version.id, after: { articleId: row.id, number: version.number }, at: version.savedAt });
    return version;
  });

  // Status changes go on the record as they do on the desk: published, then perhaps withdrawn.
  if (article.status !== 'draft') {
    const by = userId(article.versions[0].savedBy);
    await changeArticleStatus(tx, { articleId: row.id, to: 'published', reason: null, actorId: by, at: first, set: { firstPublishedAt: first, firstPublicVersion: 1 } });
    if (article.status === 'withdrawn') {
      const at = new Date(first.getTime() + 72 * HOUR);
      const reason = 'Withdrawn after the claims in it could not be stood up.';
      await changeArticleStatus(tx, { articleId: row.id, to: 'withdrawn', reason, actorId: by, at, set: { withdrawnAt: at, withdrawnReason: reason } });
    }
  }

  const seeded: SeededArticle = { id: row.id, versions: saved, corrections: [] };
  for (const c of article.corrections) {
    const base = saved[c.claims[0].version - 1];
    const draftedAt = c.draftedHoursAfterFirst === undefined ? new Date(base.savedAt.getTime() + HOUR) : new Date(first.getTime() + c.draftedHoursAfterFirst * HOUR);
    const correction = (await tx
      .insert(corrections)
      .values({
        articleId: row.id,
        kind: c.kind,
        mode: c.mode,
        wording: c.wording,
        status: 'draft',
        errorType: c.taxonomy?.errorType ?? null,
        errorCause: c.taxonomy?.errorCause ?? null,
        foundBy: c.taxonomy?.foundBy ?? null,
        baseVersionId: base.id,
        draftedBy: userId(c.draftedBy),
        draftedAt,
        updatedAt: draftedAt,
      })
      .returning())[0];
    seeded.corrections.push({ id: correction.id, draftedAt, publishedAt: null });
    const inserted: Claim[] = [];
    for (const [position, claim] of c.claims.entries()) {
      const version = saved[claim.version - 1];
      const text = toPlainText(version.body);
      const start = text.indexOf(claim.exact);
      if (start < 0 || text.indexOf(claim.exact, start + 1) >= 0) {
        throw new Error(`demo claim "${claim.exact}" must occur once in ${article.slug} v${claim.version}`);
      }
      const anchor = createAnchor(text, start, start + claim.exact.length);
      inserted.push(
        (await tx
          .insert(claims)
          .values({ correctionId: correction.id, versionId: version.id, ...anchor.quote, start: anchor.start, end: anchor.end, replacement: claim.replacement ?? null, position })
          .returning())[0],
      );
    }
    if (c.status === 'draft') continue;
    const publishedAt = new Date(first.getTime() + (c.publishedHoursAfterFirst ?? 0) * HOUR);
    const amended = c.amendedInVersion ? saved[c.amendedInVersion - 1] : undefined;
    // Exposure as publishing records it: from the first public version that carried the words.
    const exposedFrom = await claimsExposedFrom(tx, row.id, inserted);
    await tx.update(corrections)
      .set({ status: 'published', publishedBy: userId(c.publishedBy ?? ''), publishedAt, amendedVersionId: amended?.id ?? null, updatedAt: publishedAt, exposedFrom, ...await publishedAttribution(tx, row.id) })
      .where(eq(corrections.id, correction.id));
    seeded.corrections[seeded.corrections.length - 1].publishedAt = publishedAt;
    await recordAudit(tx, { actorId: userId(c.publishedBy ?? ''), action: 'correction.publish', entityType: 'correction', entityId: correction.id, at: publishedAt, after: { status: 'published', ...c.taxonomy } });
    if (c.status === 'withdrawn') {
      const withdrawnAt = new Date(publishedAt.getTime() + 24 * HOUR);
      await tx.update(corrections)
        .set({ status: 'withdrawn', withdrawnAt, withdrawnBy: userId(c.publishedBy ?? ''), withdrawnReason: c.withdrawnReason ?? 'Withdrawn.', updatedAt: withdrawnAt })
        .where(eq(corrections.id, correction.id));
      await recordAudit(tx, { actorId: userId(c.publishedBy ?? ''), action: 'correction.withdraw', entityType: 'correction', entityId: correction.id, at: withdrawnAt });
    }
  }
  return seeded;
}

export async function seedDemoNewsroom(db: Db, content: DemoNewsroom): Promise<void> {
  const passwordHash = hashPasswordSync(DEMO_PASSWORD);
  await transaction(db, async (tx) => {
    await tx.update(settings).set(content.settings).where(eq(settings.id, 1));
    const userIds = new Map<string, number>();
    for (const u of content.users) {
      const row = (await tx.insert(users).values({ ...u, passwordHash }).returning())[0];
      userIds.set(u.email, row.id);
    }
    const seeded = new Map<string, SeededArticle>();
    for (const article of content.articles) seeded.set(article.slug, await seedArticle(tx, article, userIds));
    // The casebook, oldest complaint first: reader reports open theirs as the article page's do.
    const byTime = [...content.cases].sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
    for (const c of byTime) await seedCase(tx, c, seeded, userIds);
  });
}
