// schema.org NewsArticle with its corrections, for search engines and archivists.
import type { NewsroomSettings } from './types';

/** The site's own images, served from public/: a logo for the publisher, a picture for the article. */
export const SITE_IMAGES = {
  logo: { path: '/logo.png', width: 512, height: 512 },
  article: { path: '/og-image.png', width: 1200, height: 675 },
} as const;

export interface JsonLdInput {
  article: { slug: string; section: string; byline: string; firstPublishedAt: Date | null };
  version: { headline: string; standfirst: string; savedAt: Date };
  corrections: { id: number; publishedAt: Date | null; withdrawnAt?: Date | null; printedIn?: { publishedAt: Date } | null }[];
  notices: { id: string; correctionId: number; text: string }[];
  settings: Pick<NewsroomSettings, 'siteUrl' | 'publication'>;
}

/**
 * When readers' page last changed: the version they read, or a notice added, withdrawn or marked
 * as printed since — never earlier than any correction's datePublished.
 */
export function lastModified({ version, corrections }: Pick<JsonLdInput, 'version' | 'corrections'>): Date {
  let latest = version.savedAt.getTime();
  for (const c of corrections) {
    for (const d of [c.publishedAt, c.withdrawnAt, c.printedIn?.publishedAt]) if (d && d.getTime() > latest) latest = d.getTime();
  }
  return new Date(latest);
}

export function articleJsonLd({ article, version, corrections, notices, settings }: JsonLdInput): Record<string, unknown> {
  const url = `${settings.siteUrl}/articles/${article.slug}`;
  const image = (i: (typeof SITE_IMAGES)[keyof typeof SITE_IMAGES]) => ({ '@type': 'ImageObject', url: `${settings.siteUrl}${i.path}`, width: i.width, height: i.height });
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: version.headline,
    description: version.standfirst,
    url,
    mainEntityOfPage: url,
    image: [image(SITE_IMAGES.article)],
    articleSection: article.section,
    author: { '@type': 'Person', name: article.byline },
    publisher: { '@type': 'Organization', name: settings.publication, url: settings.siteUrl, logo: image(SITE_IMAGES.logo) },
    datePublished: article.firstPublishedAt?.toISOString(),
    dateModified: lastModified({ version, corrections }).toISOString(),
    correction: notices.map((n) => ({
      '@type': 'CorrectionComment',
      url: `${url}#${n.id}`,
      text: n.text,
      datePublished: corrections.find((c) => c.id === n.correctionId)?.publishedAt?.toISOString(),
    })),
  };
}
