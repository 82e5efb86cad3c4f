// The rules of the public view of the record, free of the database: which articles and versions
// readers may read, and what a claim or a column item shows when the words it quotes may not be read.

export const WITHHELD_WORDS = '[words withheld for legal reasons]';
export const WITHHELD_ITEM = 'This item has been withheld for legal reasons.';

export interface ArticleState {
  status: string;
  firstPublicVersion: number | null;
}

/** Readers see published and withdrawn articles; drafts and never-published articles do not exist for them. */
export function isPublicArticle(article: ArticleState): boolean {
  return article.status !== 'draft' && article.firstPublicVersion != null;
}

/**
 * A version whose words readers may read: its article is public, it is not a desk draft saved
 * before first publication, and no legal version withholds it.
 */
export function isReadableVersion(version: { number: number; withheld: boolean }, article: ArticleState): boolean {
  return isPublicArticle(article) && version.number >= (article.firstPublicVersion ?? Number.MAX_SAFE_INTEGER) && !version.withheld;
}

interface ClaimWords {
  exact: string;
  prefix: string;
  suffix: string;
  replacement: string | null;
  start: number;
  end: number;
}

/** A claim as readers see it: none of its words (nor its replacement) when its version may not be read. */
export function claimForReaders<C extends ClaimWords>(claim: C, readable: boolean): C {
  return readable ? claim : { ...claim, exact: WITHHELD_WORDS, prefix: '', suffix: '', replacement: null, start: 0, end: 0 };
}

/**
 * What the desk wrote the article said, as readers see it: none of it once any claim it describes
 * is on a version readers may not read (it paraphrases the withheld words), so the wording falls
 * back to the claims, which show only that words were withheld.
 */
export function saidForReaders(said: string | null | undefined, claims: { withheld: boolean }[]): string | null {
  return claims.some((c) => c.withheld) ? null : (said ?? null);
}

/** The version ids an item's `cites` column records; null or unreadable means "not recorded". */
export function parseCites(cites: string | null): number[] | null {
  if (cites == null) return null;
  try {
    const ids = JSON.parse(cites) as unknown;
    return Array.isArray(ids) && ids.every((id) => Number.isInteger(id)) ? (ids as number[]) : null;
  } catch {
    return null;
  }
}

export function formatCites(versionIds: Iterable<number>): string {
  return JSON.stringify([...new Set(versionIds)].sort((a, b) => a - b));
}

/**
 * The versions a column item quotes. Items generated before this was recorded were built from the
 * correction's base version (its headline) and every claim, so all of those count.
 */
export function citedVersions(cites: string | null, legacy: { baseVersionId: number; claimVersionIds: number[] }): number[] {
  return parseCites(cites) ?? [legacy.baseVersionId, ...legacy.claimVersionIds];
}

/**
 * A column item as readers see it. A stored edition is never rewritten; an item that quotes a
 * version readers may no longer read (withheld since, or never public) is shown as withheld.
 */
export function itemForReaders(wording: string, cited: readonly number[], readable: (versionId: number) => boolean): { wording: string; withheld: boolean } {
  return cited.every(readable) ? { wording, withheld: false } : { wording: WITHHELD_ITEM, withheld: true };
}
