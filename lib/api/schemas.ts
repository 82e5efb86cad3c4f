// The API's requests and answers as zod schemas: the route handlers validate with these, and the
// OpenAPI document (lib/api/openapi.ts) is generated from the same objects.
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { ARTICLE_LIMITS, CORRECTION_LIMITS, hasHiddenCharacters, hiddenCharactersMessage, keepUnder } from '../limits';
import { CHANGE_KINDS, CORRECTION_KINDS } from '../types';
import { RECORD_ID_MAX } from '../ids';

extendZodWithOpenApi(z);

/** HTML arrives larger than the Markdown it becomes; the converted body must still fit ARTICLE_LIMITS.body. */
export const INGEST_BODY_MAX_BYTES = 900 * 1024;
/** The largest request body any endpoint reads: the server's own cap (scripts/support/request-guards.mjs); larger ANS files go through `npm run import`. */
export const REQUEST_MAX_BYTES = 1024 * 1024;

const text = (limit: { max: number }, label: string, min = 1) =>
  z
    .string()
    .trim()
    .min(min, `Give the ${label}.`)
    .max(limit.max, keepUnder(limit as Parameters<typeof keepUnder>[0]))
    .refine((v) => !hasHiddenCharacters(v, { lines: true }), hiddenCharactersMessage(label));

export const ExternalId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'An external id is 1–128 letters, digits, dots, dashes, colons or underscores, starting with a letter or digit.')
  .openapi({ description: "The CMS's own id for the article.", example: 'cms-20261104-council' });

export const ArticleParams = z.object({ externalId: ExternalId });
export const VersionParams = z.object({ externalId: ExternalId, number: z.string().regex(/^[1-9][0-9]{0,6}$/, 'A version number is a whole number from 1.').transform(Number).openapi({ type: 'integer', example: 2 }) });
export const CorrectionParams = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, 'A correction id is a whole number.')
    .transform(Number)
    .refine((id) => id <= RECORD_ID_MAX, 'No correction has an id that large.')
    .openapi({ type: 'integer', example: 12 }),
});

export const PageQuery = z.object({
  limit: z
    .string()
    .regex(/^[1-9][0-9]{0,2}$/, 'limit is a whole number from 1 to 100.')
    .transform(Number)
    .refine((n) => n <= 100, 'limit is at most 100.')
    .optional()
    .openapi({ type: 'integer', example: 20, description: 'Items per page (1–100, default 20).' }),
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, 'Use the cursor from the previous page’s `next`.')
    .refine((cursor) => Number(cursor) <= RECORD_ID_MAX, 'Use the cursor from the previous page’s `next`.')
    .optional().openapi({ description: 'The `next` cursor of the previous page.' }),
});

export const INGEST_CHANGE_KINDS = ['minor_edit', 'update', 'clarification', 'correction'] as const;

export const IngestArticle = z
  .object({
    headline: text(ARTICLE_LIMITS.headline, 'headline'),
    standfirst: text(ARTICLE_LIMITS.standfirst, 'standfirst', 0).default(''),
    byline: text(ARTICLE_LIMITS.byline, 'byline'),
    section: text(ARTICLE_LIMITS.section, 'section'),
    canonicalUrl: z
      .url({ protocol: /^https?$/, error: 'Give the article’s address on your site as an http(s) URL.' })
      .max(2000, 'Keep the address under 2,000 characters.')
      .nullable()
      .optional(),
    body: z
      .string()
      .refine((s) => Buffer.byteLength(s, 'utf8') <= INGEST_BODY_MAX_BYTES, 'Keep the body under 900 KB.')
      .openapi({ description: 'The article text, as HTML or Markdown (bodyFormat).' }),
    bodyFormat: z.enum(['html', 'markdown'], { error: 'bodyFormat is "html" or "markdown".' }),
    status: z.enum(['published', 'draft'], { error: 'status is "published" or "draft".' }).default('published').openapi({ description: 'A new article is published at once unless "draft"; a draft is published by a later call with "published".' }),
    changeKind: z
      .enum(INGEST_CHANGE_KINDS, { error: `changeKind is one of ${INGEST_CHANGE_KINDS.join(', ')}.` })
      .default('minor_edit')
      .openapi({ description: 'What kind of change a revision is, as readers will see it in the history. A revision whose facts changed is flagged for the desk whatever its kind, until a correction or a reason covers it.' }),
    note: text(ARTICLE_LIMITS.note, 'note', 0).default(''),
    acknowledgeLegalVersion: z.number().int().positive().optional().openapi({ description: 'After the desk saved a legal version (withholding earlier text), the number of that version: confirms your CMS’s copy no longer carries the withheld words.' }),
  })
  .strict()
  .openapi('IngestArticle');

