// The article's verifiable history: every public version's chain entry, never withheld text or its
// content hash (see lib/history/public-chain; verifyPublicChain checks this document).
import { readPublicHistory } from '@/app/(cache)/reads';
import { PUBLIC_HASH_ALGORITHM, publicChainEntry } from '@/lib/history/public-chain';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const history = await readPublicHistory(slug);
  if (!history) return Response.json({ error: 'No such article.' }, { status: 404 });
  const { article, versions } = history;
  return Response.json({
    slug: article.slug,
    section: article.section,
    status: article.status,
    firstPublishedAt: article.firstPublishedAt?.toISOString() ?? null,
    hashAlgorithm: PUBLIC_HASH_ALGORITHM,
    versions: versions.map(publicChainEntry),
  });
}
