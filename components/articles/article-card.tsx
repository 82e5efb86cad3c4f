// One article on the front page: headline, standfirst and date.
import Link from 'next/link';
import type { ArticleSummary } from '@/db/queries/public-record';
import type { NewsroomSettings } from '@/lib/types';
import { formatShortDate } from '@/lib/wording';

export function ArticleCard({ article, settings }: { article: ArticleSummary; settings: NewsroomSettings }) {
  return (
    <div className="card">
      <h3>
        <Link href={`/articles/${article.slug}`}>{article.headline}</Link>
      </h3>
      <p>{article.standfirst}</p>
      {article.firstPublishedAt ? <p className="meta">{formatShortDate(article.firstPublishedAt, settings)}</p> : null}
    </div>
  );
}
