import Link from 'next/link';
import { notFound } from 'next/navigation';
import { hasPermission, requireDeskPage } from '@/app/(auth)/access';
import { ActionForm } from '@/components/desk/action-form';
import { CorrectionForm } from '@/components/desk/correction-form';
import { CorrectionStandards } from '@/components/desk/correction-standards';
import { PublishCorrectionForm } from '@/components/desk/publish-correction-form';
import { SameErrorElsewhere } from '@/components/desk/same-error-elsewhere';
import { CorrectionDeliveries } from '@/components/desk/webhook-deliveries';
import { getStandardsConfig } from '@/db/queries/cases';
import { casesForCorrection } from '@/db/queries/correction-standards';
import { getDeskCorrection } from '@/db/queries/desk-corrections';
import { getSettings } from '@/db/queries/settings';
import { listOutboxFor } from '@/db/queries/webhook-delivery';
import { noticeId, notices } from '@/lib/article-view';
import { carryingOutKind, versionPermission } from '@/lib/roles';
import { CORRECTION_KIND_LABELS } from '@/lib/types';
import { formatDateTime } from '@/lib/wording';
import { publishCorrectionAction, updateCorrectionAction, withdrawCorrectionAction } from '../actions';
import { parseRecordId } from '@/lib/ids';

export const metadata = { title: 'Correction' };

export default async function DeskCorrectionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireDeskPage('desk.view', `/desk/corrections/${id}`);
  const correctionId = parseRecordId(id);
  const desk = correctionId === null ? undefined : await getDeskCorrection({ id: correctionId });
  if (!desk) notFound();
  const { correction, article, amendedVersion, latestHeadline } = desk;
  const settings = await getSettings();
  const standards = hasPermission(user, 'correction.publish');
  const config = await getStandardsConfig();
  const taxonomy = { errorTypes: config.errorTypes, errorCauses: config.errorCauses, foundBy: config.foundBy };
  const classified = { errorType: correction.errorType, errorCause: correction.errorCause, foundBy: correction.foundBy };
  const linkedCases = hasPermission(user, 'case.view') ? (await casesForCorrection({ correctionId: correction.id })) : [];
  // A published correction whose text was left as it was can be carried out by a later edit.
  const canCarryOut = correction.status === 'published' && !amendedVersion && correction.kind !== 'retraction' && hasPermission(user, versionPermission(carryingOutKind(correction.kind)));
  // The notice as readers will read it if it is published now (worded by the one notice composer).
  const now = new Date();
  const readerPreview = {
    notice:
      notices(
        [{ ...correction, status: 'published', publishedAt: now, withdrawnAt: null, withdrawnReason: null, amendedVersion: correction.mode === 'amend' ? { number: 0, savedAt: now } : null, printedIn: null }],
        settings,
      )[0]?.text ?? correction.wording,
    replaces: correction.mode === 'amend' ? correction.claims.flatMap((c) => (c.replacement ? [{ exact: c.exact, replacement: c.replacement }] : [])) : [],
  };
  return (
    <section className="article">
      <p className="meta">
        <Link href={`/desk/articles/${article.id}`}>Back to the article</Link>
      </p>
      <h1>
        {CORRECTION_KIND_LABELS[correction.kind]} ({correction.status})
      </h1>
      <p className="meta">
        Drafted by {correction.draftedByName ?? 'unknown'} on {formatDateTime(correction.draftedAt, settings)} against version{' '}
        {correction.claims[0]?.versionNumber}.
        {correction.publishedAt ? ` Published by ${correction.publishedByName ?? 'unknown'} on ${formatDateTime(correction.publishedAt, settings)}.` : ''}
      </p>
      {correction.status === 'draft' ? (
        <>
          <CorrectionForm
            action={updateCorrectionAction}
            hidden={{ correctionId: String(correction.id), revision: String(correction.revision) }}
            claims={correction.claims.map((c) => c.exact)}
            initial={{ kind: correction.kind, mode: correction.mode, wording: correction.wording, said: correction.said ?? '', about: correction.about ?? '', replacements: correction.claims.map((c) => c.replacement ?? ''), ...classified }}
            taxonomy={taxonomy}
            submitLabel="Save draft"
            preview={{
              article: { headline: latestHeadline, section: article.section, firstPublishedAt: (article.firstPublishedAt ?? correction.draftedAt).toISOString() },
              claims: correction.claims.map((c) => ({ exact: c.exact, prefix: c.prefix })),
              settings,
              now: new Date().toISOString(),
            }}
          />
          {standards ? (
            <PublishCorrectionForm action={publishCorrectionAction} correctionId={correction.id} revision={correction.revision} preview={readerPreview} taxonomy={taxonomy} classified={classified} />
          ) : (
            <p className="meta">A standards editor publishes this draft.</p>
          )}
        </>
      ) : (
        <>
          <ul>
            {correction.claims.map((c) => (
              <li key={c.id}>
                <mark className="claim">{c.exact}</mark>
                {c.replacement ? <> → {c.replacement}</> : null}
              </li>
            ))}
          </ul>
          {correction.said ? <p>What it said: {correction.said}</p> : null}
          <p>{correction.wording}</p>
          {amendedVersion ? (
            <p className="meta">
              The text was amended for this {CORRECTION_KIND_LABELS[correction.kind].toLowerCase()} in{' '}
              <Link href={`/desk/articles/${article.id}/versions/${amendedVersion.number}`}>version {amendedVersion.number}</Link>, {formatDateTime(amendedVersion.savedAt, settings)}.
            </p>
          ) : null}
          {canCarryOut ? (
            <p>
              <Link className="button" href={`/desk/articles/${article.id}/edit?correction=${correction.id}`}>
                Amend the text for this correction
              </Link>
            </p>
          ) : null}
          {correction.status === 'withdrawn' ? <p className="banner">Withdrawn: {correction.withdrawnReason}</p> : null}
          <p>
            <Link href={`/articles/${article.slug}#${noticeId(correction.id)}`} prefetch={false}>See the notice as readers do</Link>
          </p>
          {correction.status === 'published' && standards ? (
            <ActionForm action={withdrawCorrectionAction} hidden={{ correctionId: String(correction.id), revision: String(correction.revision) }} submitLabel="Withdraw correction" reasonLabel="Public reason for withdrawing it" />
          ) : null}
          <SameErrorElsewhere correctionId={correction.id} />
        </>
      )}
      <CorrectionStandards correction={correction} amendedAt={amendedVersion?.savedAt ?? null} cases={linkedCases} config={config} settings={settings} />
      {correction.status !== 'draft' ? <CorrectionDeliveries entries={await listOutboxFor('correction', correction.id)} settings={settings} manageLink={hasPermission(user, 'webhooks.manage')} /> : null}
    </section>
  );
}
