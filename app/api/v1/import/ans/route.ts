// POST /api/v1/import/ans: ANS stories through the same importer as `npm run import`.
import { apiHandler } from '@/app/(api)/handler';
import { invalidateArticle } from '@/app/(cache)/invalidate';
import { importAns } from '@/db/queries/import';
import { AnsDocument } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const POST = apiHandler('importAns', { body: AnsDocument }, async ({ body, token, allows, ip }) => {
  const { articleIds, ...report } = await importAns({ actorId: token.actor.id, allows, ip }, body);
  for (const id of articleIds) await invalidateArticle(id, 'article', 'route');
  return { json: report, audit: { stories: report.stories.length, errors: report.errors.length } };
});
