// GET /api/v1/corrections/{id}: one published or withdrawn correction.
import { apiHandler } from '@/app/(api)/handler';
import { correctionOut, getApiCorrection } from '@/db/queries/api-views';
import { CorrectionParams } from '@/lib/api/schemas';
import { ErrataError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiHandler('getCorrection', { params: CorrectionParams }, async ({ params }) => {
  const found = await getApiCorrection(params.id);
  if (!found) throw new ErrataError('not_found', `No published correction ${params.id}.`);
  return { json: await correctionOut(found.correction, found.article) };
});
