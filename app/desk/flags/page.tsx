import Link from 'next/link';
import { requireDeskPage } from '@/app/(auth)/access';
import { getSettings } from '@/db/queries/settings';
import { listOpenFlags } from '@/db/queries/version-flags';
import { markedChangeText } from '@/lib/history/wording';
import { formatDateTime } from '@/lib/wording';

export const metadata = { title: 'Stealth-edit flags' };

export default async function FlagsPage() {
  await requireDeskPage('desk.view', '/desk/flags');
  const settings = await getSettings();
  const flags = await listOpenFlags();
  return (
    <section>
      <h1>Stealth-edit flags</h1>
      <p className="meta">Versions your CMS sent whose numbers, names, quotes or negations changed with no correction. Each waits here until a standards editor resolves it on the article’s page.</p>
      {flags.length === 0 ? (
        <p className="meta">None open.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>Open flags, oldest first</caption>
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Version</th>
                <th scope="col">Arrived</th>
                <th scope="col">What changed</th>
              </tr>
            </thead>
            <tbody>
              {flags.map((f) => (
                <tr key={f.id}>
                  <td>
                    <Link href={`/desk/articles/${f.articleId}`}>{f.headline}</Link>
                  </td>
                  <td>{f.versionNumber}</td>
                  <td>{formatDateTime(f.createdAt, settings)}</td>
                  <td>{f.changes.map((c) => `${c.kind} ${markedChangeText(c)}`).join('; ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
