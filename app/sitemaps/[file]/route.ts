// One file of the sitemap (/sitemaps/pages.xml, /sitemaps/articles-N.xml), named by /sitemap.xml.
import { sitemapFileResponse } from '@/app/(feeds)/sitemap-files';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  return sitemapFileResponse((await params).file);
}
