// Reading the casebook's forms: the articles a complaint names (one a line, "slug | the words"),
// the clauses ticked (one "clause-{code}" checkbox each: a repeated field would be refused), and the
// day a complaint was received. Pure, so the rules are tested without a server.
import { startOfCalendarDay } from '../wording/dates';

/** The checkbox for one clause of the code. */
export const CLAUSE_FIELD_PREFIX = 'clause-';
export const clauseField = (code: string) => `${CLAUSE_FIELD_PREFIX}${code}`;

/** The clauses ticked, and the clause fields sent with anything but a tick (refused beside that field). */
export function tickedClauses(values: Readonly<Record<string, unknown>>): { clauses: string[]; odd: string[] } {
  const clauses: string[] = [];
  const odd: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (!name.startsWith(CLAUSE_FIELD_PREFIX)) continue;
    if (value === 'on') clauses.push(name.slice(CLAUSE_FIELD_PREFIX.length));
    else odd.push(name);
  }
  return { clauses, odd };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A reader page's address names its article: …/articles/{slug}, …/articles/{slug}/versions/2. */
const ADDRESS = /\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:[/?#]|$)/;

export const MAX_CASE_ARTICLES = 20;
const MAX_QUOTE = 1000;

export interface NamedArticle {
  slug: string;
  quote: string | null;
}

/**
 * One article a line: its slug (or its address), optionally "| the words complained about".
 * Blank lines are skipped; the same article twice keeps its first words.
 */
export function parseArticleLines(text: string): { ok: true; articles: NamedArticle[] } | { ok: false; message: string } {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return { ok: false, message: 'Name at least one article, by its slug.' };
  if (lines.length > MAX_CASE_ARTICLES) return { ok: false, message: `A case names at most ${MAX_CASE_ARTICLES} articles.` };
  const out: NamedArticle[] = [];
  for (const [i, line] of lines.entries()) {
    const bar = line.indexOf('|');
    const head = (bar >= 0 ? line.slice(0, bar) : line).trim();
    const quote = bar >= 0 ? line.slice(bar + 1).trim() : '';
    const slug = SLUG.test(head.toLowerCase()) ? head.toLowerCase() : (ADDRESS.exec(head)?.[1] ?? null);
    if (!slug) return { ok: false, message: `Line ${i + 1}: “${head.slice(0, 80)}” is not an article’s slug (lower-case letters, digits and hyphens) or address.` };
    if (quote.length > MAX_QUOTE) return { ok: false, message: `Line ${i + 1}: keep the quoted words under ${MAX_QUOTE.toLocaleString('en-GB')} characters.` };
    if (out.some((a) => a.slug === slug)) continue;
    out.push({ slug, quote: quote || null });
  }
  return { ok: true, articles: out };
}

/** The form's text for a list of articles, the way parseArticleLines reads it back. */
export function articleLines(articles: readonly NamedArticle[]): string {
  return articles.map((a) => (a.quote ? `${a.slug} | ${a.quote}` : a.slug)).join('\n');
}

/**
 * When a complaint received on `day` (the newsroom's calendar day) started its clock: now, if it
 * came today; otherwise the start of that day. A day after today is refused by the service.
 */
export function receivedInstant(day: string, { now, today, timeZone }: { now: Date; today: string; timeZone: string }): Date {
  if (day === today) return now;
  return startOfCalendarDay(day, timeZone);
}

/** A summary cut for a list: whole words, at most `max` characters with the ellipsis. */
export function shortSummary(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}
