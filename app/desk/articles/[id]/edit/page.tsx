import { notFound } from 'next/navigation';
import { hasPermission, requireDeskPage } from '@/app/(auth)/access';
import { ArticleForm } from '@/components/desk/article-form';
import { getDeskArticle } from '@/db/queries/desk';
import { saveVersionAction } from '../../actions';

export const metadata = { title: 'Edit article' };

export default async function EditArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireDeskPage('desk.view', `/desk/articles/${id}/edit`);
  const desk = /^\d+$/.test(id) ? getDeskArticle({ id: Number(id) }) : undefined;
  if (!desk) notFound();
  const { latest } = desk;
  return (
    <section className="article">
      <h1>Edit: {latest.headline}</h1>
      <p className="meta">You are editing version {latest.number}. Saving makes version {latest.number + 1}; nothing is overwritten.</p>
      <ArticleForm
        action={saveVersionAction}
        mode="edit"
        canLegal={hasPermission(user, 'version.legal')}
        initial={{
          articleId: String(desk.article.id),
          baseNumber: String(latest.number),
          headline: latest.headline,
          standfirst: latest.standfirst,
          body: latest.body,
          changeKind: 'update',
          note: '',
        }}
      />
    </section>
  );
}
