// What a reader's page shows of corrections: where each claim lands in the text shown, and the notices.
import { locateClaim } from './anchoring';
import type { ClaimMark } from './markdown';
import type { CorrectionKind, CorrectionMode, CorrectionStatus, NewsroomSettings } from './types';
import { noticeText } from './wording';

export interface ViewClaim {
  id: number;
  versionNumber: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

export interface ViewCorrection {
  id: number;
  kind: CorrectionKind;
  mode: CorrectionMode;
  status: CorrectionStatus;
  wording: string;
  /** What the article said, as the desk put it (null on older corrections). */
  said?: string | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  amendedVersion: { number: number; savedAt: Date } | null;
  printedIn: { date: string; publishedAt: Date } | null;
  claims: ViewClaim[];
}

/** Plain texts of the versions readers can see, keyed by number. */
export type PlainTexts = Map<number, string>;

export function noticeId(correctionId: number): string {
  return `notice-${correctionId}`;
}

export function claimId(correctionId: number, index: number): string {
  return `claim-${correctionId}${index === 0 ? '' : `-${index + 1}`}`;
}

function chainBetween(texts: PlainTexts, from: number, to: number): { version: number; text: string }[] | null {
  const chain: { version: number; text: string }[] = [];
  for (let n = from; n <= to; n++) {
    const text = texts.get(n);
    // A gap (a withheld version) breaks the mapping; the quote search takes over.
    if (text === undefined) return null;
    chain.push({ version: n, text });
  }
  return chain;
}

/**
 * Marks for the version `target`: a claim still standing is marked where it now is; a claim this
 * correction amended is marked on the words that replaced it; anything else is left unmarked.
 */
export function claimMarks(corrections: ViewCorrection[], texts: PlainTexts, target: number): ClaimMark[] {
  const marks: ClaimMark[] = [];
  for (const c of corrections) {
    c.claims.forEach((claim, index) => {
      if (claim.versionNumber > target) return;
      const chain = chainBetween(texts, claim.versionNumber, target);
      const anchor = { quote: { exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix }, start: claim.start, end: claim.end };
      const fallback = texts.get(target);
      const located = chain ? locateClaim(anchor, chain) : fallback !== undefined ? locateClaim(anchor, [{ version: target, text: fallback }]) : { status: 'lost' as const };
      const mark = { id: claimId(c.id, index), href: `#${noticeId(c.id)}`, label: `${c.status === 'withdrawn' ? 'Withdrawn correction' : 'Corrected'}: see the note below` };
      if (located.status === 'found') {
        marks.push({ ...mark, start: located.start, end: located.end });
      } else if (located.status === 'amended' && located.replacement && c.amendedVersion && located.version === c.amendedVersion.number) {
        marks.push({ ...mark, start: located.replacement.start, end: located.replacement.end });
      }
    });
  }
  return marks.filter((m) => m.end > m.start);
}

export interface Notice {
  id: string;
  correctionId: number;
  text: string;
  withdrawn: boolean;
  claimIds: string[];
}

export function notices(corrections: ViewCorrection[], settings: NewsroomSettings): Notice[] {
  return corrections
    .filter((c) => c.status !== 'draft' && c.publishedAt)
    .sort((a, b) => (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0))
    .map((c) => ({
      id: noticeId(c.id),
      correctionId: c.id,
      withdrawn: c.status === 'withdrawn',
      claimIds: c.claims.map((_, i) => claimId(c.id, i)),
      text: noticeText(
        {
          kind: c.kind,
          mode: c.mode,
          wording: c.wording,
          said: c.said,
          publishedAt: c.publishedAt as Date,
          amendedAt: c.amendedVersion?.savedAt,
          printedIn: c.printedIn ? { date: c.printedIn.date } : undefined,
          withdrawn: c.status === 'withdrawn' && c.withdrawnAt ? { at: c.withdrawnAt, reason: c.withdrawnReason ?? '' } : undefined,
        },
        settings,
      ),
    }));
}
