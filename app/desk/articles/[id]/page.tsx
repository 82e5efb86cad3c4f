import Link from 'next/link';
import { notFound } from 'next/navigation';
import { hasPermission, requireDeskPage } from '@/app/(auth)/access';
import { ActionForm } from '@/components/desk/action-form';
import { ClaimPicker } from '@/components/desk/claim-picker';
import { getDeskArticle } from '@/db/queries/desk';
import { listDeskCorrectionsForArticle } from '@/db/queries/desk-corrections';
import { getSettings } from '@/db/queries/settings';
import { getVersionText } from '@/db/queries/article-writes';
import { claimMarks, noticeId } from '@/lib/article-view';
import { renderMarkdown } from '@/lib/markdown';
import { CHANGE_KIND_LABELS, CORRECTION_KIND_LABELS } from '@/lib/types';
import { formatDateTime } from '@/lib/wording';
import { publishArticleAction, unwithdrawArticleAction, withdrawArticleAction } from '../actions';
import { resolveFlagAction } from '../flag-actions';
import { FlagPanel } from '@/components/desk/flag-panel';
import { listFlagsForArticle } from '@/db/queries/version-flags';
import { markedChangeText } from '@/lib/history/wording';
import { parseRecordId } from '@/lib/ids';

export const metadata = { title: 'Article' };

export default async function DeskArticlePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { id } = await params;
  const { saved } = await searchParams;
  const user = await requireDeskPage('desk.view', `/desk/articles/${id}`);
  const deskArticleId = parseRecordId(id);
  const desk = deskArticleId === null ? undefined : await getDeskArticle({ id: deskArticleId });
  if (!desk) notFound();
  const settings = await getSettings();
  const { article, latest, versions } = desk;
  const corrections = await listDeskCorrectionsForArticle({ articleId: article.id });
  const flags = await listFlagsForArticle({ articleId: article.id });
  const openFlags = flags.filter((f) => !f.resolvedAt).length;
  // Words of the current text that a correction (draft, published or withdrawn) is already about,
  // found through the claims' anchoring as readers' marks are, and linked to that correction.
  const texts = new Map(await Promise.all(versions.map(async (v) => [v.number, await getVersionText(v)] as const)));
  const byNumber = new Map(versions.map((v) => [v.id, v]));
  const view = corrections.map((c) => {
    const amended = c.amendedVersionId ? byNumber.get(c.amendedVersionId) : undefined;
    return { ...c, amendedVersion: amended ? { number: amended.number, savedAt: amended.savedAt } : null, printedIn: null };
  });
  const existing = claimMarks(view, texts, latest.number).map((m) => {
    const c = corrections.find((x) => m.href === `#${noticeId(x.id)}`);
    const label = c ? `${CORRECTION_KIND_LABELS[c.kind]} #${c.id} (${c.status})` : 'A correction';
    return { ...m, href: c ? `/desk/corrections/${c.id}` : m.href, label };
  });
  return (
    <section className="desk-article">
      {saved ? (
        <p className="banner" role="status">
          Saved version {saved}.
        </p>
      ) : null}
      <p className="meta">
        {article.section} · {article.status}
        {article.externalId ? <> · from the CMS as “{article.externalId}”</> : null}
        {article.status === 'published' ? (
          <>
            {' '}
            · <Link href={`/articles/${article.slug}`} prefetch={false}>Read it as readers do</Link>
          </>
        ) : null}
      </p>
      <h1>{latest.headline}</h1>
      {article.withdrawnReason ? <p className="banner">Withdrawn: {article.withdrawnReason}</p> : null}
      <div className="desk-actions">
        <Link className="button" href={`/desk/articles/${article.id}/edit`}>
          Edit (new version)
        </Link>
        {article.status === 'draft' ? <ActionForm action={publishArticleAction} hidden={{ articleId: String(article.id) }} submitLabel="Publish" /> : null}
        {article.status === 'published' && hasPermission(user, 'article.withdraw') ? (
          <ActionForm action={withdrawArticleAction} hidden={{ articleId: String(article.id) }} submitLabel="Withdraw" reasonLabel="Reason for withdrawal (public)" />
        ) : null}
        {article.status === 'withdrawn' && hasPermission(user, 'article.unwithdraw') ? (
          <ActionForm action={unwithdrawArticleAction} hidden={{ articleId: String(article.id) }} submitLabel="Restore" reasonLabel="Reason for restoring it (public)" />
        ) : null}
      </div>
      {flags.length > 0 ? (
        <section aria-labelledby="flags-heading" className={openFlags > 0 ? 'flags flags-open' : 'flags'}>
          <h2 id="flags-heading">Stealth-edit flags{openFlags > 0 ? ` (${openFlags} open)` : ''}</h2>
          <ul className="flag-list">
            {flags.map((f) => (
              <FlagPanel
                key={f.id}
                flag={{ id: f.id, versionNumber: f.versionNumber, changes: f.changes.map((c) => `${c.kind} ${markedChangeText(c)}`), resolution: f.resolution, resolvedAt: f.resolvedAt ? formatDateTime(f.resolvedAt, settings) : null }}
                articleId={article.id}
                corrections={corrections.filter((c) => c.status === 'published').map((c) => ({ id: c.id, label: `${CORRECTION_KIND_LABELS[c.kind]} #${c.id}` }))}
                action={resolveFlagAction}
                canResolve={hasPermission(user, 'flag.resolve')}
              />
            ))}
          </ul>
        </section>
      ) : null}
      <h2>Current text (version {latest.number})</h2>
      <p className="standfirst">{latest.standfirst}</p>
      <ClaimPicker html={renderMarkdown(latest.body, { offsets: true, marks: existing })} plain={texts.get(latest.number) ?? ''} articleId={article.id} versionNumber={latest.number} existing={existing} />
      <p>
        <Link href={`/desk/articles/${article.id}/corrections/new?v=${latest.number}`}>Add a correction by typing the words</Link>
      </p>
      <h2>Corrections</h2>
      {corrections.length === 0 ? (
        <p className="meta">None yet.</p>
      ) : (
        <ul className="desk-corrections">
          {corrections.map((c) => (
            <li key={c.id}>
              <Link href={`/desk/corrections/${c.id}`}>
                {CORRECTION_KIND_LABELS[c.kind]} ({c.status})
              </Link>
              : “{c.claims.map((claim) => claim.exact).join('”, “')}” — {c.wording}
            </li>
          ))}
        </ul>
      )}
      <h2>Versions</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Saved</th>
            <th scope="col">Kind</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr key={v.id}>
              <td>
                <Link href={`/desk/articles/${article.id}/versions/${v.number}`}>{v.number}</Link>
                {v.withheld ? ' (withheld from readers)' : ''}
              </td>
              <td>{formatDateTime(v.savedAt, settings)}</td>
              <td>{CHANGE_KIND_LABELS[v.changeKind]}</td>
              <td>{v.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
