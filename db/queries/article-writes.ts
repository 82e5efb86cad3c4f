// The desk's writes to articles: create, save a version (refusing lost updates), publish, withdraw.
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { ErrataError } from '../../lib/errors';
import type { ChangeKind } from '../../lib/types';
import { getDb } from '../index';
import type { Article, Version } from '../schema';
import { articles, versions, withholdings } from '../tables';
import type { Tx } from './types';
import { changeArticleStatus } from './article-status';
import { recordAudit } from './audit';
import { carryOutCorrection } from './correction-writes';
import { versionText } from './version-texts';
import { appendVersion, latestVersion } from './version-writes';
import { articleAmendedEvent } from './webhook-events';
import { transaction } from '../store';

export interface ArticleText {
  headline: string;
  standfirst: string;
  body: string;
}


export type NewArticle = ArticleText & { slug: string; section: string; byline: string; actorId: number; ip?: string; externalId?: string; canonicalUrl?: string | null; note?: string; savedAt?: Date };

export async function createArticle(input: NewArticle): Promise<Article> {
  return await transaction(getDb(), async (tx) => insertArticle(tx, input));
}

/** A new draft article and its first version, inside the caller's transaction. */
export async function insertArticle(tx: Tx, input: NewArticle): Promise<Article> {
      if ((await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, input.slug)).limit(1))[0]) throw new ErrataError('conflict', 'That slug is already in use; choose another.', 'slug');
      const article = (await tx
        .insert(articles)
        .values({ slug: input.slug, section: input.section, byline: input.byline, status: 'draft', createdBy: input.actorId, externalId: input.externalId ?? null, canonicalUrl: input.canonicalUrl ?? null })
        .returning())[0];
      const version = await appendVersion(tx, { articleId: article.id, ...pickText(input), changeKind: 'first_publication', note: input.note ?? 'First draft', savedBy: input.actorId, savedAt: input.savedAt });
      await recordAudit(tx, { actorId: input.actorId, action: 'article.create', entityType: 'article', entityId: article.id, after: { slug: article.slug, section: article.section, ...(article.externalId ? { externalId: article.externalId } : {}) } });
      await recordAudit(tx, { actorId: input.actorId, action: 'version.save', entityType: 'version', entityId: version.id, after: { articleId: article.id, number: 1 }, ip: input.ip });
      return article;
}

function pickText(t: ArticleText): ArticleText {
  return { headline: t.headline, standfirst: t.standfirst, body: t.body };
}

/** A version's plain text outside any transaction (the save action's stealth-edit check). */
export async function getVersionText(version: { id: number; body: string }): Promise<string> {
  return versionText(getDb(), version);
}

export type SaveResult = { ok: true; version: Version } | { ok: false; conflict: Version };

export interface SaveVersionInput extends ArticleText {
  articleId: number;
  /** The version number the editor started from: saving over a newer one is refused. */
  baseNumber: number;
  changeKind: ChangeKind;
  note: string;
  actorId: number;
  ip?: string;
  /** For a legal version: the earlier versions whose text is withheld from readers. */
  withhold?: { numbers: number[]; reason: string };
  /** The body's plain text, when the caller already worked it out (it must be toPlainText(body)). */
  plain?: string;
  /** The published correction this edit carries out (its amendment); refused, with nothing saved, when it cannot. */
  carriesOut?: number;
}

export async function saveVersion(input: SaveVersionInput): Promise<SaveResult> {
  return await transaction(getDb(), async (tx) => saveVersionIn(tx, input));
}

