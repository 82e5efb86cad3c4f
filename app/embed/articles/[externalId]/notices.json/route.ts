// One article's correction notices, by the CMS's id for it, as JSON for public/embed/errata-notices.js
// and any other client (docs/embeds.md): the fragment's content, with the claims' words as text quotes.
import { readEmbedByExternalId } from '@/app/(cache)/reads';
import { ExternalId } from '@/lib/api/schemas';
import { embedHeaders } from '@/lib/embed/headers';

export const dynamic = 'force-dynamic';

const JSON_TYPE = 'application/json; charset=utf-8';

export async function GET(_request: Request, { params }: { params: Promise<{ externalId: string }> }) {
  const id = ExternalId.safeParse((await params).externalId);
  const found = id.success ? await readEmbedByExternalId(id.data) : null;
  if (!found) return new Response(JSON.stringify({ error: 'No such article.' }), { status: 404, headers: embedHeaders({ slug: null, contentType: JSON_TYPE }) });
  return new Response(JSON.stringify(found.view), { headers: embedHeaders({ slug: found.slug, contentType: JSON_TYPE }) });
}
