import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/articles/article-body';
import { ArticleHeader } from '@/components/articles/article-header';
import { feedAlternates } from '@/app/(feeds)/alternates';
import { ArticleJsonLd } from '@/components/articles/article-json-ld';
import { ReportErrorLink } from '@/components/articles/report-error';
import { NoticeList } from '@/components/corrections/notice-list';
import { StatusRecord } from '@/components/articles/status-record';
import { readArticlePage, readStatusRecord } from '@/app/(cache)/reads';

// Rendered on first request and kept until a write invalidates its tags (app/(cache)/invalidate.ts).
export const revalidate = 86400;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const result = await readArticlePage((await params).slug);
  if (result.status !== 'ok') return { title: 'Not found' };
  return {
    title: result.page.version.headline,
    description: result.page.version.standfirst,
    alternates: feedAlternates(`/articles/${result.page.article.slug}/corrections`, 'Corrections to this article'),
  };
}

export default async function ArticlePage({ params }: { params: Params }) {
  const { slug } = await params;
  const result = await readArticlePage(slug);
  if (result.status !== 'ok') notFound();
  const { article, version, marks, notices, settings, corrections } = result.page;
  const status = await readStatusRecord(article.slug, article.id);
  return (
    <article className="article">
      <ArticleJsonLd article={article} version={version} corrections={corrections} notices={notices} settings={settings} />
      {article.status === 'withdrawn' ? (
        <p className="banner" role="note">
          <strong>This article has been withdrawn.</strong> {article.withdrawnReason}
        </p>
      ) : null}
      <ArticleHeader
        section={article.section}
        headline={version.headline}
        standfirst={version.standfirst}
        byline={article.byline}
        firstPublishedAt={article.firstPublishedAt}
        updatedAt={version.savedAt}
        settings={settings}
      />
      <ArticleBody body={version.body} marks={marks} offsets />
      <ReportErrorLink slug={article.slug} version={version.number} />
      <NoticeList notices={notices} markedIds={new Set(marks.map((m) => m.id))} />
      <StatusRecord changes={status} settings={settings} />
      <nav className="article-links" aria-label="This article's record">
        <Link href={`/articles/${article.slug}/history`}>Version history ({version.number} {version.number === 1 ? 'version' : 'versions'})</Link>
      </nav>
    </article>
  );
}
