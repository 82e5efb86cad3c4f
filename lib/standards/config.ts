// The standards desk's configurable lists and clocks: the code clauses complaints are made under,
// the routes a complaint arrives by with the days each allows for a response, the error taxonomy
// every correction is classified by before it is published, and the alert rule. The admin edits
// them at /desk/standards/settings; these are the defaults (the IPSO Editors' Code, clauses 1–16).
import { z } from 'zod';

export interface Option {
  /** Stored on cases and corrections; never changes once used. */
  code: string;
  /** What the desk and the statement print. */
  label: string;
}

export const CASE_ROUTES = ['direct', 'ipso', 'impress', 'other'] as const;
export type CaseRoute = (typeof CASE_ROUTES)[number];
export const CASE_ROUTE_LABELS: Record<CaseRoute, string> = { direct: 'Direct to the newsroom', ipso: 'Referred by IPSO', impress: 'Referred by IMPRESS', other: 'Other' };

/** How a complaint reached the desk. A reader report arrives through the article page. */
export const CASE_CHANNELS = ['reader_report', 'email', 'phone', 'letter', 'regulator'] as const;
export type CaseChannel = (typeof CASE_CHANNELS)[number];
export const CASE_CHANNEL_LABELS: Record<CaseChannel, string> = { reader_report: 'Reader report (article page)', email: 'Email', phone: 'Phone', letter: 'Letter', regulator: 'From a regulator' };

export const CASE_STATUSES = ['open', 'resolved', 'upheld', 'not_upheld', 'mediated', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CaseOutcome = Exclude<CaseStatus, 'open'>;
export const CASE_OUTCOMES: readonly CaseOutcome[] = ['resolved', 'upheld', 'not_upheld', 'mediated', 'withdrawn'];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  resolved: 'Resolved',
  upheld: 'Upheld',
  not_upheld: 'Not upheld',
  mediated: 'Mediated',
  withdrawn: 'Withdrawn by the complainant',
};

export const IPSO_CLAUSES: readonly Option[] = [
  'Accuracy',
  'Privacy',
  'Harassment',
  'Intrusion into grief or shock',
  'Reporting of suicide',
  'Children',
  'Children in sex cases',
  'Hospitals',
  'Reporting of crime',
  'Clandestine devices and subterfuge',
  'Victims of sexual assault',
  'Discrimination',
  'Financial journalism',
  'Confidential sources',
  'Witness payment in criminal trials',
  'Payment to criminals',
].map((title, i) => ({ code: String(i + 1), label: `${i + 1}. ${title}` }));

const options = (pairs: [string, string][]): Option[] => pairs.map(([code, label]) => ({ code, label }));

export const DEFAULT_ERROR_TYPES = options([
  ['name', 'Name'],
  ['number', 'Number'],
  ['date', 'Date'],
  ['quote', 'Quote'],
  ['attribution', 'Attribution'],
  ['headline', 'Headline'],
  ['picture', 'Picture or caption'],
  ['fact', 'Fact'],
  ['omission', 'Omission'],
]);
export const DEFAULT_ERROR_CAUSES = options([
  ['reporting', 'Reporting'],
  ['editing', 'Editing'],
  ['source', 'Source'],
  ['production', 'Production'],
]);
export const DEFAULT_FOUND_BY = options([
  ['reader', 'A reader'],
  ['subject', 'The subject of the story'],
  ['staff', 'Staff'],
  ['regulator', 'A regulator'],
]);

export interface StandardsConfig {
  clauses: Option[];
  /** Days from a case's receipt to its response-due date, by route. */
  responseDays: Record<CaseRoute, number>;
  /** A case is "due soon" this many days before it is due. */
  dueSoonDays: number;
  errorTypes: Option[];
  errorCauses: Option[];
  foundBy: Option[];
  /** The alert rule: at least `alertCount` corrections in `alertDays` days on one author or section. */
  alertCount: number;
  alertDays: number;
}

export const DEFAULT_STANDARDS: StandardsConfig = {
  clauses: [...IPSO_CLAUSES],
  // IPSO gives the publisher 28 days to resolve a referred complaint; a final decision within 21 days otherwise (IMPRESS).
  responseDays: { direct: 21, ipso: 28, impress: 21, other: 21 },
  dueSoonDays: 3,
  errorTypes: DEFAULT_ERROR_TYPES,
  errorCauses: DEFAULT_ERROR_CAUSES,
  foundBy: DEFAULT_FOUND_BY,
  alertCount: 3,
  alertDays: 30,
};

