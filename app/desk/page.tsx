import Link from 'next/link';
import { hasPermission, requireDeskPage } from '@/app/(auth)/access';
import { deskNow } from '@/app/(auth)/clock';
import { CasesAttentionPanel } from '@/components/cases/cases-attention';
import { AttentionPanel } from '@/components/desk/attention-panel';
import { StandardsAlertsPanel } from '@/components/desk/standards-alerts';
import { casesNeedingAttention, getStandardsConfig } from '@/db/queries/cases';
import { standardsAlerts } from '@/db/queries/standards';
import { StatusBadge } from '@/components/desk/status-badge';
import { getDeskAttention } from '@/db/queries/desk-attention';
import { editionDue } from '@/lib/desk/attention';
import { isoDateInZone } from '@/lib/wording';
import { Pager } from '@/components/desk/pager';
import { listDeskArticles, listDeskFacets } from '@/db/queries/desk-articles';
import { getSettings } from '@/db/queries/settings';
import { countLabel } from '@/lib/desk/keyset';
import { parseArticleList, type RawParams } from '@/lib/desk/list-params';
import { ARTICLE_STATUSES, CHANGE_KIND_LABELS } from '@/lib/types';
import { formatDateTime } from '@/lib/wording';
import { FilterSelect } from '@/components/desk/filter-select';

export const metadata = { title: 'Desk' };

export default async function DeskPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  // Each page checks for itself: Next renders a page alongside its layout, not after it.
  const user = await requireDeskPage('desk.view', '/desk');
  const { flat, filter } = parseArticleList(await searchParams);
  const page = await listDeskArticles(filter);
  const facets = await listDeskFacets();
  const settings = await getSettings();
  const attention = await getDeskAttention();
  const showColumn = hasPermission(user, 'column.view');
  // The casebook's clocks read the desk's now; an owner sees their own cases, standards every one.
  const showCases = hasPermission(user, 'case.view');
  const allCases = hasPermission(user, 'case.manage');
  const now = await deskNow();
  const standardsConfig = await getStandardsConfig();
  const cases = showCases ? (await casesNeedingAttention({ ownerId: allCases ? null : user.id, now, config: standardsConfig })) : null;
  const alerts = hasPermission(user, 'standards.view') ? (await standardsAlerts(now, standardsConfig)) : [];
  return (
    <section>
      <h1>Articles</h1>
      <AttentionPanel attention={attention} showColumn={showColumn} due={showColumn && editionDue(attention, isoDateInZone(new Date(), settings.timeZone))} columnName={settings.columnName} />
      {cases ? <CasesAttentionPanel attention={cases} mine={!allCases} now={now} config={standardsConfig} /> : null}
      <StandardsAlertsPanel alerts={alerts} />
      <form method="get" action="/desk" className="filters" role="search">
        <label htmlFor="q">Search</label>
        <input id="q" name="q" type="search" defaultValue={flat.q} placeholder="Words, slug or byline" />
        <FilterSelect id="status" name="status" label="Status" value={flat.status} options={ARTICLE_STATUSES} />
        <FilterSelect id="section" name="section" label="Section" value={flat.section} options={facets.sections} />
        <label htmlFor="author">Byline</label>
        <input id="author" name="author" list="authors" defaultValue={flat.author} />
        <datalist id="authors">
          {facets.authors.map((a) => (
            <option key={a} value={a} />
          ))}
        </datalist>
        <label htmlFor="since">Changed since</label>
        <input id="since" name="since" type="date" defaultValue={flat.since} />
        <label>
          <input type="checkbox" name="drafts" value="1" defaultChecked={flat.drafts === '1'} /> Has draft corrections
        </label>
        <label>
          <input type="checkbox" name="reports" value="1" defaultChecked={flat.reports === '1'} /> Has open reports
        </label>
        <label htmlFor="sort">Order</label>
        <select id="sort" name="sort" defaultValue={flat.sort ?? 'newest'}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
        <p>
          <button type="submit">Show</button>
        </p>
      </form>
      <p className="meta" role="status">
        {countLabel(page.matching, ['article', 'articles'])}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col">Section</th>
            <th scope="col">Byline</th>
            <th scope="col">Status</th>
            <th scope="col">Last version</th>
            <th scope="col">Draft corrections</th>
            <th scope="col">Open reports</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/desk/articles/${row.id}`}>{row.latest.headline}</Link>
              </td>
              <td>{row.section}</td>
              <td>{row.byline}</td>
              <td>
                <StatusBadge status={row.status} />
              </td>
              <td>
                v{row.latest.number}, {CHANGE_KIND_LABELS[row.latest.changeKind]}, {formatDateTime(row.latest.savedAt, settings)}
              </td>
              <td>{row.draftCorrections}</td>
              <td>{row.openReports}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager path="/desk" filters={flat} next={page.next} prev={page.prev} label="Articles" />
    </section>
  );
}
