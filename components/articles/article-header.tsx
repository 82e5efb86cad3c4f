// An article's headline block: section, headline, standfirst, byline and its dates.
import Link from 'next/link';
import { sectionPath } from '@/lib/routing/sections';
import type { NewsroomSettings } from '@/lib/types';
import { formatDateTime } from '@/lib/wording';

interface Props {
  section: string;
  headline: string;
  standfirst: string;
  byline: string;
  firstPublishedAt: Date | null;
  updatedAt: Date | null;
  settings: NewsroomSettings;
}

export function ArticleHeader({ section, headline, standfirst, byline, firstPublishedAt, updatedAt, settings }: Props) {
  const updated = updatedAt && firstPublishedAt && updatedAt.getTime() > firstPublishedAt.getTime() ? updatedAt : null;
  return (
    <header>
      <p className="kicker">
        <Link href={sectionPath(section)}>{section}</Link>
      </p>
      <h1>{headline}</h1>
      {standfirst ? <p className="standfirst">{standfirst}</p> : null}
      <p className="byline">By {byline}</p>
      <p className="dates">
        {firstPublishedAt ? (
          <>
            Published <time dateTime={firstPublishedAt.toISOString()}>{formatDateTime(firstPublishedAt, settings)}</time>
          </>
        ) : null}
        {updated ? (
          <>
            , last updated <time dateTime={updated.toISOString()}>{formatDateTime(updated, settings)}</time>
          </>
        ) : null}
      </p>
    </header>
  );
}
