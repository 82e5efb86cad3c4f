// The article's verifiable history: every public version's metadata and hashes, never withheld text.
import { getPublicArticleBySlug, getPublicVersions } from '@/db/queries/articles';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = getPublicArticleBySlug({ slug });
  if (!article) return Response.json({ error: 'No such article.' }, { status: 404 });
  const versions = getPublicVersions({ article });
  return Response.json({
    slug: article.slug,
    section: article.section,
    status: article.status,
    firstPublishedAt: article.firstPublishedAt?.toISOString() ?? null,
    hashAlgorithm: 'sha256; contentHash = sha256(JSON [headline, standfirst, body]); hash = sha256(JSON [prevHash, number, contentHash, changeKind, note, savedAt])',
    versions: versions.map((v) => ({
      number: v.number,
      savedAt: v.savedAt.toISOString(),
      changeKind: v.changeKind,
      note: v.withheld ? null : v.note,
      contentHash: v.contentHash,
      prevHash: v.prevHash,
      hash: v.hash,
      withheld: v.withheld ? { reason: 'Withheld for legal reasons', on: v.withheld.at.toISOString().slice(0, 10) } : null,
    })),
  });
}
