// How long each field the desk and readers type into may be: one table that the browser checks before
// sending (so the typed text stays in the form) and the server schemas check again.
import { messagesByField } from './form-fields';

export interface Limit {
  max: number;
  /** Characters (UTF-16 code units, as zod's `.max` counts) or UTF-8 bytes (the article body). */
  unit: 'characters' | 'bytes';
  /** Whether the server trims the value before it measures it. */
  trim: boolean;
  /** The field's name in a sentence: "Keep the headline under 300 characters." */
  label: string;
}

const chars = (max: number, label: string, trim = true): Limit => ({ max, unit: 'characters', trim, label });

export const ARTICLE_BODY_MAX_BYTES = 200 * 1024;

/** The article form: new drafts (slug, section, byline) and new versions (the change's kind, note, legal fields). */
export const ARTICLE_LIMITS = {
  slug: chars(120, 'slug'),
  section: chars(60, 'section'),
  byline: chars(200, 'byline'),
  headline: chars(300, 'headline'),
  standfirst: chars(600, 'standfirst'),
  body: { max: ARTICLE_BODY_MAX_BYTES, unit: 'bytes', trim: false, label: 'body' },
  note: chars(500, 'note'),
  withhold: chars(200, 'list of versions'),
  legalReason: chars(1000, 'reason'),
  minorReason: chars(500, 'reason'),
} satisfies Record<string, Limit>;

/** A correction's wording and the replacement words for each claim (replacement0 … replacement19). */
export const CORRECTION_LIMITS = {
  wording: chars(2000, 'wording'),
  said: chars(1000, 'account of what the article said'),
  about: chars(200, 'article’s description'),
  'replacement*': chars(2000, 'replacement words', false),
} satisfies Record<string, Limit>;

/** The reason given when withdrawing an article or a correction, or declining a report. */
export const REASON_LIMITS = { reason: chars(1000, 'reason') } satisfies Record<string, Limit>;

/** A column edition: its intro and each item's print wording (item-ID). */
export const EDITION_LIMITS = {
  intro: chars(2000, 'intro'),
  'item-*': chars(3000, 'item'),
} satisfies Record<string, Limit>;

/** Adding an account. */
export const PERSON_LIMITS = {
  email: chars(320, 'email address'),
  name: chars(200, 'name'),
  password: chars(128, 'password', false),
} satisfies Record<string, Limit>;

/** A reader's report, and the size of the whole request it is sent in. */
export const REPORT_LIMITS = {
  words: chars(1000, 'quoted words'),
  message: chars(3000, 'message'),
  email: chars(320, 'email address'),
} satisfies Record<string, Limit>;
export const REPORT_BODY_MAX_BYTES = 16 * 1024;

/** The casebook's forms: logging a case, a note on it, the line it is closed with. */
export const CASE_LIMITS = {
  complainantName: chars(200, 'complainant’s name'),
  complainantContact: chars(500, 'contact details'),
  summary: chars(3000, 'summary'),
  articles: chars(25_000, 'list of articles'),
  note: chars(3000, 'note'),
  outcomeNote: chars(500, 'closing note'),
} satisfies Record<string, Limit>;

/** The limit for a field: by its name, or by its name's pattern ("replacement3" → "replacement*"). */
export function limitFor(limits: Record<string, Limit>, field: string): Limit | undefined {
  // Own names only: a field called `constructor` or `toString` has no limit, not Object's method.
  const own = (name: string) => (Object.hasOwn(limits, name) ? limits[name] : undefined);
  return own(field) ?? own(field.replace(/\d+$/, '*'));
}

function size(value: string, limit: Limit): number {
  const measured = limit.trim ? value.trim() : value;
  return limit.unit === 'bytes' ? new TextEncoder().encode(measured).length : measured.length;
}

function formatSize(n: number, unit: Limit['unit']): string {
  if (unit === 'bytes') return `${Math.ceil(n / 1024).toLocaleString('en-GB')} KB`;
  return `${n.toLocaleString('en-GB')} characters`;
}

/** What the server's schema says of a value over its limit: "Keep the headline under 300 characters." */
export function keepUnder(limit: Limit): string {
  return `Keep the ${limit.label} under ${formatSize(limit.max, limit.unit)}.`;
}

/** The message for a value over its limit, or null when it fits. */
export function limitProblem(value: string, limit: Limit): string | null {
  const n = size(value, limit);
  if (n <= limit.max) return null;
  return `Keep the ${limit.label} under ${formatSize(limit.max, limit.unit)}; it is ${formatSize(n, limit.unit)} now.`;
}

