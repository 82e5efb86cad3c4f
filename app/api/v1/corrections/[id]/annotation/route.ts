// GET /api/v1/corrections/{id}/annotation: the correction's claims as a W3C Web Annotation (JSON-LD).
import { apiHandler } from '@/app/(api)/handler';
import { correctionAnnotation } from '@/db/queries/annotations';
import { CorrectionParams } from '@/lib/api/schemas';
import { ErrataError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

export const GET = apiHandler('getAnnotation', { params: CorrectionParams }, async ({ params }) => {
  const annotation = await correctionAnnotation(params.id);
  if (!annotation) throw new ErrataError('not_found', `No published correction ${params.id}.`);
  return { json: annotation, headers: { 'content-type': 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' } };
});
