// A published correction in a list: its kind, article, date and wording.
import Link from 'next/link';
import type { CorrectionListing } from '@/db/queries/corrections';
import { noticeId } from '@/lib/article-view';
import { CORRECTION_KIND_LABELS, type NewsroomSettings } from '@/lib/types';
import { formatShortDate } from '@/lib/wording';

export function CorrectionTeaser({ correction, settings, showClaims = false }: { correction: CorrectionListing; settings: NewsroomSettings; showClaims?: boolean }) {
  return (
    <div className="correction-teaser">
      <p className="meta">
        {CORRECTION_KIND_LABELS[correction.kind]}
        {correction.status === 'withdrawn' ? ' (withdrawn)' : ''} · {correction.article.section}
        {correction.publishedAt ? ` · ${formatShortDate(correction.publishedAt, settings)}` : ''}
      </p>
      <p>
        <Link href={`/articles/${correction.article.slug}#${noticeId(correction.id)}`}>{correction.headline}</Link>: {correction.wording}
      </p>
      {showClaims && correction.claims.length ? (
        <p className="meta">
          The article said: {correction.claims.map((c) => `“${c.exact}”`).join(', ')}
        </p>
      ) : null}
      {correction.status === 'withdrawn' ? <p className="meta">Withdrawn: {correction.withdrawnReason}</p> : null}
    </div>
  );
}
