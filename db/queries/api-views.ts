// What the API answers about articles and corrections. A token is a desk credential, so it sees
// its newsroom's drafts too; but the text of a version withheld for a legal reason is never in an
// answer (its number, kind and date are), as on every other surface.
import 'server-only';
import { and, asc, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { ArticleOut, CorrectionOut, VersionDetail, VersionSummary } from '../../lib/api/schemas';
import { getDb } from '../index';
import type { Article, Correction, Version } from '../schema';
import { articles, corrections, versionFlags, versions, withholdings } from '../tables';
import { getSettings } from './settings';

type VersionRow = Version & { withheld: boolean; flagged: boolean };

/** The public address: always an origin with no trailing slash (lib/site-url, lib/settings). */
const site = async (): Promise<string> => (await getSettings()).siteUrl;

async function versionRows(articleId: number, number?: number): Promise<VersionRow[]> {
  const db = getDb();
  const rows = await db
    .select()
    .from(versions)
    .where(number === undefined ? eq(versions.articleId, articleId) : and(eq(versions.articleId, articleId), eq(versions.number, number)))
    .orderBy(asc(versions.number));
  if (rows.length === 0) return [];
  const ids = rows.map((v) => v.id);
  const held = new Set((await db.select({ id: withholdings.versionId }).from(withholdings).where(inArray(withholdings.versionId, ids))).map((r) => r.id));
  const flagged = new Set((await db.select({ id: versionFlags.versionId }).from(versionFlags).where(inArray(versionFlags.versionId, ids))).map((r) => r.id));
  return rows.map((v) => ({ ...v, withheld: held.has(v.id), flagged: flagged.has(v.id) }));
}

function summary(v: VersionRow): z.infer<typeof VersionSummary> {
  return {
    number: v.number,
    changeKind: v.changeKind,
    // A legal version's note is the desk's; a withheld version's headline is its text.
    note: v.changeKind === 'legal' ? null : v.note,
    savedAt: v.savedAt.toISOString(),
    headline: v.withheld ? null : v.headline,
    withheld: v.withheld,
    flagged: v.flagged,
  };
}

function detail(v: VersionRow): z.infer<typeof VersionDetail> {
  return { ...summary(v), standfirst: v.withheld ? null : v.standfirst, body: v.withheld ? null : v.body };
}

export async function correctionOut(c: Correction, article: Pick<Article, 'slug' | 'externalId'>): Promise<z.infer<typeof CorrectionOut>> {
  const shown = c.status !== 'draft';
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    wording: c.wording,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    url: shown ? `${await site()}/articles/${article.slug}#notice-${c.id}` : null,
    annotation: c.status === 'published' ? `${await site()}/api/v1/corrections/${c.id}/annotation` : null,
    article: { externalId: article.externalId, slug: article.slug },
  };
}

async function articleHead(a: Article) {
  return {
    externalId: a.externalId,
    slug: a.slug,
    status: a.status,
    section: a.section,
    byline: a.byline,
    canonicalUrl: a.canonicalUrl,
    url: `${await site()}/articles/${a.slug}`,
    firstPublishedAt: a.firstPublishedAt?.toISOString() ?? null,
  };
}

export async function getApiArticle(externalId: string): Promise<Article | undefined> {
  return (await getDb().select().from(articles).where(eq(articles.externalId, externalId)).limit(1))[0];
}

export async function apiArticleView(a: Article): Promise<z.infer<typeof ArticleOut>> {
  const rows = await versionRows(a.id);
  const current = [...rows].reverse().find((v) => !v.withheld) ?? null;
  const fixes = await getDb()
    .select()
    .from(corrections)
    .where(and(eq(corrections.articleId, a.id), ne(corrections.status, 'draft')))
    .orderBy(asc(corrections.id));
  return { ...await articleHead(a), current: current ? detail(current) : null, versions: rows.map(summary), corrections: await Promise.all(fixes.map((c) => correctionOut(c, a))) };
}

export async function apiVersionView(a: Article, number: number): Promise<z.infer<typeof VersionDetail> | undefined> {
  const [row] = await versionRows(a.id, number);
  return row ? detail(row) : undefined;
}

/** Articles newest first, a page at a time (keyset on id). */
export async function listApiArticles({ limit, cursor }: { limit: number; cursor?: number }) {
  const rows = await getDb()
    .select()
    .from(articles)
    .where(cursor ? lt(articles.id, cursor) : undefined)
    .orderBy(desc(articles.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: await Promise.all(page.map(articleHead)), next: rows.length > limit ? String(page[page.length - 1].id) : null };
}

/** Published and withdrawn corrections newest first (keyset on id). */
export async function listApiCorrections({ limit, cursor }: { limit: number; cursor?: number }) {
  const rows = await getDb()
    .select({ c: corrections, slug: articles.slug, externalId: articles.externalId })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(and(ne(corrections.status, 'draft'), cursor ? lt(corrections.id, cursor) : undefined))
    .orderBy(desc(corrections.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { items: await Promise.all(page.map((r) => correctionOut(r.c, r))), next: rows.length > limit ? String(page[page.length - 1].c.id) : null };
}

export async function getApiCorrection(id: number): Promise<{ correction: Correction; article: Article } | undefined> {
  const row = (await getDb().select({ correction: corrections, article: articles }).from(corrections).innerJoin(articles, eq(articles.id, corrections.articleId)).where(eq(corrections.id, id)).limit(1))[0];
  return row && row.correction.status !== 'draft' ? row : undefined;
}
