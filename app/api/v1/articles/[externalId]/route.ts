// GET /api/v1/articles/{externalId}: the article with its versions; PUT: a CMS revision, through
// the ingestion service the importer uses too (db/queries/ingest.ts).
import { apiHandler } from '@/app/(api)/handler';
import { apiArticleView, getApiArticle } from '@/db/queries/api-views';
import { ingestRevision } from '@/db/queries/ingest';
import { articleChange, commitAndInvalidate } from '@/app/(cache)/invalidate';
import { ArticleParams, IngestArticle } from '@/lib/api/schemas';
import { ErrataError } from '@/lib/errors';
import { convertBody } from '@/lib/ingest/convert';

export const dynamic = 'force-dynamic';

export const GET = apiHandler('getArticle', { params: ArticleParams }, async ({ params }) => {
  const article = await getApiArticle(params.externalId);
  if (!article) throw new ErrataError('not_found', `No article has the external id “${params.externalId}”.`);
  return { json: await apiArticleView(article) };
});

export const PUT = apiHandler('putArticle', { params: ArticleParams, body: IngestArticle }, async ({ params, body, token, allows, ip }) => {
  const converted = convertBody(body.body, body.bodyFormat);
  const revision = {
    externalId: params.externalId,
    headline: body.headline,
    standfirst: body.standfirst,
    byline: body.byline,
    section: body.section,
    canonicalUrl: body.canonicalUrl,
    body: converted.markdown,
    status: body.status,
    changeKind: body.changeKind,
    note: body.note,
    acknowledgeLegalVersion: body.acknowledgeLegalVersion,
  };
  const result = await commitAndInvalidate(
    () => ingestRevision({ actorId: token.actor.id, allows, ip }, revision),
    (ingested) => (ingested.outcome === 'unchanged' ? null : articleChange(ingested.article.id, 'article')),
    'route',
  );
  return {
    status: result.outcome === 'created' ? 201 : 200,
    json: { outcome: result.outcome, version: result.version.number, flagged: result.flagged !== null, notes: converted.notes, article: await apiArticleView(result.article) },
    audit: { externalId: params.externalId, outcome: result.outcome, version: result.version.number },
  };
});
