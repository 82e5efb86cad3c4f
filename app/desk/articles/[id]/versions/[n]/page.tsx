import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireDeskPage } from '@/app/(auth)/access';
import { ArticleBody } from '@/components/articles/article-body';
import { getDeskArticle } from '@/db/queries/desk';
import { getSettings } from '@/db/queries/settings';
import { CHANGE_KIND_LABELS } from '@/lib/types';
import { formatDateTime } from '@/lib/wording';
import { parseRecordId } from '@/lib/ids';

export const metadata = { title: 'Version' };

// The desk sees every version as it was saved, withheld ones included.
export default async function DeskVersionPage({ params }: { params: Promise<{ id: string; n: string }> }) {
  const { id, n } = await params;
  await requireDeskPage('desk.view', `/desk/articles/${id}/versions/${n}`);
  const deskArticleId = parseRecordId(id);
  const desk = deskArticleId === null ? undefined : await getDeskArticle({ id: deskArticleId });
  const version = desk?.versions.find((v) => String(v.number) === n);
  if (!desk || !version) notFound();
  const settings = await getSettings();
  return (
    <article className="article">
      <p className="meta">
        <Link href={`/desk/articles/${desk.article.id}`}>Back to the article</Link>
      </p>
      {version.withheld ? (
        <p className="banner" role="note">
          Withheld from readers since {formatDateTime(version.withheld.at, settings)}: {version.withheld.reason}
        </p>
      ) : null}
      <p className="meta">
        Version {version.number} · {CHANGE_KIND_LABELS[version.changeKind]} · {formatDateTime(version.savedAt, settings)}
      </p>
      <h1>{version.headline}</h1>
      <p className="standfirst">{version.standfirst}</p>
      <ArticleBody body={version.body} />
    </article>
  );
}
