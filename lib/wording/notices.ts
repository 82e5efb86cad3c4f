// The notice under an article, in house style (PRODUCT.md), for every state a correction can be in.
import type { CorrectionKind, CorrectionMode, NewsroomSettings } from '../types';
import { formatLongDate, formatShortDate } from './dates';

export interface NoticeInput {
  kind: CorrectionKind;
  mode: CorrectionMode;
  wording: string;
  publishedAt: Date;
  amendedAt?: Date;
  printedIn?: { date: string };
  withdrawn?: { at: Date; reason: string };
}

const NOTICE_LEAD: Record<CorrectionKind, string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  editors_note: "Editor's note",
  update: 'Update',
  retraction: 'Retraction',
};

/** Ends a sentence once: adds a full stop unless it already ends in one (or ?, !, a closing quote after them). */
export function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return t;
  return /[.!?…]["'”’)]*$/.test(t) ? t : `${t}.`;
}

/** "the Harbour Gazette's": a leading "The" goes lower case mid-sentence; UK style keeps "s's". */
export function possessivePublication(publication: string): string {
  const name = publication.trim().replace(/^The\s+/, '');
  const article = /^The\s+/.test(publication.trim()) ? 'the ' : '';
  return `${article}${name}’s`;
}

function printedDate(iso: string, settings: NewsroomSettings): string {
  // The edition's date is a calendar day: noon UTC keeps it on that day in any zone we serve.
  return formatLongDate(new Date(`${iso}T12:00:00Z`), settings);
}

/** The notice's text without its bullet; the page adds "•". */
export function noticeText(input: NoticeInput, settings: NewsroomSettings): string {
  const wording = sentence(input.wording);
  let text: string;
  if (input.printedIn) {
    text = `The following correction was printed in ${possessivePublication(settings.publication)} ${settings.columnName} column, ${printedDate(input.printedIn.date, settings)}. ${wording}`;
  } else if (input.mode === 'amend' && input.amendedAt) {
    text = `This article was amended on ${formatShortDate(input.amendedAt, settings)}. ${wording}`;
  } else {
    text = `${NOTICE_LEAD[input.kind]}, ${formatShortDate(input.publishedAt, settings)}: ${wording}`;
  }
  if (input.withdrawn) {
    text += ` This ${NOTICE_LEAD[input.kind].toLowerCase()} was withdrawn on ${formatShortDate(input.withdrawn.at, settings)}: ${sentence(input.withdrawn.reason)}`;
  }
  return text;
}
