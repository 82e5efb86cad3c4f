// POST /api/v1/import/ans: ANS stories through the same importer as `npm run import`.
import { apiHandler } from '@/app/(api)/handler';
import { articleChange, commitAndInvalidate } from '@/app/(cache)/invalidate';
import { importAns, type StoryCommit } from '@/db/queries/import';
import { AnsDocument } from '@/lib/api/schemas';

export const dynamic = 'force-dynamic';

export const POST = apiHandler('importAns', { body: AnsDocument }, async ({ body, token, allows, ip }) => {
  // Each story's article is invalidated in the story's own transaction.
  const commit: StoryCommit = (write, articleIdOf) =>
    commitAndInvalidate(write, (result) => {
      const id = articleIdOf(result);
      return id === null ? null : articleChange(id, 'article');
    }, 'route');
  const { articleIds: _imported, ...report } = await importAns({ actorId: token.actor.id, allows, ip }, body, commit);
  return { json: report, audit: { stories: report.stories.length, errors: report.errors.length } };
});
