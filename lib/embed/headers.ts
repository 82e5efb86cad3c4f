// The headers of an embed answer: its type, and the cache tags that let a write to the article purge
// it (the proxy cannot tag these paths itself: the CMS's id does not name the article's slug).
import { articleTag, cacheTagHeader, SITE, surrogateKeyHeader } from '../cache/tags';

export function embedHeaders({ slug, contentType }: { slug: string | null; contentType: string }): Record<string, string> {
  const tags = slug ? [SITE, articleTag(slug)] : [SITE];
  return {
    'Content-Type': contentType,
    'Surrogate-Key': surrogateKeyHeader(tags),
    'Cache-Tag': cacheTagHeader(tags),
    // The article's page is what search engines should find, not each CMS's copy of its notices.
    'X-Robots-Tag': 'noindex',
  };
}
