// The desk's writes to corrections: drafting, editing a draft, publishing (one transaction with any
// amending version and its audit event), and withdrawal. A published correction is never edited.
import 'server-only';
import { asc, eq, and } from 'drizzle-orm';
import { createAnchor, locateClaim } from '../../lib/anchoring';
import { ErrataError } from '../../lib/errors';
import { replacePlainSpan } from '../../lib/markdown';
import type { CorrectionKind, CorrectionMode } from '../../lib/types';
import { type StandardsConfig, TAXONOMY_FIELDS, TAXONOMY_LABELS, TAXONOMY_LISTS, type Taxonomy } from '../../lib/standards/config';
import { getDb } from '../index';
import { getStandardsConfig } from './cases';
import type { Claim, Correction, Version } from '../schema';
import { claims, corrections, versions } from '../tables';
import { recordAudit } from './audit';
import { claimsExposedFrom, publishedAttribution } from './correction-exposure';
import type { Tx } from './types';
import { chainTexts, versionText } from './version-texts';
import { appendVersion, latestVersion } from './version-writes';
import { articleAmendedEvent, correctionEvent } from './webhook-events';
import { transaction } from '../store';

export interface ClaimInput {
  start: number;
  end: number;
  replacement?: string | null;
}

export interface DraftInput {
  kind: CorrectionKind;
  mode: CorrectionMode;
  wording: string;
  /** What the article said, in the desk's words (blank: the claims' words are quoted). */
  said?: string | null;
  /** How the column names the article: "An article about …" (blank: its headline). */
  about?: string | null;
  claims: ClaimInput[];
  /** The error taxonomy, as far as the desk has it while drafting (required to publish). */
  taxonomy?: Partial<Taxonomy>;
}


async function insertClaims(tx: Tx, correctionId: number, versionId: number, text: string, input: ClaimInput[]): Promise<void> {
  const sorted = [...input].sort((a, b) => a.start - b.start);
  sorted.forEach((c, i) => {
    if (i > 0 && c.start < sorted[i - 1].end) throw new ErrataError('invalid', 'Two claims overlap; pick separate words.', 'claims');
  });
  for (const [position, c] of input.entries()) {
    let anchor;
    try {
      anchor = createAnchor(text, c.start, c.end);
    } catch {
      throw new ErrataError('invalid', 'A claim does not lie within the article text.', 'claims');
    }
    await tx.insert(claims).values({ correctionId, versionId, ...anchor.quote, start: anchor.start, end: anchor.end, replacement: c.replacement || null, position });
  }
}

/**
 * The taxonomy fields given (undefined: left as they are; '' or null: cleared), each checked
 * against the configured list: a code not in it is refused beside its field.
 */
async function taxonomyValues(tx: Tx, taxonomy: Partial<Taxonomy> | undefined, given?: StandardsConfig): Promise<Partial<Taxonomy>> {
  const config = given ?? (await getStandardsConfig(tx));
  const out: Partial<Taxonomy> = {};
  if (!taxonomy) return out;
  for (const field of TAXONOMY_FIELDS) {
    const value = taxonomy[field];
    if (value === undefined) continue;
    if (value === null || value === '') {
      out[field] = null;
      continue;
    }
    if (!config[TAXONOMY_LISTS[field]].some((o) => o.code === value)) throw new ErrataError('invalid', `“${value}” is not one of the ${TAXONOMY_LABELS[field].toLowerCase()} options; pick from the list.`, field);
    out[field] = value;
  }
  return out;
}

/** The first taxonomy field a correction still lacks, as the refusal to publish it. */
function missingTaxonomy(row: Taxonomy, config: StandardsConfig): ErrataError | null {
  for (const field of TAXONOMY_FIELDS) {
    const value = row[field];
    if (value === null || value === '') return new ErrataError('invalid', `Classify the error before publishing: choose the ${TAXONOMY_LABELS[field].toLowerCase()}.`, field);
    if (!config[TAXONOMY_LISTS[field]].some((o) => o.code === value)) {
      return new ErrataError('invalid', `“${value}” is no longer one of the ${TAXONOMY_LABELS[field].toLowerCase()} options; choose again.`, field);
    }
  }
  return null;
}

