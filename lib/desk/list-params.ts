// Reading a desk list's address: each filter parsed once, anything malformed dropped, never a 500.
import { z } from 'zod';
import { CASE_ROUTES, CASE_STATUSES } from '../standards/config';
import { ARTICLE_STATUSES, CORRECTION_KINDS, CORRECTION_STATUSES, ROLES } from '../types';
import { isCalendarDate } from '../wording/dates';
import { parseCursor } from './keyset';
import { parseRecordId, recordId } from '../ids';

export type RawParams = Record<string, string | string[] | undefined>;

/** The first value of each parameter, empty strings dropped. */
export function flatParams(raw: RawParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, (Array.isArray(v) ? v[0] : v) || undefined]));
}

const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);
/** A search is cut to its first 200 characters (a pasted paragraph searches on its opening words), never dropped. */
const searchText = z
  .string()
  .trim()
  .min(1)
  .transform((s) => s.slice(0, 200))
  .optional()
  .catch(undefined);
const flag = z.enum(['1']).optional().catch(undefined);
/** A calendar day as YYYY-MM-DD that exists as written (2030-02-31 does not roll over to March). */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate)
  .transform((s) => new Date(`${s}T00:00:00Z`))
  .optional()
  .catch(undefined);
const sort = z.enum(['newest', 'oldest']).catch('newest');

const articleFilter = z.object({
  q: searchText,
  status: z.enum(ARTICLE_STATUSES).optional().catch(undefined),
  section: text(100),
  author: text(200),
  drafts: flag,
  reports: flag,
  since: day,
  sort,
  /** Rows a page: 50 unless asked for between 5 and 100. */
  per: z.coerce.number().int().min(5).max(100).optional().catch(undefined),
});

export function parseArticleList(raw: RawParams) {
  const flat = flatParams(raw);
  const f = articleFilter.parse(flat);
  return {
    flat,
    filter: { q: f.q, status: f.status, section: f.section, author: f.author, draftCorrections: !!f.drafts, openReports: !!f.reports, changedSince: f.since, sort: f.sort, size: f.per, cursor: parseCursor(flat) },
  };
}

export const REPORT_AGES = { day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000 } as const;

const reportFilter = z.object({
  status: z.enum(['new', 'accepted', 'declined']).optional().catch(undefined),
  article: text(200),
  age: z.enum(['day', 'week', 'month', 'older']).optional().catch(undefined),
});

export function parseReportList(raw: RawParams) {
  const flat = flatParams(raw);
  return { flat, filter: { ...reportFilter.parse(flat), cursor: parseCursor(flat) } };
}

const correctionFilter = z.object({
  status: z.enum(CORRECTION_STATUSES).optional().catch(undefined),
  kind: z.enum(CORRECTION_KINDS).optional().catch(undefined),
  section: text(100),
  author: recordId().optional().catch(undefined),
});

export function parseCorrectionList(raw: RawParams) {
  const flat = flatParams(raw);
  return { flat, filter: { ...correctionFilter.parse(flat), cursor: parseCursor(flat) } };
}

const peopleFilter = z.object({
  role: z.enum(ROLES).optional().catch(undefined),
  state: z.enum(['active', 'disabled']).optional().catch(undefined),
});

export function parsePeopleList(raw: RawParams) {
  const flat = flatParams(raw);
  return { flat, filter: { ...peopleFilter.parse(flat), cursor: parseCursor(flat) } };
}

const caseFilter = z.object({
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  clock: z.enum(['overdue', 'due_soon']).optional().catch(undefined),
  /** "mine", or an account's id. */
  owner: z.union([z.literal('mine'), z.string().refine((v) => parseRecordId(v) !== null)]).optional().catch(undefined),
  route: z.enum(CASE_ROUTES).optional().catch(undefined),
});

/** The casebook's filters; "mine" reads as the signed-in account. */
export function parseCaseList(raw: RawParams, userId: number) {
  const flat = flatParams(raw);
  const f = caseFilter.parse(flat);
  const ownerId = f.owner === 'mine' ? userId : f.owner ? Number(f.owner) : undefined;
  return { flat, filter: { status: f.status, clock: f.clock, ownerId, route: f.route, cursor: parseCursor(flat) } };
}
