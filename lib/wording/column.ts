// The "For the Record" column in house style: each item's print wording, their order, and the
// edition as plain text for the print system.
import type { CorrectionKind, NewsroomSettings } from '../types';
import { formatLongDate, formatShortDate } from './dates';
import { sentence } from './notices';

export interface ColumnItemInput {
  kind: CorrectionKind;
  /** The public wording: what is right. */
  wording: string;
  claims: { exact: string; replacement?: string }[];
  article: { headline: string; section: string; firstPublishedAt: Date };
}

const LONG_CLAIM = 200;

/** A headline quoted in running text: its own double quotes become single ones. */
export function quoteHeadline(headline: string): string {
  let opening = true;
  const inner = headline
    .trim()
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"/g, () => {
      const quote = opening ? '‘' : '’';
      opening = !opening;
      return quote;
    });
  return `“${inner}”`;
}

/** The claim's words as quoted in the column: no trailing punctuation, long ones cut at a word. */
export function claimForPrint(exact: string): string {
  let words = exact.trim().replace(/\s+/g, ' ').replace(/[.,;:!?]+$/, '');
  if (words.length > LONG_CLAIM) words = `${words.slice(0, LONG_CLAIM).replace(/\s+\S*$/, '')}…`;
  return words;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

/** One capitalised name spelled a little differently: "Olafsdottir" for "Ólafsdóttir". */
function isMisspelling(exact: string, replacement: string | undefined): replacement is string {
  if (!replacement) return false;
  const a = exact.trim();
  const b = replacement.trim();
  const name = /^\p{Lu}[\p{L}'’-]*(\s\p{Lu}[\p{L}'’-]*)*$/u;
  return a !== b && name.test(a) && name.test(b) && editDistance(a.normalize('NFD'), b.normalize('NFD')) <= 3;
}

/** The item's print wording; every shape ends with the article's citation. */
export function columnItemWording(input: ColumnItemInput, settings: NewsroomSettings): string {
  const ref = quoteHeadline(input.article.headline);
  const citation = `(${input.article.section}, ${formatShortDate(input.article.firstPublishedAt, settings)})`;
  const right = capitalise(sentence(input.wording));
  const [first] = input.claims;
  const said = input.claims.map((c) => claimForPrint(c.exact)).join('; and ');
  if (input.kind === 'correction' && input.claims.length === 1 && first && isMisspelling(first.exact, first.replacement)) {
    return `We misspelled ${first.replacement.trim()} as ${first.exact.trim()} in ${ref} ${citation}.`;
  }
  switch (input.kind) {
    case 'clarification':
      return `To clarify: ${ref} ${citation} said ${said}. ${right}`;
    case 'editors_note':
      return `Editor’s note: ${right.replace(/\.$/, '')}, about ${ref} ${citation}.`;
    case 'update':
      return `An update to ${ref} ${citation}: ${right}`;
    case 'retraction':
      return `We have retracted ${ref} ${citation}. ${right}`;
    default:
      return `${ref} ${citation} said ${said}. ${right}`;
  }
}

/** A sensible order for print: by section, then by when each correction was published. */
export function orderColumnItems<T extends { section: string; publishedAt: Date }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.section.localeCompare(b.section) || a.publishedAt.getTime() - b.publishedAt.getTime());
}

export interface EditionText {
  date: string;
  intro: string;
  items: string[];
  alsoAmended: string[];
  footer: string;
}

/** The edition as plain text for the print system: title, date, intro, items, trailer, footer. */
export function columnPlainText(edition: EditionText, settings: NewsroomSettings): string {
  const date = formatLongDate(new Date(`${edition.date}T12:00:00Z`), settings);
  const parts = [settings.columnName.toUpperCase(), date, ''];
  if (edition.intro.trim()) parts.push(edition.intro.trim(), '');
  for (const item of edition.items) parts.push(item.trim(), '');
  if (edition.alsoAmended.length) parts.push(`Other recently amended articles include: ${edition.alsoAmended.map(quoteHeadline).join('; ')}.`, '');
  if (edition.footer.trim()) parts.push(edition.footer.trim());
  return `${parts.join('\n').trimEnd()}\n`;
}