/** The three taxonomy fields a correction is classified by. */
export const TAXONOMY_FIELDS = ['errorType', 'errorCause', 'foundBy'] as const;
export type TaxonomyField = (typeof TAXONOMY_FIELDS)[number];
export const TAXONOMY_LABELS: Record<TaxonomyField, string> = { errorType: 'Type of error', errorCause: 'Cause', foundBy: 'Found by' };
export const TAXONOMY_LISTS: Record<TaxonomyField, 'errorTypes' | 'errorCauses' | 'foundBy'> = { errorType: 'errorTypes', errorCause: 'errorCauses', foundBy: 'foundBy' };

export type Taxonomy = Record<TaxonomyField, string | null>;

/** The label of a stored code, or the code itself when the option has since been removed from the list. */
export function labelOf(list: readonly Option[], code: string | null | undefined): string {
  if (code == null || code === '') return 'Not recorded';
  return list.find((o) => o.code === code)?.label ?? code;
}

const CODE = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/**
 * One option per line, "code: label" or just a label (its code is made from it). Returns the
 * options, or a message about the first bad line.
 */
export function parseOptionLines(text: string, { max = 60 }: { max?: number } = {}): { ok: true; options: Option[] } | { ok: false; message: string } {
  const out: Option[] = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return { ok: false, message: 'Give at least one option, one per line.' };
  if (lines.length > max) return { ok: false, message: `At most ${max} options.` };
  for (const [i, line] of lines.entries()) {
    const colon = line.indexOf(':');
    let code: string;
    let label: string;
    if (colon > 0) {
      code = line.slice(0, colon).trim().toLowerCase();
      label = line.slice(colon + 1).trim();
    } else {
      label = line;
      code = line.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
    }
    if (!CODE.test(code)) return { ok: false, message: `Line ${i + 1}: the code “${code}” must be letters, digits, - or _ (up to 40).` };
    if (!label || label.length > 120) return { ok: false, message: `Line ${i + 1}: give a label of up to 120 characters.` };
    if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(label)) return { ok: false, message: `Line ${i + 1}: the label has a control character.` };
    if (out.some((o) => o.code === code)) return { ok: false, message: `Line ${i + 1}: the code “${code}” is used twice.` };
    out.push({ code, label });
  }
  return { ok: true, options: out };
}

export function optionLines(options: readonly Option[]): string {
  return options.map((o) => `${o.code}: ${o.label}`).join('\n');
}

const optionSchema = z.object({ code: z.string().regex(CODE), label: z.string().min(1).max(120) });

/** The stored configuration (JSON in standards_settings), checked; anything missing or malformed falls back to the default. */
export const standardsConfigSchema = z.object({
  clauses: z.array(optionSchema).min(1).max(60).catch(DEFAULT_STANDARDS.clauses),
  responseDays: z
    .object({ direct: z.number().int().min(1).max(365), ipso: z.number().int().min(1).max(365), impress: z.number().int().min(1).max(365), other: z.number().int().min(1).max(365) })
    .catch(DEFAULT_STANDARDS.responseDays),
  dueSoonDays: z.number().int().min(0).max(60).catch(DEFAULT_STANDARDS.dueSoonDays),
  errorTypes: z.array(optionSchema).min(1).max(60).catch(DEFAULT_STANDARDS.errorTypes),
  errorCauses: z.array(optionSchema).min(1).max(60).catch(DEFAULT_STANDARDS.errorCauses),
  foundBy: z.array(optionSchema).min(1).max(60).catch(DEFAULT_STANDARDS.foundBy),
  alertCount: z.number().int().min(2).max(1000).catch(DEFAULT_STANDARDS.alertCount),
  alertDays: z.number().int().min(1).max(365).catch(DEFAULT_STANDARDS.alertDays),
});

export function readStandardsConfig(json: string | null | undefined): StandardsConfig {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    raw = {};
  }
  const parsed = standardsConfigSchema.safeParse(raw && typeof raw === 'object' ? raw : {});
  return parsed.success ? parsed.data : DEFAULT_STANDARDS;
}
