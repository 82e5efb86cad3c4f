import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/articles/article-body';
import { ArticleHeader } from '@/components/articles/article-header';
import { WithheldNotice } from '@/components/articles/withheld-notice';
import { NoticeList } from '@/components/corrections/notice-list';
import { readArticlePage } from '@/app/(cache)/reads';
import { formatDateTime } from '@/lib/wording';

// Rendered on first request and kept until a write invalidates its tags (app/(cache)/invalidate.ts).
export const revalidate = 86400;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ slug: string; n: string }>;

function parseNumber(n: string): number | null {
  return /^[1-9][0-9]{0,8}$/.test(n) ? Number(n) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { n } = await params;
  return { title: `Version ${parseNumber(n) ?? ''}`, robots: { index: false } };
}

export default async function VersionPage({ params }: { params: Params }) {
  const { slug, n } = await params;
  const number = parseNumber(n);
  if (number === null) notFound();
  const result = await readArticlePage(slug, number);
  if (result.status === 'not-found') notFound();
  if (result.status === 'withheld') return <WithheldNotice article={result.article} version={result.version} settings={result.settings} />;
  const { article, version, current, marks, notices, settings } = result.page;
  const isCurrent = version.number === current.number;
  return (
    <article className="article">
      {isCurrent ? (
        <p className="banner" role="note">
          This is version {version.number}, the current version. <Link href={`/articles/${article.slug}`}>Read the article</Link>.
        </p>
      ) : (
        <p className="banner" role="note">
          <strong>This is an older version of this article</strong> — version {version.number} of {current.number}, saved{' '}
          {formatDateTime(version.savedAt, settings)}. <Link href={`/articles/${article.slug}`}>Read the current version</Link> or{' '}
          <Link href={`/articles/${article.slug}/compare?from=${version.number}&to=${current.number}`}>see what changed since</Link>.
        </p>
      )}
      <ArticleHeader
        section={article.section}
        headline={version.headline}
        standfirst={version.standfirst}
        byline={article.byline}
        firstPublishedAt={article.firstPublishedAt}
        updatedAt={version.savedAt}
        settings={settings}
      />
      <ArticleBody body={version.body} marks={marks} />
      {!isCurrent && notices.length > 0 ? <p className="meta">Corrections made after this version was saved:</p> : null}
      <NoticeList notices={notices} markedIds={new Set(marks.map((m) => m.id))} />
    </article>
  );
}
