import { notFound } from 'next/navigation';
import { hasPermission, requireDeskPage } from '@/app/(auth)/access';
import { ArticleForm } from '@/components/desk/article-form';
import { getDeskArticle } from '@/db/queries/desk';
import { listCorrectionsToCarryOut } from '@/db/queries/desk-corrections';
import { carryingOutKind } from '@/lib/roles';
import { CORRECTION_KIND_LABELS } from '@/lib/types';
import { saveVersionAction } from '../../actions';
import { parseRecordId } from '@/lib/ids';

export const metadata = { title: 'Edit article' };

export default async function EditArticlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ correction?: string | string[] }> }) {
  const { id } = await params;
  const user = await requireDeskPage('desk.view', `/desk/articles/${id}/edit`);
  const deskArticleId = parseRecordId(id);
  const desk = deskArticleId === null ? undefined : await getDeskArticle({ id: deskArticleId });
  if (!desk) notFound();
  const { latest } = desk;
  // "Amend the text for this correction" opens this form bound to it (?correction=N).
  const asked = (await searchParams).correction;
  const toCarryOut = await listCorrectionsToCarryOut({ articleId: desk.article.id });
  const bound = typeof asked === 'string' ? toCarryOut.find((c) => String(c.id) === asked) : undefined;
  return (
    <section className="article">
      <h1>Edit: {latest.headline}</h1>
      <p className="meta">You are editing version {latest.number}. Saving makes version {latest.number + 1}; nothing is overwritten.</p>
      {bound ? (
        <p className="banner">
          This edit carries out {CORRECTION_KIND_LABELS[bound.kind].toLowerCase()} {bound.id}: change “{bound.claims.map((c) => c.exact).join('”, “')}” to the right words.
        </p>
      ) : null}
      <ArticleForm
        action={saveVersionAction}
        mode="edit"
        canLegal={hasPermission(user, 'version.legal')}
        carryOut={toCarryOut.map((c) => ({ id: c.id, label: `${CORRECTION_KIND_LABELS[c.kind]} ${c.id}: “${c.claims.map((claim) => claim.exact).join('”, “')}”` }))}
        initial={{
          articleId: String(desk.article.id),
          baseNumber: String(latest.number),
          headline: latest.headline,
          standfirst: latest.standfirst,
          body: latest.body,
          changeKind: bound ? carryingOutKind(bound.kind) : 'update',
          note: '',
          carriesOut: bound ? String(bound.id) : '',
        }}
      />
    </section>
  );
}