export type NewDraft = DraftInput & { articleId: number; versionNumber: number; actorId: number };

/** Inserts a draft and its claims inside the caller's transaction. */
export async function insertDraft(tx: Tx, input: NewDraft): Promise<Correction> {
  const version = (await tx
    .select()
    .from(versions)
    .where(and(eq(versions.articleId, input.articleId), eq(versions.number, input.versionNumber))).limit(1))[0];
  if (!version) throw new ErrataError('not_found', 'That version does not exist.');
  const now = new Date();
  const correction = (await tx
    .insert(corrections)
    .values({ articleId: input.articleId, kind: input.kind, mode: input.mode, wording: input.wording, said: input.said || null, about: input.about || null, ...await taxonomyValues(tx, input.taxonomy), baseVersionId: version.id, draftedBy: input.actorId, draftedAt: now, updatedAt: now })
    .returning())[0];
  await insertClaims(tx, correction.id, version.id, await versionText(tx, version), input.claims);
  await recordAudit(tx, { actorId: input.actorId, action: 'correction.draft', entityType: 'correction', entityId: correction.id, after: { ...input, claims: input.claims } });
  return correction;
}

export async function createDraft(input: NewDraft): Promise<Correction> {
  return await transaction(getDb(), async (tx) => insertDraft(tx, input));
}

/** Edits a draft's kind, mode, wording and replacement words; its claims stay where they were picked. */
/**
 * Saves an edit of a draft made from the revision the editor opened; a draft changed since (another
 * tab, another editor) is refused, never silently overwritten.
 */
export async function updateDraft(input: { correctionId: number; revision: number; kind: CorrectionKind; mode: CorrectionMode; wording: string; said?: string | null; about?: string | null; replacements: (string | null)[]; taxonomy?: Partial<Taxonomy>; actorId: number }): Promise<void> {
  await transaction(getDb(), async (tx) => {
      const before = (await tx.select().from(corrections).where(eq(corrections.id, input.correctionId)).limit(1))[0];
      if (!before) throw new ErrataError('not_found', 'No such correction.');
      if (before.status !== 'draft') throw new ErrataError('conflict', 'A published correction is never edited; withdraw it instead.');
      if (before.revision !== input.revision) throw new ErrataError('conflict', 'This draft was changed since you opened it.', 'revision');
      await tx.update(corrections)
        .set({ kind: input.kind, mode: input.mode, wording: input.wording, said: input.said || null, about: input.about || null, ...(await taxonomyValues(tx, input.taxonomy)), updatedAt: new Date() })
        .where(eq(corrections.id, input.correctionId));
      const existing = await tx.select().from(claims).where(eq(claims.correctionId, input.correctionId)).orderBy(asc(claims.position));
      for (const [i, claim] of existing.entries()) {
        await tx.update(claims).set({ replacement: input.replacements[i] || null }).where(eq(claims.id, claim.id));
      }
      await recordAudit(tx, {
        actorId: input.actorId,
        action: 'correction.edit',
        entityType: 'correction',
        entityId: input.correctionId,
        before: { kind: before.kind, mode: before.mode, wording: before.wording, said: before.said, about: before.about },
        after: { kind: input.kind, mode: input.mode, wording: input.wording, said: input.said || null, about: input.about || null, replacements: input.replacements, ...(input.taxonomy ? { taxonomy: input.taxonomy } : {}) },
      });
    });
}

export interface Reanchored {
  claimId: number;
  exact: string;
  status: 'found' | 'amended' | 'lost';
  start?: number;
  end?: number;
}

