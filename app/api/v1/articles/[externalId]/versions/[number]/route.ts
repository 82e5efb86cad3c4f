// GET /api/v1/articles/{externalId}/versions/{number}: one version; a withheld one without its text.
import { apiHandler } from '@/app/(api)/handler';
import { apiVersionView, getApiArticle } from '@/db/queries/api-views';
import { VersionParams } from '@/lib/api/schemas';
import { ErrataError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiHandler('getVersion', { params: VersionParams }, async ({ params }) => {
  const article = await getApiArticle(params.externalId);
  const version = article && (await apiVersionView(article, params.number));
  if (!version) throw new ErrataError('not_found', `No version ${params.number} of “${params.externalId}”.`);
  return { json: version };
});
