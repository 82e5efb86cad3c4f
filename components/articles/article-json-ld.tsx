// schema.org NewsArticle with its corrections, for search engines and archivists.
import type { Notice } from '@/lib/article-view';
import type { Article } from '@/db/schema';
import type { NewsroomSettings } from '@/lib/types';

interface Props {
  article: Article;
  version: { headline: string; standfirst: string; savedAt: Date };
  corrections: { id: number; publishedAt: Date | null }[];
  notices: Notice[];
  settings: NewsroomSettings;
}

export function articleJsonLd({ article, version, corrections, notices, settings }: Props): Record<string, unknown> {
  const url = `${settings.siteUrl}/articles/${article.slug}`;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: version.headline,
    description: version.standfirst,
    url,
    articleSection: article.section,
    author: { '@type': 'Person', name: article.byline },
    publisher: { '@type': 'Organization', name: settings.publication },
    datePublished: article.firstPublishedAt?.toISOString(),
    dateModified: version.savedAt.toISOString(),
    correction: notices.map((n) => ({
      '@type': 'CorrectionComment',
      url: `${url}#${n.id}`,
      text: n.text,
      datePublished: corrections.find((c) => c.id === n.correctionId)?.publishedAt?.toISOString(),
    })),
  };
}

export function ArticleJsonLd(props: Props) {
  // Escape "<" so no text in the data can close the script element.
  const json = JSON.stringify(articleJsonLd(props)).replace(/</g, '\\u003c');
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
