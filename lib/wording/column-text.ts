// A column edition as plain text for the print system: title, date, intro, items, trailer, footer.
import type { NewsroomSettings } from '../types';
import { formatCalendarDay } from './dates';
import { quoteHeadline } from './column-items';

export interface EditionText {
  /** The edition's calendar date, "YYYY-MM-DD". */
  date: string;
  intro: string;
  /** Each item's print wording, in print order. */
  items: string[];
  /** Headlines of other articles amended since the last edition that have no item here. */
  alsoAmended: string[];
  /** The contact footer; the newsroom's contact line when blank. */
  footer?: string;
}

function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/**
 * Paragraphs separated by blank lines, "\n" line endings and a final newline. Lines are not
 * wrapped: the print system sets its own measure, and a wrapped line would break searches for
 * a phrase in the text.
 */
export function columnPlainText(edition: EditionText, settings: NewsroomSettings): string {
  const blocks = [`${settings.columnName.trim().toUpperCase()}\n${formatCalendarDay(edition.date, settings)}`];
  blocks.push(...paragraphs(edition.intro));
  for (const item of edition.items) blocks.push(...paragraphs(item));
  const amended = edition.alsoAmended.map((h) => h.trim()).filter((h) => h !== '');
  if (amended.length) blocks.push(`Other recently amended articles include: ${amended.map(quoteHeadline).join('; ')}.`);
  blocks.push(...paragraphs(edition.footer?.trim() ? edition.footer : settings.contactLine));
  return `${blocks.join('\n\n')}\n`;
}
