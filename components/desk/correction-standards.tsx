// The standards view of one correction on its desk page: how the error was classified, how long
// the wrong words were public, how long from the first complaint to the correction, and the
// cases that led to it.
import Link from 'next/link';
import type { CorrectionCase } from '@/db/queries/correction-standards';
import { formatDuration } from '@/lib/standards/clock';
import { CASE_STATUS_LABELS, labelOf, type StandardsConfig, TAXONOMY_FIELDS, TAXONOMY_LABELS, TAXONOMY_LISTS, type Taxonomy } from '@/lib/standards/config';
import { exposedUntil, exposureMs } from '@/lib/standards/exposure';
import { type DateSettings, formatDateTime } from '@/lib/wording';

interface Props {
  correction: Taxonomy & { status: 'draft' | 'published' | 'withdrawn'; publishedAt: Date | null; exposedFrom: Date | null };
  /** When the version that amended the words was saved, if one did. */
  amendedAt: Date | null;
  cases: CorrectionCase[];
  config: StandardsConfig;
  settings: DateSettings;
}

export function CorrectionStandards({ correction, amendedAt, cases, config, settings }: Props) {
  const published = correction.status === 'published' && correction.publishedAt ? correction.publishedAt : null;
  const until = published ? exposedUntil(published, amendedAt) : null;
  const exposure = exposureMs(correction.exposedFrom, until);
  const firstComplaint = cases[0]?.receivedAt ?? null;
  const toCorrection = published ? exposureMs(firstComplaint, published) : null;
  if (correction.status === 'draft' && cases.length === 0) return null;
  return (
    <section className="correction-standards" aria-labelledby="correction-standards-heading">
      <h2 id="correction-standards-heading">Standards</h2>
      {correction.status !== 'draft' ? (
        <dl className="meta-list">
          {TAXONOMY_FIELDS.map((field) => (
            <div key={field}>
              <dt>{TAXONOMY_LABELS[field]}</dt>
              <dd>{labelOf(config[TAXONOMY_LISTS[field]], correction[field])}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {published ? (
        exposure !== null && correction.exposedFrom && until ? (
          <p>
            <strong>Inaccurate for {formatDuration(exposure)}</strong>: the words were first public {formatDateTime(correction.exposedFrom, settings)}, until {until === amendedAt ? 'the text was amended' : 'the notice was published'}{' '}
            {formatDateTime(until, settings)}.
          </p>
        ) : (
          <p className="meta">How long the wrong words were public is not known (no public version carried them, or it was published before exposure was recorded).</p>
        )
      ) : null}
      {toCorrection !== null && firstComplaint ? (
        <p>
          First complaint to correction: {formatDuration(toCorrection)} (received {formatDateTime(firstComplaint, settings)}).
        </p>
      ) : null}
      {cases.length ? (
        <>
          <h3>{cases.length === 1 ? 'The case that led to it' : 'The cases that led to it'}</h3>
          <ul>
            {cases.map((c) => (
              <li key={c.id}>
                <Link href={`/desk/cases/${c.id}`}>Case {c.reference}</Link> ({CASE_STATUS_LABELS[c.status]}), received {formatDateTime(c.receivedAt, settings)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