/** Where each claim of a draft stands in the article's latest version. */
export async function reanchorDraft(tx: Tx, correction: Correction): Promise<{ latestNumber: number; baseNumber: number; claims: Reanchored[] }> {
  const base = (await tx.select().from(versions).where(eq(versions.id, correction.baseVersionId)).limit(1))[0];
  if (!base) throw new ErrataError('conflict', 'The draft has lost its version.');
  const chain = (await chainTexts(tx, correction.articleId, base.number)).map((v) => ({ version: v.number, text: v.text }));
  const draftClaims = await tx.select().from(claims).where(eq(claims.correctionId, correction.id)).orderBy(asc(claims.position));
  return {
    baseNumber: base.number,
    latestNumber: chain[chain.length - 1].version,
    claims: draftClaims.map((c) => {
      const located = locateClaim({ quote: { exact: c.exact, prefix: c.prefix, suffix: c.suffix }, start: c.start, end: c.end }, chain);
      return located.status === 'found' ? { claimId: c.id, exact: c.exact, status: 'found', start: located.start, end: located.end } : { claimId: c.id, exact: c.exact, status: located.status };
    }),
  };
}

export type PublishResult =
  | { ok: true; correction: Correction; amendedVersion: number | null }
  | { ok: false; reason: 'confirm'; reanchored: Awaited<ReturnType<typeof reanchorDraft>> }
  | { ok: false; reason: 'lost'; reanchored: Awaited<ReturnType<typeof reanchorDraft>> }
  /** The draft was edited since the publisher read it: here is what it says now. */
  | { ok: false; reason: 'changed'; current: DraftText };

export interface DraftText {
  revision: number;
  kind: CorrectionKind;
  mode: CorrectionMode;
  wording: string;
  claims: { exact: string; replacement: string | null }[];
}

/**
 * Publishes a draft in one transaction. If the article changed since the draft was made, the claims
 * are re-anchored first and the standards editor must confirm where they now stand.
 */
