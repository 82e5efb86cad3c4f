import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StatusRecord } from '@/components/articles/status-record';
import { readArticleRecord, readStatusRecord } from '@/app/(cache)/reads';
import { noticeId } from '@/lib/article-view';
import { findSubstantiveChanges, versionFacts } from '@/lib/stealth-edit';
import { changesNoCorrectionMade } from '@/lib/history/carried';
import { describeChange, wordedChanges } from '@/lib/history/wording';
import { CHANGE_KIND_LABELS, CORRECTION_KIND_LABELS } from '@/lib/types';
import { formatDateTime, formatShortDate } from '@/lib/wording';

// Rendered on first request and kept until a write invalidates its tags (app/(cache)/invalidate.ts).
export const revalidate = 86400;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ slug: string }>;


export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const record = await readArticleRecord((await params).slug);
  return { title: record ? `History: ${record.current.headline}` : 'Not found' };
}

export default async function HistoryPage({ params }: { params: Params }) {
  const { slug } = await params;
  const record = await readArticleRecord(slug);
  if (!record) notFound();
  const { article, versions, current, corrections, settings } = record;
  const status = await readStatusRecord(article.slug, article.id);
  const newestFirst = [...versions].reverse();
  const visible = versions.filter((v) => !v.withheld);
  return (
    <section className="article history">
      <p className="kicker">Version history</p>
      <h1>
        <Link href={`/articles/${article.slug}`}>{current.headline}</Link>
      </h1>
      <p className="meta">
        {versions.length} {versions.length === 1 ? 'version' : 'versions'}. Each is kept as it was saved;{' '}
        <a href={`/articles/${article.slug}/history.json`}>the hash chain</a> lets anyone check none was rewritten.
      </p>
      <StatusRecord changes={status} settings={settings} />
      {visible.length > 1 ? (
        <form method="get" action={`/articles/${article.slug}/compare`} className="compare-form">
          <label htmlFor="from">Compare version</label>
          <select id="from" name="from" defaultValue={String(visible[visible.length - 2].number)}>
            {visible.map((v) => (
              <option key={v.number} value={v.number}>
                {v.number}
              </option>
            ))}
          </select>
          <label htmlFor="to">with version</label>
          <select id="to" name="to" defaultValue={String(current.number)}>
            {visible.map((v) => (
              <option key={v.number} value={v.number}>
                {v.number}
              </option>
            ))}
          </select>
          <button type="submit">Compare</button>
        </form>
      ) : null}
      <ol className="version-list" reversed>
        {newestFirst.map((v, i) => {
          const previous = newestFirst[i + 1];
          const carried = corrections.filter((c) => c.amendedVersion?.number === v.number);
          // Facts that changed in a version no correction accounts for (not even one it carries out): shown, never hidden.
          const [was, now] = previous && !previous.withheld && !v.withheld && v.changeKind !== 'legal' ? [versionFacts(previous), versionFacts(v)] : [];
          const uncorrected = was !== undefined && now !== undefined ? wordedChanges(was, now, changesNoCorrectionMade(findSubstantiveChanges(was, now), carried)) : [];
          return (
            <li key={v.number} id={`version-${v.number}`} className="version-item">
              <h2>
                Version {v.number}
                {v.number === current.number ? ' (current)' : ''}
              </h2>
              <p className="meta">
                <time dateTime={v.savedAt.toISOString()}>{formatDateTime(v.savedAt, settings)}</time> · {CHANGE_KIND_LABELS[v.changeKind]}
              </p>
              {v.withheld ? (
                <p className="banner">The text of this version was withheld for legal reasons on {formatShortDate(v.withheld.at, settings)}.</p>
              ) : (
                <>
                  {v.note ? <p>{v.note}</p> : null}
                  {uncorrected.length ? (
                    <p className="uncorrected">
                      <strong>Changed without a correction:</strong>{' '}
                      {uncorrected
                        .slice(0, 4)
                        .map(describeChange)
                        .join('; ')}
                      {uncorrected.length > 4 ? `; and ${uncorrected.length - 4} more` : ''}.
                    </p>
                  ) : null}
                  {carried.map((c) => (
                    <p key={c.id} className="meta">
                      {CORRECTION_KIND_LABELS[c.kind]}: <Link href={`/articles/${article.slug}#${noticeId(c.id)}`}>{c.wording}</Link>
                    </p>
                  ))}
                  <p className="history-links">
                    <Link href={`/articles/${article.slug}/versions/${v.number}`}>Read version {v.number}</Link>
                    {previous && !previous.withheld ? (
                      <>
                        {' · '}
                        <Link href={`/articles/${article.slug}/compare?from=${previous.number}&to=${v.number}`}>
                          Compare with version {previous.number}
                        </Link>
                      </>
                    ) : null}
                  </p>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