/** saveVersion inside the caller's transaction. */
export async function saveVersionIn(tx: Tx, input: SaveVersionInput & { savedAt?: Date }): Promise<SaveResult> {
      const latest = await latestVersion(tx, input.articleId);
      if (!latest) throw new Error(`article ${input.articleId} has no versions`);
      if (latest.number !== input.baseNumber) return { ok: false as const, conflict: latest };
      const version = await appendVersion(tx, { articleId: input.articleId, ...pickText(input), plain: input.plain, changeKind: input.changeKind, note: input.note, savedBy: input.actorId, savedAt: input.savedAt });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: 'version.save',
        entityType: 'version',
        entityId: version.id,
        before: { number: latest.number },
        after: { articleId: input.articleId, number: version.number, changeKind: version.changeKind, note: version.note },
        ip: input.ip,
      });
      if (input.carriesOut !== undefined) await carryOutCorrection(tx, { correctionId: input.carriesOut, version, actorId: input.actorId });
      await articleAmendedEvent(tx, input.articleId, version);
      if (input.withhold && input.withhold.numbers.length > 0) {
        const held = await tx
          .select()
          .from(versions)
          .where(and(eq(versions.articleId, input.articleId), inArray(versions.number, input.withhold.numbers)));
        for (const v of held) {
          await tx.insert(withholdings).values({ versionId: v.id, legalVersionId: version.id, reason: input.withhold.reason }).onConflictDoNothing();
        }
        await recordAudit(tx, {
          actorId: input.actorId,
          action: 'version.withhold',
          entityType: 'article',
          entityId: input.articleId,
          after: { numbers: held.map((v) => v.number), reason: input.withhold.reason, legalVersion: version.number },
        });
      }
      return { ok: true as const, version };
}


/** First publication of a draft. A withdrawn article is not published again: it is restored (unwithdrawArticle). */
export async function publishArticle(input: { articleId: number; actorId: number }): Promise<Article> {
  return await transaction(getDb(), async (tx) => publishArticleIn(tx, input));
}

/** publishArticle inside the caller's transaction; `at` for an import's first publication date. */
export async function publishArticleIn(tx: Tx, { articleId, actorId, at }: { articleId: number; actorId: number; at?: Date }): Promise<Article> {
      const before = (await tx.select().from(articles).where(eq(articles.id, articleId)).limit(1))[0];
      if (!before) throw new ErrataError('not_found', 'That article does not exist.');
      if (before.status === 'published') throw new ErrataError('conflict', 'The article is already published.');
      if (before.status === 'withdrawn') throw new ErrataError('conflict', 'The article was withdrawn; a standards editor can restore it, with a reason.');
      const latest = await latestVersion(tx, articleId);
      const now = at ?? new Date();
      const { article } = await changeArticleStatus(tx, {
        articleId,
        to: 'published',
        reason: null,
        actorId,
        at: now,
        set: { firstPublishedAt: now, firstPublicVersion: latest?.number ?? 1 },
      });
      await recordAudit(tx, { actorId, action: 'article.publish', entityType: 'article', entityId: articleId, before: { status: before.status }, after: { status: 'published', version: latest?.number } });
      return article;
}

export async function withdrawArticle({ articleId, reason, actorId }: { articleId: number; reason: string; actorId: number }): Promise<Article> {
  return await transaction(getDb(), async (tx) => {
      const before = (await tx.select().from(articles).where(eq(articles.id, articleId)).limit(1))[0];
      if (!before) throw new ErrataError('not_found', 'That article does not exist.');
      if (before.status !== 'published') throw new ErrataError('conflict', 'Only a published article can be withdrawn.');
      const now = new Date();
      const { article } = await changeArticleStatus(tx, { articleId, to: 'withdrawn', reason, actorId, at: now, set: { withdrawnAt: now, withdrawnReason: reason } });
      await recordAudit(tx, { actorId, action: 'article.withdraw', entityType: 'article', entityId: articleId, before: { status: before.status }, after: { status: 'withdrawn', reason } });
      return article;
    });
}

/** Restores a withdrawn article, with its own public reason; the withdrawal stays in the article's record. */
export async function unwithdrawArticle({ articleId, reason, actorId }: { articleId: number; reason: string; actorId: number }): Promise<Article> {
  return await transaction(getDb(), async (tx) => {
      const before = (await tx.select().from(articles).where(eq(articles.id, articleId)).limit(1))[0];
      if (!before) throw new ErrataError('not_found', 'That article does not exist.');
      if (before.status !== 'withdrawn') throw new ErrataError('conflict', 'Only a withdrawn article can be restored.');
      const { article } = await changeArticleStatus(tx, { articleId, to: 'published', reason, actorId, set: { withdrawnAt: null, withdrawnReason: null } });
      await recordAudit(tx, { actorId, action: 'article.unwithdraw', entityType: 'article', entityId: articleId, before: { status: 'withdrawn', reason: before.withdrawnReason }, after: { status: 'published', reason } });
      return article;
    });
}
