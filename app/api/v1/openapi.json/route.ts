// The API's OpenAPI 3.1 document, generated from the route table and its zod schemas (lib/api/openapi.ts).
import { getSettings } from '@/db/queries/settings';
import { openApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-dynamic';

export async function GET() {
  return Response.json(openApiDocument((await getSettings()).siteUrl), { headers: { 'access-control-allow-origin': '*' } });
}