export async function publishCorrection(input: { correctionId: number; actorId: number; revision: number; confirmedVersion?: number; taxonomy?: Partial<Taxonomy> }): Promise<PublishResult> {
  return await transaction(getDb(), async (tx) => {
      const draft = (await tx.select().from(corrections).where(eq(corrections.id, input.correctionId)).limit(1))[0];
      if (!draft) throw new ErrataError('not_found', 'No such correction.');
      if (draft.status !== 'draft') throw new ErrataError('conflict', 'This correction is already published.');
      // Classified before it goes out: the publisher may set (or change) the taxonomy here.
      const config = await getStandardsConfig(tx);
      const taxonomy: Taxonomy = { errorType: draft.errorType, errorCause: draft.errorCause, foundBy: draft.foundBy, ...await taxonomyValues(tx, input.taxonomy, config) };
      const missing = missingTaxonomy(taxonomy, config);
      if (missing) throw missing;
      const latest = await latestVersion(tx, draft.articleId);
      if (!latest) throw new ErrataError('conflict', 'The article has no versions.');
      let draftClaims: Claim[] = await tx.select().from(claims).where(eq(claims.correctionId, draft.id)).orderBy(asc(claims.position));
      // Publish only the wording that was reviewed: an edit since then bumped the revision.
      if (draft.revision !== input.revision) {
        const current: DraftText = { revision: draft.revision, kind: draft.kind, mode: draft.mode, wording: draft.wording, claims: draftClaims.map((c) => ({ exact: c.exact, replacement: c.replacement })) };
        return { ok: false as const, reason: 'changed' as const, current };
      }

      if (latest.id !== draft.baseVersionId) {
        const reanchored = await reanchorDraft(tx, draft);
        if (reanchored.claims.some((c) => c.status !== 'found')) return { ok: false as const, reason: 'lost' as const, reanchored };
        if (input.confirmedVersion !== latest.number) return { ok: false as const, reason: 'confirm' as const, reanchored };
        // Confirmed: the claims now point at the same words in the latest version.
        const text = await versionText(tx, latest);
        await tx.delete(claims).where(eq(claims.correctionId, draft.id));
        await insertClaims(
          tx,
          draft.id,
          latest.id,
          text,
          reanchored.claims.map((c, i) => ({ start: c.start as number, end: c.end as number, replacement: draftClaims[i].replacement })),
        );
        await tx.update(corrections).set({ baseVersionId: latest.id }).where(eq(corrections.id, draft.id));
        draftClaims = await tx.select().from(claims).where(eq(claims.correctionId, draft.id)).orderBy(asc(claims.position));
      }

      const now = new Date();
      let amendedVersionId: number | null = null;
      let amendedNumber: number | null = null;
      let amendedVersion: Version | null = null;
      if (draft.mode === 'amend') {
        let body = latest.body;
        let plain = await versionText(tx, latest);
        // Right to left, so each replacement leaves the earlier offsets valid.
        for (const claim of [...draftClaims].sort((a, b) => b.start - a.start)) {
          if (claim.replacement == null) continue;
          const edit = replacePlainSpan(body, claim.start, claim.end, claim.replacement);
          if (!edit.ok) throw new ErrataError('invalid', `"${claim.exact}": ${edit.error}`, 'claims');
          body = edit.markdown;
          // replacePlainSpan checked that the edit changed exactly this span of the plain text.
          plain = plain.slice(0, claim.start) + claim.replacement + plain.slice(claim.end);
        }
        if (body === latest.body) throw new ErrataError('invalid', 'An amending correction needs replacement words for its claims.', 'replacement0');
        const version = await appendVersion(tx, {
          articleId: draft.articleId,
          headline: latest.headline,
          standfirst: latest.standfirst,
          body,
          plain,
          changeKind: 'correction',
          note: draft.wording.length > 200 ? `${draft.wording.slice(0, 197)}…` : draft.wording,
          savedBy: input.actorId,
          savedAt: now,
        });
        await recordAudit(tx, { actorId: input.actorId, action: 'version.save', entityType: 'version', entityId: version.id, after: { articleId: draft.articleId, number: version.number, changeKind: 'correction', correctionId: draft.id } });
        amendedVersion = version;
        amendedVersionId = version.id;
        amendedNumber = version.number;
      }
      const published = (await tx
        .update(corrections)
        .set({ status: 'published', publishedBy: input.actorId, publishedAt: now, amendedVersionId, updatedAt: now, ...taxonomy, exposedFrom: await claimsExposedFrom(tx, draft.articleId, draftClaims), ...await publishedAttribution(tx, draft.articleId) })
        .where(eq(corrections.id, draft.id))
        .returning())[0];
      await recordAudit(tx, { actorId: input.actorId, action: 'correction.publish', entityType: 'correction', entityId: draft.id, before: { status: 'draft' }, after: { status: 'published', amendedVersion: amendedNumber, ...taxonomy } });
      await correctionEvent(tx, 'correction.published', published);
      if (amendedVersion) await articleAmendedEvent(tx, draft.articleId, amendedVersion);
      return { ok: true as const, correction: published, amendedVersion: amendedNumber };
    });
}

export async function withdrawCorrection(input: { correctionId: number; reason: string; actorId: number }): Promise<Correction> {
  return await transaction(getDb(), async (tx) => {
      const before = (await tx.select().from(corrections).where(eq(corrections.id, input.correctionId)).limit(1))[0];
      if (!before) throw new ErrataError('not_found', 'No such correction.');
      if (before.status !== 'published') throw new ErrataError('conflict', 'Only a published correction can be withdrawn.');
      const now = new Date();
      const after = (await tx
        .update(corrections)
        .set({ status: 'withdrawn', withdrawnAt: now, withdrawnBy: input.actorId, withdrawnReason: input.reason, updatedAt: now })
        .where(eq(corrections.id, input.correctionId))
        .returning())[0];
      await recordAudit(tx, { actorId: input.actorId, action: 'correction.withdraw', entityType: 'correction', entityId: input.correctionId, before: { status: 'published' }, after: { status: 'withdrawn', reason: input.reason } });
      await correctionEvent(tx, 'correction.withdrawn', after);
      return after;
    });
}

