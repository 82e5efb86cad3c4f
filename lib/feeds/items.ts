// What a feed carries: corrections and column editions turned into entries with escaped HTML
// content, the newest 50 of them, and when the feed last changed.
import { DEFAULT_SETTINGS } from '../settings';
import type { NewsroomSettings } from '../types';
import { formatCalendarDay, formatShortDate } from '../wording/dates';

export type FeedFormat = 'rss' | 'atom' | 'json';
type DateSettings = Pick<NewsroomSettings, 'timeZone' | 'locale'>;

/** Feed readers poll often; the newest 50 is what the big publishers carry too. */
export const FEED_LIMIT = 50;

export interface FeedMeta {
  /** A URI that never changes (Atom's feed id). */
  id: string;
  title: string;
  description: string;
  /** The page the feed belongs to (the site, a section's corrections, an article): RSS link, Atom alternate, JSON home_page_url. */
  link: string;
  /** This feed's own address in each format: the self links, and JSON feed_url. */
  self: Record<FeedFormat, string>;
  /** Defaults to the newest change among the items; never earlier than that. */
  updated?: Date;
  /** BCP 47; defaults to en-GB. */
  language?: string;
  /** Atom needs an author for the feed: the publication. Defaults to the title. */
  author?: string;
  copyright?: string;
  /** Zone and locale for dates written into content (a withdrawal's date). */
  dates?: DateSettings;
}

/** A published (or withdrawn) correction as a feed item. */
export interface CorrectionFeedItem {
  /** A GUID that never changes: an absolute URI such as urn:…, tag:… or the correction's URL. */
  id: string;
  /** Names the article and the kind: "Correction: Council results story". */
  title: string;
  wording: string;
  /** The words that were wrong; never from a version withheld for a legal reason. */
  wrongWords: string | readonly string[];
  /** The notice on the article page, e.g. …/articles/slug#notice-12. */
  link: string;
  publishedAt: Date;
  /** Later than publishedAt once withdrawn. */
  updatedAt: Date;
  section: string;
  withdrawn?: { reason: string; at: Date };
}

/** Any entry, ready to write in each format; `html` is built from escaped text only. */
export interface FeedEntry {
  id: string;
  title: string;
  link: string;
  html: string;
  publishedAt: Date;
  updatedAt: Date;
  category?: string;
}

export type FeedItem = CorrectionFeedItem | FeedEntry;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE/F). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as it goes into a feed: characters no feed can carry removed. */
export function cleanText(text: string): string {
  return text.replace(NOT_XML, '');
}

function absoluteUri(value: string, what: string): string {
  try {
    // One normal form, so the RSS guid, Atom id and JSON id of an item are the same string.
    return new URL(value).href;
  } catch {
    throw new TypeError(`A feed ${what} must be an absolute URI: ${JSON.stringify(value)}`);
  }
}

function paragraph(text: string): string {
  return `<p>${escapeHtml(cleanText(text).trim())}</p>`;
}

/** A correction as an entry: the withdrawal first (it is what changed), the wording, the wrong words. */
export function correctionFeedEntry(item: CorrectionFeedItem, dates: DateSettings = DEFAULT_SETTINGS): FeedEntry {
  const wrong = (typeof item.wrongWords === 'string' ? [item.wrongWords] : item.wrongWords).map((w) => cleanText(w).trim()).filter((w) => w !== '');
  const parts: string[] = [];
  if (item.withdrawn) {
    const reason = cleanText(item.withdrawn.reason).trim();
    parts.push(`<p><strong>Withdrawn on ${formatShortDate(item.withdrawn.at, dates)}${reason ? ':' : '.'}</strong>${reason ? ` ${escapeHtml(reason)}` : ''}</p>`);
  }
  parts.push(paragraph(item.wording));
  // The article's words exactly as printed, so curly quotes only around them.
  if (wrong.length) parts.push(`<p>The article said: ${wrong.map((w) => `“${escapeHtml(w)}”`).join('; ')}</p>`);
  return {
    id: item.id,
    title: item.withdrawn ? `${item.title} (withdrawn)` : item.title,
    link: item.link,
    html: parts.join('\n'),
    publishedAt: item.publishedAt,
    updatedAt: item.withdrawn && item.withdrawn.at > item.updatedAt ? item.withdrawn.at : item.updatedAt,
    category: item.section,
  };
}

/** The shape db/queries/feeds.ts builds; new callers pass a CorrectionFeedItem to build* instead. */
export interface CorrectionEntryInput {
  guid: string;
  headline: string;
  kindLabel: string;
  wording: string;
  wrongWords: string[];
  link: string;
  section: string;
  publishedAt: Date;
  withdrawn?: { at: Date; reason: string };
}

export function correctionEntry(c: CorrectionEntryInput, dates: DateSettings = DEFAULT_SETTINGS): FeedEntry {
  const { guid, headline, kindLabel, ...rest } = c;
  return correctionFeedEntry({ ...rest, id: guid, title: `${kindLabel}: ${headline}`, updatedAt: c.withdrawn?.at ?? c.publishedAt }, dates);
}

export interface EditionFeedInput {
  /** The edition's calendar date, "YYYY-MM-DD". */
  date: string;
  /** Its page; also its id unless one is given. */
  link: string;
  id?: string;
  publishedAt: Date;
  /** The edition as plain text (columnPlainText). */
  text: string;
}

/** Column editions as entries: "For the Record, Sunday 15 May 2011", the text as paragraphs. */
export function editionItems(editions: readonly EditionFeedInput[], settings: Pick<NewsroomSettings, 'columnName' | 'timeZone' | 'locale'>): FeedEntry[] {
  return editions.map((e) => ({
    id: e.id ?? e.link,
    title: `${settings.columnName}, ${formatCalendarDay(e.date, settings)}`,
    link: e.link,
    html: cleanText(e.text)
      .trim()
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
      .join('\n'),
    publishedAt: e.publishedAt,
    updatedAt: e.publishedAt,
    category: settings.columnName,
  }));
}

function isEntry(item: FeedItem): item is FeedEntry {
  return 'html' in item;
}

/** The entries a feed carries: newest publication first, at most FEED_LIMIT, ids and links checked. */
export function feedEntries(items: readonly FeedItem[], dates: DateSettings = DEFAULT_SETTINGS): FeedEntry[] {
  return items
    .map((item) => (isEntry(item) ? item : correctionFeedEntry(item, dates)))
    .map((e) => ({ ...e, id: absoluteUri(e.id, 'item id'), link: absoluteUri(e.link, 'item link'), title: cleanText(e.title).trim(), html: cleanText(e.html) }))
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, FEED_LIMIT);
}

/** When the feed last changed: the newest publication or withdrawal among what it carries. */
export function feedLastModified(items: readonly FeedItem[], floor?: Date): Date {
  const entries = feedEntries(items);
  return entries.reduce((latest, e) => (e.updatedAt > latest ? e.updatedAt : latest), floor ?? new Date(0));
}
