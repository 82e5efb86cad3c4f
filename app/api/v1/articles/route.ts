// GET /api/v1/articles: articles newest first, a page at a time.
import { apiHandler } from '@/app/(api)/handler';
import { listApiArticles } from '@/db/queries/api-views';
import { PageQuery } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const GET = apiHandler('listArticles', { query: PageQuery }, async ({ query }) => ({
  json: await listApiArticles({ limit: query.limit ?? 20, cursor: query.cursor ? Number(query.cursor) : undefined }),
}));
