// What readers see in place of a version withheld for legal reasons: the fact, never the text.
import Link from 'next/link';
import type { Article } from '@/db/schema';
import type { NewsroomSettings } from '@/lib/types';
import { formatLongDate } from '@/lib/wording';

interface Props {
  article: Pick<Article, 'slug'>;
  version: { number: number; withheld: { at: Date } | null };
  settings: NewsroomSettings;
}

export function WithheldNotice({ article, version, settings }: Props) {
  return (
    <article className="article">
      <h1>Version {version.number} is withheld</h1>
      <p className="banner" role="note">
        The text of this version was withheld for legal reasons on {version.withheld ? formatLongDate(version.withheld.at, settings) : 'an earlier date'}.
      </p>
      <p>
        <Link href={`/articles/${article.slug}`}>Read the current version</Link>.
      </p>
    </article>
  );
}