/** The form field a refusal to carry out a correction stands beside. */
export const CARRIES_OUT_FIELD = 'carriesOut';

/**
 * Ties a just-saved version to the published correction it carries out ("this edit carries out
 * correction N"), inside the save's transaction, so a refusal leaves no version behind. The
 * correction must be this article's, published, not withdrawn, not yet carried out, and the edit
 * must change the words it is about: then its notice says the article was amended, its mark moves
 * to the new words and the history shows the version as its amendment.
 */
export async function carryOutCorrection(tx: Tx, input: { correctionId: number; version: Version; actorId: number }): Promise<Correction> {
  const { correctionId, version } = input;
  const correction = (await tx.select().from(corrections).where(eq(corrections.id, correctionId)).limit(1))[0];
  if (!correction || correction.articleId !== version.articleId) throw new ErrataError('invalid', `Correction ${correctionId} is not one of this article’s corrections.`, CARRIES_OUT_FIELD);
  if (correction.status === 'draft') throw new ErrataError('invalid', `Correction ${correctionId} is still a draft: publish it first (or draft it to amend the text).`, CARRIES_OUT_FIELD);
  if (correction.status === 'withdrawn') throw new ErrataError('conflict', `Correction ${correctionId} was withdrawn; no edit carries it out now.`, CARRIES_OUT_FIELD);
  if (correction.amendedVersionId !== null) {
    const by = (await tx.select({ number: versions.number }).from(versions).where(eq(versions.id, correction.amendedVersionId)).limit(1))[0];
    throw new ErrataError('conflict', `Correction ${correctionId} was already carried out${by ? ` by version ${by.number}` : ''}.`, CARRIES_OUT_FIELD);
  }
  if (correction.kind === 'retraction') throw new ErrataError('invalid', 'A retraction withdraws the article; it is not carried out by editing the text.', CARRIES_OUT_FIELD);
  const correctionClaims = await tx.select().from(claims).where(eq(claims.correctionId, correctionId)).orderBy(asc(claims.position));
  const claimVersions = await tx.select({ id: versions.id, number: versions.number }).from(versions).where(eq(versions.articleId, version.articleId));
  const numberOf = new Map(claimVersions.map((v) => [v.id, v.number]));
  const from = Math.min(...correctionClaims.map((c) => numberOf.get(c.versionId) ?? version.number));
  const chain = (await chainTexts(tx, version.articleId, from)).map((v) => ({ version: v.number, text: v.text }));
  // The edit carries the correction out only if it is where (one of) its claims' words changed.
  const changed = correctionClaims.some((c) => {
    const own = chain.filter((v) => v.version >= (numberOf.get(c.versionId) ?? version.number));
    const located = locateClaim({ quote: { exact: c.exact, prefix: c.prefix, suffix: c.suffix }, start: c.start, end: c.end }, own);
    return located.status === 'amended' && located.version === version.number;
  });
  if (!changed) {
    const words = correctionClaims.map((c) => `“${c.exact}”`).join(', ');
    throw new ErrataError('invalid', `This edit does not change the words correction ${correctionId} is about (${words}): change them, or leave the correction out.`, CARRIES_OUT_FIELD);
  }
  const carried = (await tx.update(corrections).set({ amendedVersionId: version.id }).where(eq(corrections.id, correctionId)).returning())[0];
  await recordAudit(tx, { actorId: input.actorId, action: 'correction.amend', entityType: 'correction', entityId: correctionId, before: { amendedVersion: null }, after: { amendedVersion: version.number, versionId: version.id } });
  return carried;
}
