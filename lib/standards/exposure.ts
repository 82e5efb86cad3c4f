// How long wrong words were public: from the first public version that carried the claim's words
// (walking back from the version the claim was anchored in, while the words are still there) to
// the first of: the correction's notice going up, or the version that amended them.

export interface PublicVersion {
  number: number;
  savedAt: Date;
  /** The version's plain text (the text the claim's offsets point into). */
  text: string;
}

/**
 * The instant the claim's words were first public: the saved time of the earliest version, at or
 * before the claim's own, from which every version up to the claim's contains the words; never
 * before the article was first published. Null when no public version had them.
 */
export function exposedFrom(versions: readonly PublicVersion[], claim: { versionNumber: number; exact: string }, firstPublishedAt: Date | null): Date | null {
  const chain = [...versions].filter((v) => v.number <= claim.versionNumber).sort((a, b) => b.number - a.number);
  let from: Date | null = null;
  for (const v of chain) {
    if (!claim.exact || !v.text.includes(claim.exact)) break;
    from = v.savedAt;
  }
  if (from && firstPublishedAt && from.getTime() < firstPublishedAt.getTime()) return firstPublishedAt;
  return from;
}

/** The instant the exposure ended: the notice's publication, or an earlier amendment of the words. */
function untilMs(publishedMs: number, amendedMs: number | null): number {
  return amendedMs !== null && amendedMs < publishedMs ? amendedMs : publishedMs;
}

export function exposedUntil(publishedAt: Date, amendedAt: Date | null): Date {
  return new Date(untilMs(publishedAt.getTime(), amendedAt?.getTime() ?? null));
}

/** The exposure in milliseconds, or null when it is not known. */
export function exposureMs(from: Date | null, until: Date | null): number | null {
  if (!from || !until) return null;
  return Math.max(0, until.getTime() - from.getTime());
}

/**
 * The same exposure from instants in milliseconds (the standards figures read tens of thousands at
 * once): from first public to the notice's publication, or to an earlier amendment of the words.
 */
export function exposureBetweenMs(fromMs: number | null, publishedMs: number, amendedMs: number | null): number | null {
  if (fromMs === null) return null;
  return Math.max(0, untilMs(publishedMs, amendedMs) - fromMs);
}
