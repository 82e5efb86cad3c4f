// Articles that arrive from a CMS (PUT /api/v1/articles/{externalId}, ANS imports): one service
// that the API and `npm run import` both call. It creates the article on first sight and appends a
// version when the text changed, through the desk's own writes (insertArticle, saveVersionIn,
// publishArticleIn), in one transaction; a revision whose facts changed is saved (the CMS already
// published it) and flagged for the desk by the same stealth-edit check the desk's save runs.
import 'server-only';
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { ErrataError } from '../../lib/errors';
import { toPlainText } from '../../lib/markdown';
import type { Permission } from '../../lib/roles';
import { findSubstantiveChanges, type SubstantiveChange, versionFacts } from '../../lib/stealth-edit';
import { slugFrom } from '../../lib/ingest/slug';
import type { ChangeKind } from '../../lib/types';
import { getDb } from '../index';
import type { Article, Version } from '../schema';
import { apiTokens, articles, versionFlags, versions, withholdings } from '../tables';
import { insertArticle, publishArticleIn, saveVersionIn } from './article-writes';
import { recordAudit } from './audit';
import type { Tx } from './types';
import { versionText } from './version-texts';
import { latestVersion } from './version-writes';
import { transaction } from '../store';
import { flatMapSeries } from '../../lib/async';

export interface IncomingRevision {
  externalId: string;
  headline: string;
  standfirst: string;
  byline: string;
  section: string;
  canonicalUrl?: string | null;
  /** Markdown in the desk's dialect (lib/ingest converts HTML first). */
  body: string;
  status: 'published' | 'draft';
  changeKind: Extract<ChangeKind, 'minor_edit' | 'update' | 'clarification' | 'correction'>;
  note: string;
  acknowledgeLegalVersion?: number;
  /** When the CMS saved it (imports); now by default. */
  savedAt?: Date;
}

export interface Caller {
  actorId: number;
  /** Whether the caller may use a permission: its role table row, and for a token its scopes too. */
  allows: (permission: Permission) => boolean;
  ip?: string;
}

export interface IngestOutcome {
  outcome: 'created' | 'appended' | 'unchanged';
  article: Article;
  version: Version;
  flagged: SubstantiveChange[] | null;
}

function need(caller: Caller, permission: Permission): void {
  if (!caller.allows(permission)) throw new ErrataError('forbidden', `This token may not do that (${permission}).`);
}

/**
 * The slug of an article from a CMS is made from its external id, not its headline: a slug never
 * changes, and a headline may later be withheld by a legal version.
 */
async function uniqueSlug(tx: Tx, externalId: string): Promise<string> {
  const base = slugFrom(externalId, externalId);
  for (let n = 1; n < 1000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.select({ id: articles.id }).from(articles).where(eq(articles.slug, slug)).limit(1))[0]) return slug;
  }
  throw new ErrataError('conflict', 'No free slug for this headline.');
}

/**
 * After a legal version the desk made, the CMS's copy may still carry the withheld words: a new
 * revision is refused until the CMS says (acknowledgeLegalVersion) that it was made after it.
 */
async function checkLegalVersion(tx: Tx, articleId: number, acknowledged: number | undefined): Promise<void> {
  const legal = (await tx
    .select({ number: versions.number })
    .from(versions)
    .where(and(eq(versions.articleId, articleId), eq(versions.changeKind, 'legal')))
    .orderBy(desc(versions.number))
    .limit(1))[0];
  if (!legal) return;
  const tokenAccounts = tx.select({ id: apiTokens.actorId }).from(apiTokens);
  const since = (await tx
    .select({ id: versions.id })
    .from(versions)
    .where(and(eq(versions.articleId, articleId), gt(versions.number, legal.number), inArray(versions.savedBy, tokenAccounts)))
    .limit(1))[0];
  if (since || acknowledged === legal.number) return;
  throw new ErrataError(
    'conflict',
    `Version ${legal.number} is a legal version: the desk withheld earlier text from readers. Remove those words from your CMS's copy, then send this revision again with "acknowledgeLegalVersion": ${legal.number}.`,
    'acknowledgeLegalVersion',
  );
}

/**
 * Text as words only, for telling whether withheld words came back: compatibility forms folded,
 * lower case, invisible format characters (soft hyphens, joiners, direction marks) dropped,
 * punctuation and spacing to single spaces.
 */
