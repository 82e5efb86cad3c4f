import Link from 'next/link';
import { StatusBadge } from '@/components/desk/status-badge';
import { requireDeskPage } from '@/app/(auth)/access';
import { Pager } from '@/components/desk/pager';
import { listDeskFacets } from '@/db/queries/desk-articles';
import { listCorrectionAuthors, listDeskCorrections } from '@/db/queries/desk-corrections';
import { getSettings } from '@/db/queries/settings';
import { parseCorrectionList, type RawParams } from '@/lib/desk/list-params';
import { CORRECTION_KIND_LABELS, CORRECTION_KINDS, CORRECTION_STATUSES } from '@/lib/types';
import { formatDateTime } from '@/lib/wording';
import { FilterSelect } from '@/components/desk/filter-select';

export const metadata = { title: 'Corrections' };

export default async function DeskCorrectionsPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  await requireDeskPage('desk.view', '/desk/corrections');
  const { flat, filter } = parseCorrectionList(await searchParams);
  const page = await listDeskCorrections(filter);
  const { sections } = await listDeskFacets();
  const authors = await listCorrectionAuthors();
  const settings = await getSettings();
  return (
    <section>
      <h1>Corrections</h1>
      <form method="get" action="/desk/corrections" className="filters">
        <FilterSelect id="status" name="status" label="Status" value={flat.status} options={CORRECTION_STATUSES} />
        <FilterSelect id="kind" name="kind" label="Kind" value={flat.kind} options={CORRECTION_KINDS} labels={CORRECTION_KIND_LABELS} />
        <FilterSelect id="section" name="section" label="Section" value={flat.section} options={sections} />
        <label htmlFor="author">Drafted by</label>
        <select id="author" name="author" defaultValue={flat.author ?? ''}>
          <option value="">Anyone</option>
          {authors.map((a) => (
            <option key={a.id} value={String(a.id)}>
              {a.name}
            </option>
          ))}
        </select>
        <p>
          <button type="submit">Show</button>
        </p>
      </form>
      {page.rows.length === 0 ? <p>No corrections match.</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">Correction</th>
            <th scope="col">Article</th>
            <th scope="col">Section</th>
            <th scope="col">Status</th>
            <th scope="col">Drafted</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((c) => (
            <tr key={c.id}>
              <td>
                <Link href={`/desk/corrections/${c.id}`}>
                  {CORRECTION_KIND_LABELS[c.kind]} #{c.id}
                </Link>
                {c.wording ? `: ${c.wording.slice(0, 160)}` : ''}
              </td>
              <td>
                <Link href={`/desk/articles/${c.articleId}`}>{c.headline}</Link>
              </td>
              <td>{c.section}</td>
              <td>
                <StatusBadge status={c.status} />
              </td>
              <td>
                {formatDateTime(c.draftedAt, settings)}
                {c.draftedBy ? ` by ${c.draftedBy}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager path="/desk/corrections" filters={flat} next={page.next} prev={page.prev} label="Corrections" />
    </section>
  );
}
