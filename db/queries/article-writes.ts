// The desk's writes to articles: create, save a version (refusing lost updates), publish, withdraw.
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { ErrataError } from '../../lib/errors';
import type { ChangeKind } from '../../lib/types';
import { getDb } from '../index';
import { type Article, articles, type Version, versions, withholdings } from '../schema';
import type { Tx } from './types';
import { changeArticleStatus } from './article-status';
import { recordAudit } from './audit';
import { carryOutCorrection } from './correction-writes';
import { versionText } from './version-texts';
import { appendVersion, latestVersion } from './version-writes';
import { articleAmendedEvent } from './webhook-events';

export interface ArticleText {
  headline: string;
  standfirst: string;
  body: string;
}


export type NewArticle = ArticleText & { slug: string; section: string; byline: string; actorId: number; ip?: string; externalId?: string; canonicalUrl?: string | null; note?: string; savedAt?: Date };

export function createArticle(input: NewArticle): Article {
  return getDb().transaction((tx) => insertArticle(tx, input), { behavior: 'immediate' });
}

/** A new draft article and its first version, inside the caller's transaction. */
export function insertArticle(tx: Tx, input: NewArticle): Article {
      if (tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, input.slug)).get()) throw new ErrataError('conflict', 'That slug is already in use; choose another.', 'slug');
      const article = tx
        .insert(articles)
        .values({ slug: input.slug, section: input.section, byline: input.byline, status: 'draft', createdBy: input.actorId, externalId: input.externalId ?? null, canonicalUrl: input.canonicalUrl ?? null })
        .returning()
        .get();
      const version = appendVersion(tx, { articleId: article.id, ...pickText(input), changeKind: 'first_publication', note: input.note ?? 'First draft', savedBy: input.actorId, savedAt: input.savedAt });
      recordAudit(tx, { actorId: input.actorId, action: 'article.create', entityType: 'article', entityId: article.id, after: { slug: article.slug, section: article.section, ...(article.externalId ? { externalId: article.externalId } : {}) } });
      recordAudit(tx, { actorId: input.actorId, action: 'version.save', entityType: 'version', entityId: version.id, after: { articleId: article.id, number: 1 }, ip: input.ip });
      return article;
}

function pickText(t: ArticleText): ArticleText {
  return { headline: t.headline, standfirst: t.standfirst, body: t.body };
}

/** A version's plain text outside any transaction (the save action's stealth-edit check). */
export function getVersionText(version: { id: number; body: string }): string {
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

export function saveVersion(input: SaveVersionInput): SaveResult {
  return getDb().transaction((tx) => saveVersionIn(tx, input), { behavior: 'immediate' });
}

/** saveVersion inside the caller's transaction. */
export function saveVersionIn(tx: Tx, input: SaveVersionInput & { savedAt?: Date }): SaveResult {
      const latest = latestVersion(tx, input.articleId);
      if (!latest) throw new Error(`article ${input.articleId} has no versions`);
      if (latest.number !== input.baseNumber) return { ok: false as const, conflict: latest };
      const version = appendVersion(tx, { articleId: input.articleId, ...pickText(input), plain: input.plain, changeKind: input.changeKind, note: input.note, savedBy: input.actorId, savedAt: input.savedAt });
      recordAudit(tx, {
        actorId: input.actorId,
        action: 'version.save',
        entityType: 'version',
        entityId: version.id,
        before: { number: latest.number },
        after: { articleId: input.articleId, number: version.number, changeKind: version.changeKind, note: version.note },
        ip: input.ip,
      });
      if (input.carriesOut !== undefined) carryOutCorrection(tx, { correctionId: input.carriesOut, version, actorId: input.actorId });
      articleAmendedEvent(tx, input.articleId, version);
      if (input.withhold && input.withhold.numbers.length > 0) {
        const held = tx
          .select()
          .from(versions)
          .where(and(eq(versions.articleId, input.articleId), inArray(versions.number, input.withhold.numbers)))
          .all();
        for (const v of held) {
          tx.insert(withholdings).values({ versionId: v.id, legalVersionId: version.id, reason: input.withhold.reason }).onConflictDoNothing().run();
        }
        recordAudit(tx, {
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
export function publishArticle(input: { articleId: number; actorId: number }): Article {
  return getDb().transaction((tx) => publishArticleIn(tx, input), { behavior: 'immediate' });
}

/** publishArticle inside the caller's transaction; `at` for an import's first publication date. */
export function publishArticleIn(tx: Tx, { articleId, actorId, at }: { articleId: number; actorId: number; at?: Date }): Article {
      const before = tx.select().from(articles).where(eq(articles.id, articleId)).get();
      if (!before) throw new ErrataError('not_found', 'That article does not exist.');
      if (before.status === 'published') throw new ErrataError('conflict', 'The article is already published.');
      if (before.status === 'withdrawn') throw new ErrataError('conflict', 'The article was withdrawn; a standards editor can restore it, with a reason.');
      const latest = latestVersion(tx, articleId);
      const now = at ?? new Date();
      const { article } = changeArticleStatus(tx, {
        articleId,
        to: 'published',
        reason: null,
        actorId,
        at: now,
        set: { firstPublishedAt: now, firstPublicVersion: latest?.number ?? 1 },
      });
      recordAudit(tx, { actorId, action: 'article.publish', entityType: 'article', entityId: articleId, before: { status: before.status }, after: { status: 'published', version: latest?.number } });
      return article;
}

export function withdrawArticle({ articleId, reason, actorId }: { articleId: number; reason: string; actorId: number }): Article {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(articles).where(eq(articles.id, articleId)).get();
      if (!before) throw new ErrataError('not_found', 'That article does not exist.');
      if (before.status !== 'published') throw new ErrataError('conflict', 'Only a published article can be withdrawn.');
      const now = new Date();
      const { article } = changeArticleStatus(tx, { articleId, to: 'withdrawn', reason, actorId, at: now, set: { withdrawnAt: now, withdrawnReason: reason } });
      recordAudit(tx, { actorId, action: 'article.withdraw', entityType: 'article', entityId: articleId, before: { status: before.status }, after: { status: 'withdrawn', reason } });
      return article;
    },
    { behavior: 'immediate' },
  );
}

/** Restores a withdrawn article, with its own public reason; the withdrawal stays in the article's record. */
export function unwithdrawArticle({ articleId, reason, actorId }: { articleId: number; reason: string; actorId: number }): Article {
  return getDb().transaction(
    (tx) => {
      const before = tx.select().from(articles).where(eq(articles.id, articleId)).get();
      if (!before) throw new ErrataError('not_found', 'That article does not exist.');
      if (before.status !== 'withdrawn') throw new ErrataError('conflict', 'Only a withdrawn article can be restored.');
      const { article } = changeArticleStatus(tx, { articleId, to: 'published', reason, actorId, set: { withdrawnAt: null, withdrawnReason: null } });
      recordAudit(tx, { actorId, action: 'article.unwithdraw', entityType: 'article', entityId: articleId, before: { status: 'withdrawn', reason: before.withdrawnReason }, after: { status: 'published', reason } });
      return article;
    },
    { behavior: 'immediate' },
  );
}
