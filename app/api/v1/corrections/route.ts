// GET /api/v1/corrections: published and withdrawn corrections, newest first.
import { apiHandler } from '@/app/(api)/handler';
import { listApiCorrections } from '@/db/queries/api-views';
import { PageQuery } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiHandler('listCorrections', { query: PageQuery }, async ({ query }) => ({
  json: await listApiCorrections({ limit: query.limit ?? 20, cursor: query.cursor ? Number(query.cursor) : undefined }),
}));
