// /robots.txt: readers' pages are open to crawlers; the desk, sign-in and the API are not. Names the sitemap.
import type { MetadataRoute } from 'next';
import { getSettings } from '@/db/queries/settings';

export const dynamic = 'force-dynamic';

export default async function robots(): Promise<MetadataRoute.Robots> {
  const { siteUrl } = await getSettings();
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/desk', '/api/', '/login'] }],
    sitemap: `${siteUrl}/sitemap.xml`,
  };
}
