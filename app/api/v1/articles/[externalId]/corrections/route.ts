// POST /api/v1/articles/{externalId}/corrections: a draft correction on quoted claims, for the desk to publish.
import { apiHandler } from '@/app/(api)/handler';
import { draftFromQuotes } from '@/db/queries/api-corrections';
import { correctionOut, getApiArticle } from '@/db/queries/api-views';
import { ArticleParams, DraftCorrection } from '@/lib/api/schemas';
import { ErrataError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const POST = apiHandler('draftCorrection', { params: ArticleParams, body: DraftCorrection }, async ({ params, body, token, allows, ip }) => {
  const article = await getApiArticle(params.externalId);
  if (!article) throw new ErrataError('not_found', `No article has the external id “${params.externalId}”.`);
  const draft = await draftFromQuotes({ actorId: token.actor.id, allows, ip }, article, body);
  return { status: 201, json: await correctionOut(draft, article), audit: { correctionId: draft.id } };
});
