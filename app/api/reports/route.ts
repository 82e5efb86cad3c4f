// Readers report errors here. Anonymous and hostile by assumption: size-capped, validated, honeypotted
// and rate-limited, answering 429 over a limit: 5 an hour per address (IPv6 by /64), and per article
// 100 different addresses an hour and 300 reports an hour. An article's quota counts addresses, not
// reports, so a handful of clients cannot use it up and lock out real readers; honeypot hits are
// answered first and spend nothing.
import { ARTICLE_LIMITS, hasHiddenCharacters, hiddenCharactersMessage, keepUnder, REPORT_BODY_MAX_BYTES, REPORT_LIMITS } from '@/lib/limits';
import { z } from 'zod';
import { clientIp } from '@/app/(auth)/client-ip';
import { addressGroup } from '@/lib/net/client-address';
import { getPublicArticle, getPublicVersion } from '@/db/queries/public-record';
import { createReport } from '@/db/queries/reports';
import { countRecentAttempts, countThenRecord, recordAttempt } from '@/db/queries/throttle';
import { recordId } from '@/lib/ids';
import { messagesByField, missingFieldError } from '@/lib/form-fields';
import { unavailableResponse } from '@/app/(api)/unavailable';

const HOUR = 3_600_000;
export const REPORTS_PER_IP_PER_HOUR = 5;
/** Different addresses that may report one article in an hour. */
export const REPORTERS_PER_ARTICLE_PER_HOUR = 100;
/** Reports one article may receive in an hour, however many addresses send them. */
export const REPORTS_PER_ARTICLE_PER_HOUR = 300;
const MAX_BODY_BYTES = REPORT_BODY_MAX_BYTES;

const reportSchema = z.object({
  slug: z.string().trim().min(1).max(ARTICLE_LIMITS.slug.max).refine((v) => !hasHiddenCharacters(v), 'That is not the address of an article.'),
  version: recordId('That is not one of the article’s version numbers.'),
  start: z.coerce.number().int().min(0).max(10_000_000).nullable().optional(),
  end: z.coerce.number().int().min(1).max(10_000_000).nullable().optional(),
  words: z.string().trim().min(1, 'Select or type the words that are wrong.').max(REPORT_LIMITS.words.max, keepUnder(REPORT_LIMITS.words)).refine((v) => !hasHiddenCharacters(v, { lines: true }), hiddenCharactersMessage('words')),
  message: z.string().trim().min(1, 'Tell us what is wrong.').max(REPORT_LIMITS.message.max, keepUnder(REPORT_LIMITS.message)).refine((v) => !hasHiddenCharacters(v, { lines: true }), hiddenCharactersMessage('message')),
  email: z.union([z.literal(''), z.email('That email address does not look right.').max(REPORT_LIMITS.email.max, keepUnder(REPORT_LIMITS.email))]).optional(),
  // A field people never see: only a bot fills it in.
  website: z.string().max(200).optional(),
});

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  return messagesByField(error.issues.map((issue) => ({ key: String(issue.path[0] ?? 'form'), message: issue.message })));
}

export async function POST(request: Request) {
  try {
    return await receiveReport(request);
  } catch (thrown) {
    return unavailableResponse('POST /api/reports', thrown);
  }
}

async function receiveReport(request: Request): Promise<Response> {
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) return Response.json({ error: 'That report is too long.' }, { status: 413 });
  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) return Response.json({ error: 'That report is too long.' }, { status: 413 });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return Response.json({ error: 'Send the report as JSON.' }, { status: 400 });
  }
  const parsed = reportSchema.safeParse(json, { error: missingFieldError() });
  if (!parsed.success) return Response.json({ error: 'Please correct the fields marked.', errors: fieldErrors(parsed.error) }, { status: 422 });
  const data = parsed.data;
  const ip = clientIp(request.headers);

  const article = await getPublicArticle({ slug: data.slug });
  const version = article ? (await getPublicVersion({ article, number: data.version })) : undefined;
  if (!article || !version || version.withheld) return Response.json({ error: 'That article or version does not exist.' }, { status: 404 });

  if (data.website) {
    // Answer a bot as if it succeeded, so it learns nothing; store nothing, and spend no one's quota.
    return Response.json({ reference: 'R-RECEIVED' }, { status: 201 });
  }
  // Per address (the socket's, or a trusted proxy's report: never a client's own X-Forwarded-For)
  // and per article; only reports that are kept count.
  const group = addressGroup(ip);
  const articleKey = String(article.id);
  const refused = await countThenRecord(async () => {
    if ((await countRecentAttempts({ bucket: 'report:ip', key: group, windowMs: HOUR })) >= REPORTS_PER_IP_PER_HOUR) return 'address' as const;
    const seenHere = (await countRecentAttempts({ bucket: 'report:article-address', key: `${articleKey}|${group}`, windowMs: HOUR })) > 0;
    const busy =
      (await countRecentAttempts({ bucket: 'report:article', key: articleKey, windowMs: HOUR })) >= REPORTS_PER_ARTICLE_PER_HOUR ||
      (!seenHere && (await countRecentAttempts({ bucket: 'report:article-reporters', key: articleKey, windowMs: HOUR })) >= REPORTERS_PER_ARTICLE_PER_HOUR);
    if (busy) return 'article' as const;
    await recordAttempt({ bucket: 'report:ip', key: group });
    await recordAttempt({ bucket: 'report:article', key: articleKey });
    if (!seenHere) await recordAttempt({ bucket: 'report:article-reporters', key: articleKey });
    await recordAttempt({ bucket: 'report:article-address', key: `${articleKey}|${group}` });
    return null;
  });
  if (refused === 'address') {
    return Response.json({ error: 'You have sent several reports in the last hour. Please try again later.' }, { status: 429, headers: { 'Retry-After': '3600' } });
  }
  if (refused === 'article') {
    return Response.json({ error: 'This article has had many reports in the last hour; we are looking at it. Please try again later.' }, { status: 429, headers: { 'Retry-After': '3600' } });
  }

  const report = await createReport({
    articleId: article.id,
    versionId: version.id,
    start: data.start ?? null,
    end: data.end ?? null,
    exact: data.words,
    message: data.message,
    email: data.email || null,
    ip,
  });
  return Response.json({ reference: report.reference }, { status: 201 });
}
