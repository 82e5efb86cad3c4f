// One article's correction notices, by the CMS's id for it, as an HTML fragment for the CMS's own
// page (docs/embeds.md): worded exactly as under Errata's article page, with no script or style.
import { readEmbedByExternalId } from '@/app/(cache)/reads';
import { ExternalId } from '@/lib/api/schemas';
import { MISSING_FRAGMENT, noticesFragment } from '@/lib/embed/fragment';
import { embedHeaders } from '@/lib/embed/headers';

export const dynamic = 'force-dynamic';

const HTML = 'text/html; charset=utf-8';

export async function GET(_request: Request, { params }: { params: Promise<{ externalId: string }> }) {
  const id = ExternalId.safeParse((await params).externalId);
  const found = id.success ? await readEmbedByExternalId(id.data) : null;
  // Unknown, draft or never published: the same empty fragment, so a CMS that includes it blindly shows nothing.
  if (!found) return new Response(MISSING_FRAGMENT, { status: 404, headers: embedHeaders({ slug: null, contentType: HTML }) });
  return new Response(noticesFragment(found.view), { headers: embedHeaders({ slug: found.slug, contentType: HTML }) });
}
