import { requireDeskPage } from '@/app/(auth)/access';
import { ArticleForm } from '@/components/desk/article-form';
import { createArticleAction } from '../actions';

export const metadata = { title: 'New article' };

export default async function NewArticlePage() {
  await requireDeskPage('article.create', '/desk/articles/new');
  return (
    <section className="article">
      <h1>New article</h1>
      <ArticleForm action={createArticleAction} mode="create" initial={{}} />
    </section>
  );
}
