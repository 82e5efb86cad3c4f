import Link from 'next/link';
import { requireDeskPage } from '@/app/(auth)/access';
import { listDeskArticles } from '@/db/queries/desk';
import { getSettings } from '@/db/queries/settings';
import { CHANGE_KIND_LABELS } from '@/lib/types';
import { formatDateTime } from '@/lib/wording';

export const metadata = { title: 'Desk' };

export default async function DeskPage() {
  // Each page checks for itself: Next renders a page alongside its layout, not after it.
  await requireDeskPage('desk.view', '/desk');
  const rows = listDeskArticles();
  const settings = getSettings();
  return (
    <section>
      <h1>Articles</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col">Section</th>
            <th scope="col">Status</th>
            <th scope="col">Last version</th>
            <th scope="col">Draft corrections</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ article, latest, draftCorrections }) => (
            <tr key={article.id}>
              <td>
                <Link href={`/desk/articles/${article.id}`}>{latest.headline}</Link>
              </td>
              <td>{article.section}</td>
              <td>{article.status}</td>
              <td>
                v{latest.number}, {CHANGE_KIND_LABELS[latest.changeKind]}, {formatDateTime(latest.savedAt, settings)}
              </td>
              <td>{draftCorrections}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