function foldWords(text: string): string {
  return ` ${text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{Cf}\u00ad]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/** A version's text cut into sentences (and its headline and standfirst, whole), folded to words; short ones (under five words) left out, so a common phrase does not block a revision. */
function sentencesOf(facts: string): string[] {
  return facts
    .split(/(?<=[.!?…])\s+|\n+/)
    .map(foldWords)
    .filter((s) => s.trim().split(' ').length >= 5);
}

/**
 * Whether the revision carries words a legal version withheld from readers: any sentence of a
 * withheld version that no readable version has. The CMS's copy may still hold them, however it
 * acknowledged the legal version; such a revision is refused, never published again.
 */
async function carriedWithheldVersion(tx: Tx, articleId: number, incoming: string, headline: string): Promise<number | null> {
  const all = await tx.select().from(versions).where(eq(versions.articleId, articleId));
  const held = new Set((await tx.select({ id: withholdings.versionId }).from(withholdings).where(inArray(withholdings.versionId, all.map((v) => v.id)))).map((w) => w.id));
  if (held.size === 0) return null;
  const facts = async (v: Version) => versionFacts(v, await versionText(tx, v));
  const readable = new Set(await flatMapSeries(all.filter((v) => !held.has(v.id)), async (v) => sentencesOf(await facts(v))));
  const text = foldWords(incoming);
  // A withheld headline, however short, never comes back as the headline.
  const readableHeadlines = new Set(all.filter((v) => !held.has(v.id)).map((v) => foldWords(v.headline)));
  for (const v of all.filter((x) => held.has(x.id))) {
    if (!readableHeadlines.has(foldWords(v.headline)) && foldWords(headline) === foldWords(v.headline)) return v.number;
  }
  for (const v of all.filter((x) => held.has(x.id))) {
    if (sentencesOf(await facts(v)).some((s) => !readable.has(s) && text.includes(s))) return v.number;
  }
  return null;
}

function sameText(v: Version, r: IncomingRevision): boolean {
  return v.headline === r.headline && v.standfirst === r.standfirst && v.body === r.body;
}

/** Creates or revises one article from a CMS revision, in the caller's transaction. */
export async function ingestRevisionIn(tx: Tx, caller: Caller, r: IncomingRevision): Promise<IngestOutcome> {
  if (r.body.trim() === '') throw new ErrataError('invalid', 'The body has no text once converted.', 'body');
  const existing = (await tx.select().from(articles).where(eq(articles.externalId, r.externalId)).limit(1))[0];
  if (!existing) {
    need(caller, 'article.create');
    if (r.status === 'published') need(caller, 'article.publish');
    let article = await insertArticle(tx, {
      slug: await uniqueSlug(tx, r.externalId),
      section: r.section,
      byline: r.byline,
      headline: r.headline,
      standfirst: r.standfirst,
      body: r.body,
      externalId: r.externalId,
      canonicalUrl: r.canonicalUrl ?? null,
      note: r.note || 'Received from the CMS',
      actorId: caller.actorId,
      ip: caller.ip,
      savedAt: r.savedAt,
    });
    if (r.status === 'published') article = await publishArticleIn(tx, { articleId: article.id, actorId: caller.actorId, at: r.savedAt });
    const version = (await latestVersion(tx, article.id)) as Version;
    return { outcome: 'created', article, version, flagged: null };
  }
  if (existing.status === 'withdrawn') throw new ErrataError('conflict', 'This article was withdrawn on the desk; a standards editor must restore it before it takes new versions.');
  let article = existing;
  if ((r.canonicalUrl ?? null) !== null && r.canonicalUrl !== article.canonicalUrl) {
    article = (await tx.update(articles).set({ canonicalUrl: r.canonicalUrl }).where(eq(articles.id, article.id)).returning())[0];
    await recordAudit(tx, { actorId: caller.actorId, action: 'article.canonical_url', entityType: 'article', entityId: article.id, before: { canonicalUrl: existing.canonicalUrl }, after: { canonicalUrl: r.canonicalUrl } });
  }
  const latest = (await latestVersion(tx, article.id)) as Version;
  let outcome: IngestOutcome = { outcome: 'unchanged', article, version: latest, flagged: null };
  if (!sameText(latest, r)) {
    need(caller, `version.${r.changeKind}`);
    await checkLegalVersion(tx, article.id, r.acknowledgeLegalVersion);
    const plain = toPlainText(r.body);
    // The note is public too (the history page): it is checked with the text.
    const withheld = await carriedWithheldVersion(tx, article.id, `${versionFacts(r, plain)}\n\n${r.note}`, r.headline);
    if (withheld !== null) {
      throw new ErrataError('conflict', `This revision still carries words of version ${withheld}, which a legal version withheld from readers. Remove them from your CMS's copy and send it again; nothing was saved.`, 'body');
    }
    const changes = article.status === 'published' ? findSubstantiveChanges(versionFacts(latest, await versionText(tx, latest)), versionFacts(r, plain)) : [];
    const saved = await saveVersionIn(tx, {
      articleId: article.id,
      baseNumber: latest.number,
      headline: r.headline,
      standfirst: r.standfirst,
      body: r.body,
      plain,
      changeKind: r.changeKind,
      note: r.note || 'Revision received from the CMS',
      actorId: caller.actorId,
      ip: caller.ip,
      savedAt: r.savedAt,
    });
    if (!saved.ok) throw new ErrataError('conflict', 'Another revision arrived at the same moment; send this one again.');
    if (changes.length > 0) {
      await tx.insert(versionFlags).values({ versionId: saved.version.id, articleId: article.id, changes: JSON.stringify(changes) });
      await recordAudit(tx, { actorId: caller.actorId, action: 'version.flag', entityType: 'version', entityId: saved.version.id, after: { articleId: article.id, number: saved.version.number, changes: changes.length } });
    }
    outcome = { outcome: 'appended', article, version: saved.version, flagged: changes.length > 0 ? changes : null };
  }
  if (r.status === 'published' && article.status === 'draft') {
    need(caller, 'article.publish');
    outcome = { ...outcome, article: await publishArticleIn(tx, { articleId: article.id, actorId: caller.actorId, at: r.savedAt }), outcome: outcome.outcome === 'unchanged' ? 'appended' : outcome.outcome };
  }
  return outcome;
}

export async function ingestRevision(caller: Caller, r: IncomingRevision): Promise<IngestOutcome> {
  return await transaction(getDb(), async (tx) => ingestRevisionIn(tx, caller, r));
}