export const ClaimQuote = z
  .object({
    exact: z.string().min(1, 'Quote the words the correction is about.').max(CORRECTION_LIMITS.wording.max),
    prefix: z.string().max(200).optional(),
    suffix: z.string().max(200).optional(),
    // New words for the article: what readers will read, so nothing in them may be hidden or reordered.
    replacement: z
      .string()
      .max(CORRECTION_LIMITS.wording.max)
      .refine((v) => !hasHiddenCharacters(v, { lines: true }), hiddenCharactersMessage('replacement'))
      .optional(),
  })
  .strict()
  .openapi('ClaimQuote');

export const DraftCorrection = z
  .object({
    kind: z.enum(CORRECTION_KINDS, { error: `kind is one of ${CORRECTION_KINDS.join(', ')}.` }),
    mode: z.enum(['notice', 'amend']).default('notice'),
    wording: text(CORRECTION_LIMITS.wording, 'wording'),
    said: text(CORRECTION_LIMITS.wording, 'said', 0).optional(),
    claims: z.array(ClaimQuote).min(1, 'Name at least one claim.').max(10, 'At most 10 claims.'),
  })
  .strict()
  .openapi('DraftCorrection');

const iso = z.string().openapi({ format: 'date-time' });

export const VersionSummary = z
  .object({
    number: z.number().int(),
    changeKind: z.enum(CHANGE_KINDS),
    note: z.string().nullable(),
    savedAt: iso,
    headline: z.string().nullable(),
    withheld: z.boolean().openapi({ description: 'Withheld for a legal reason: its text is shown to no one outside the desk.' }),
    flagged: z.boolean().openapi({ description: 'Its facts changed without a correction: the desk has been asked to look.' }),
  })
  .openapi('VersionSummary');

export const VersionDetail = VersionSummary.extend({ standfirst: z.string().nullable(), body: z.string().nullable().openapi({ description: 'Markdown; null when withheld.' }) }).openapi('VersionDetail');

export const CorrectionOut = z
  .object({
    id: z.number().int(),
    kind: z.enum(CORRECTION_KINDS),
    status: z.enum(['draft', 'published', 'withdrawn']),
    wording: z.string(),
    publishedAt: iso.nullable(),
    withdrawnAt: iso.nullable(),
    url: z.string().nullable(),
    annotation: z.string().nullable(),
    article: z.object({ externalId: z.string().nullable(), slug: z.string() }),
  })
  .openapi('Correction');

export const ArticleOut = z
  .object({
    externalId: z.string().nullable(),
    slug: z.string(),
    status: z.enum(['draft', 'published', 'withdrawn']),
    section: z.string(),
    byline: z.string(),
    canonicalUrl: z.string().nullable(),
    url: z.string(),
    firstPublishedAt: iso.nullable(),
    current: VersionDetail.nullable(),
    versions: z.array(VersionSummary),
    corrections: z.array(CorrectionOut),
  })
  .openapi('Article');

export const IngestResult = z
  .object({
    outcome: z.enum(['created', 'appended', 'unchanged']),
    version: z.number().int(),
    flagged: z.boolean(),
    notes: z.array(z.string()).openapi({ description: 'What the conversion left out (embeds, images).' }),
    article: ArticleOut,
  })
  .openapi('IngestResult');

export const ImportResult = z
  .object({
    stories: z.array(z.object({ externalId: z.string(), outcome: z.enum(['created', 'appended', 'unchanged']), versions: z.number().int(), corrections: z.number().int() })),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .openapi('ImportResult');

export const page = <T extends z.ZodType>(item: T, name: string) => z.object({ items: z.array(item), next: z.string().nullable() }).openapi(name);
export const ArticlePage = page(ArticleOut.omit({ current: true, versions: true, corrections: true }), 'ArticlePage');
export const CorrectionPage = page(CorrectionOut, 'CorrectionPage');

export const ApiError = z
  .object({
    error: z.object({
      code: z.string(),
      status: z.number().int(),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .openapi('Error');

export const Annotation = z.record(z.string(), z.unknown()).openapi('WebAnnotation', { description: 'A W3C Web Annotation (JSON-LD).' });

/** An ANS document as sent: checked in full by lib/ingest/ans.ts, which names each refused path. */
export const AnsDocument = z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]).openapi('AnsDocument', { description: 'An Arc XP ANS story, an array of stories, or an object with content_elements.' });
