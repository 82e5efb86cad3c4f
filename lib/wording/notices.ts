// The notice under an article, in house style (PRODUCT.md), for every state a correction can be in.
import type { CorrectionKind, CorrectionMode, NewsroomSettings } from '../types';
import { noticeWording } from './compose';
import { formatCalendarDay, formatShortDate, isoDateInZone } from './dates';
import { sentence } from './text';

export interface NoticeInput {
  kind: CorrectionKind;
  mode: CorrectionMode;
  /** The public wording: what is right. */
  wording: string;
  /** What the article said, as the desk put it (null on corrections drafted before it was kept). */
  said?: string | null;
  publishedAt: Date;
  /**
   * When the version that carried the correction out was saved: made by publishing (amend mode) or
   * a later edit tied to it (a notice-only correction whose text was then amended).
   */
  amendedAt?: Date;
  /** The column edition it was printed in: its calendar date, "YYYY-MM-DD". */
  printedIn?: { date: string };
  withdrawn?: { at: Date; reason: string };
}

/** How each kind opens a notice that has not been printed and did not amend the text. */
const NOTICE_LEAD: Record<CorrectionKind, string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  editors_note: 'Editor’s note',
  update: 'Update',
  retraction: 'Retraction',
};

/** Each kind as a noun mid-sentence: "The following clarification was printed…". */
const KIND_NOUN: Record<CorrectionKind, string> = {
  correction: 'correction',
  clarification: 'clarification',
  editors_note: 'editor’s note',
  update: 'update',
  retraction: 'retraction',
};

/** "the Harbour Gazette’s": a leading "The" goes lower case mid-sentence; UK style keeps "s’s". */
export function possessivePublication(publication: string): string {
  const trimmed = publication.trim().replace(/\s+/g, ' ');
  const match = /^the\s+(.+)$/i.exec(trimmed);
  return match ? `the ${match[1]}’s` : `${trimmed}’s`;
}

function amendedLead(input: NoticeInput, settings: NewsroomSettings): string | null {
  if (!input.amendedAt || input.kind === 'retraction') return null;
  const verb = input.kind === 'update' ? 'updated' : 'amended';
  return `This article was ${verb} on ${formatShortDate(input.amendedAt, settings)}.`;
}

function lead(input: NoticeInput, settings: NewsroomSettings): string {
  const noun = KIND_NOUN[input.kind];
  const amended = amendedLead(input, settings);
  // Never a print date before the correction existed (a backdated edition): then the notice says
  // only what it is and when it was published.
  if (input.printedIn && input.printedIn.date >= isoDateInZone(input.publishedAt, settings.timeZone)) {
    const column = settings.columnName.trim();
    const printed = `The following ${noun} was printed in ${possessivePublication(settings.publication)} ${column} column, ${formatCalendarDay(input.printedIn.date, settings)}.`;
    // Printed, and the text amended too (before or after print): one notice says both.
    return amended && input.mode !== 'amend' ? `${amended} ${printed}` : printed;
  }
  // A retraction withdraws the whole article, whichever mode it was published in.
  if (input.kind === 'retraction') return `This article was retracted on ${formatShortDate(input.publishedAt, settings)}.`;
  if (amended) return amended;
  // Notice only, or an amendment whose version is unknown: say what kind of note it is and when.
  return `${NOTICE_LEAD[input.kind]}, ${formatShortDate(input.publishedAt, settings)}:`;
}

/**
 * The notice's text without its bullet (the page adds "•"). A withdrawn correction keeps its
 * notice, followed by when and why it was withdrawn, so readers can see what was said.
 */
export function noticeText(input: NoticeInput, settings: NewsroomSettings): string {
  const wording = noticeWording({ said: input.said, wording: input.wording, amended: !!amendedLead(input, settings) });
  // With no wording a lead that introduces it ("Correction, 4 May 2026:") ends the sentence instead.
  const parts = [wording ? lead(input, settings) : lead(input, settings).replace(/:$/, '.'), wording];
  if (input.withdrawn) {
    const when = formatShortDate(input.withdrawn.at, settings);
    const reason = sentence(input.withdrawn.reason);
    parts.push(reason ? `This ${KIND_NOUN[input.kind]} was withdrawn on ${when}: ${reason}` : `This ${KIND_NOUN[input.kind]} was withdrawn on ${when}.`);
  }
  return parts.filter((p) => p !== '').join(' ');
}