/** Field errors for every value over its limit (shaped like a form state's `errors`), or null when all fit. */
export function limitErrors(entries: Iterable<[string, unknown]>, limits: Record<string, Limit>): Record<string, string[]> | null {
  const problems: { key: string; message: string }[] = [];
  for (const [field, value] of entries) {
    const limit = limitFor(limits, field);
    if (!limit || typeof value !== 'string') continue;
    const problem = limitProblem(value, limit);
    if (problem) problems.push({ key: field, message: problem });
  }
  return problems.length ? messagesByField(problems) : null;
}

/** The newsroom's settings (/desk/settings). */
export const SETTINGS_LIMITS = {
  publication: chars(120, 'publication name'),
  columnName: chars(80, 'column name'),
  contactLine: chars(600, 'contact line'),
  timeZone: chars(64, 'time zone'),
  locale: chars(16, 'date style'),
  siteUrl: chars(200, 'site address'),
  readersEditorEmail: chars(320, 'email address'),
} satisfies Record<string, Limit>;

/** The standards settings (/desk/standards/settings): each list is one "code: label" per line, at most 60 of them. */
export const STANDARDS_LIMITS = {
  clauses: chars(10_000, 'list of clauses'),
  errorTypes: chars(10_000, 'list of error types'),
  errorCauses: chars(10_000, 'list of causes'),
  foundBy: chars(10_000, 'list of who finds errors'),
} satisfies Record<string, Limit>;

/**
 * Characters no one types on purpose and that change what a reader sees: control characters (a
 * NUL, an escape) and the marks that reverse the direction of text ("gnp.exe" shown for "exe.png").
 * Line breaks and tabs are text in a field of several lines, never in a one-line field.
 */
// C0 and C1 controls, DEL, the line and paragraph separators, the embedding, override and isolate
// marks, and the invisible formatting characters no writing system needs: the byte-order mark, the
// word joiner and invisible mathematical operators (U+2060–U+2064), the deprecated format
// characters (U+206A–U+206F, which change how digits and letters are shaped), the interlinear
// annotation marks (U+FFF9–U+FFFB). (Stay: the plain left-to-right
// and right-to-left marks and the Arabic letter mark, which writers of Arabic and Hebrew use and
// which reorder nothing; the zero-width space and joiners, which Thai, Persian, the Indic scripts
// and emoji need; the soft hyphen; the tag letters that spell a flag's region after 🏴.)
// (A carriage return only as half of a line break: browsers send CRLF.)
// Tag characters (U+E0000–U+E007F) spell nothing visible, and a run of them can carry a hidden
// message ("ignore all previous instructions" for a machine reading the page): only the run that
// names a region after the black flag (🏴 + tag letters + cancel tag, England's flag) is text. The
// musical symbol format controls (U+1D173–U+1D17A) are refused too.
const INVISIBLE = '\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff\\u2060-\\u2064\\u206a-\\u206f\\ufff9-\\ufffb\\u{E0000}-\\u{E007F}\\u{1D173}-\\u{1D17A}';
const HIDDEN_IN_LINES = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${INVISIBLE}]|\\r(?!\\n)`, 'u');
const HIDDEN_IN_A_LINE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'u');
const FLAG_TAGS = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;

/** Each flag's tag run as one placeholder (U+1F3F4 alone), so the tag letters left are the hidden ones. */
const withoutFlags = (text: string) => text.replace(FLAG_TAGS, '\u{1F3F4}');

export function hasHiddenCharacters(text: string, { lines = false }: { lines?: boolean } = {}): boolean {
  return (lines ? HIDDEN_IN_LINES : HIDDEN_IN_A_LINE).test(withoutFlags(text));
}

/** The text with those characters taken out (what a form asks the writer to type again); flags stay whole. */
export function withoutHiddenCharacters(text: string, { lines = false }: { lines?: boolean } = {}): string {
  const pattern = new RegExp(lines ? HIDDEN_IN_LINES.source : HIDDEN_IN_A_LINE.source, 'gu');
  const flags = text.match(FLAG_TAGS) ?? [];
  // The pieces between flags are cleaned; the flags themselves are put back as they were.
  return text
    .split(FLAG_TAGS)
    .map((piece, k) => piece.replace(pattern, '') + (flags[k] ?? ''))
    .join('');
}

const HIDDEN_WHAT = 'a character that cannot be shown (a control character, an invisible formatting character or a hidden direction mark): type it again without it.';

export function hiddenCharactersMessage(label: string): string {
  return `The ${label} has ${HIDDEN_WHAT}`;
}

/** The same, beside any field of a desk form (app/(auth)/forms.ts parseForm refuses them in every field). */
export const HIDDEN_FIELD_MESSAGE = `This field has ${HIDDEN_WHAT}`;
