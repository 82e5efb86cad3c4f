// What needs the desk's attention, as counts and one question: is an edition of the column due?

/** Days between editions of the column, as most newsrooms print it: weekly. */
export const EDITION_INTERVAL_DAYS = 7;

export interface Attention {
  draftCorrections: number;
  newReports: number;
  /** Published corrections not yet printed in a published edition. */
  unprinted: number;
  /** The date ("YYYY-MM-DD") of the latest published edition, if any. */
  lastEdition: string | null;
  /** Whether a draft edition is already open. */
  draftEdition: boolean;
  /** Versions from a CMS whose facts changed without a correction, not yet resolved. */
  openFlags: number;
}

/**
 * Due when corrections wait for print, no draft is open, and the last edition is a week old or
 * more (or there has been none). `today` is the newsroom's calendar day, "YYYY-MM-DD".
 */
export function editionDue(a: Pick<Attention, 'unprinted' | 'lastEdition' | 'draftEdition'>, today: string): boolean {
  if (a.unprinted === 0 || a.draftEdition) return false;
  if (!a.lastEdition) return true;
  const days = (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${a.lastEdition}T00:00:00Z`)) / 86_400_000;
  return days >= EDITION_INTERVAL_DAYS;
}

/** "3", or "1,000+" past the cap a count was taken to. */
export function countBadge(n: number, cap: number): string {
  return n > cap ? `${cap.toLocaleString('en-GB')}+` : String(n);
}
