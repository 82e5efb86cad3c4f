import { ArticleForm } from '@/components/desk/article-form';
import { createArticleAction } from '../actions';

export const metadata = { title: 'New article' };

export default function NewArticlePage() {
  return (
    <section className="article">
      <h1>New article</h1>
      <ArticleForm action={createArticleAction} mode="create" initial={{}} />
    </section>
  );
}
