// The sitemap index: the site's pages and every published article, in files of ≤ 50,000 URLs.
import { sitemapIndexResponse } from '@/app/(feeds)/sitemap-files';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  return sitemapIndexResponse();
}
