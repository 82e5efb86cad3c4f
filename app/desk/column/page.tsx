import Link from 'next/link';
import { requireDeskPage } from '@/app/(auth)/access';
import { ActionForm } from '@/components/desk/action-form';
import { countUnprinted, listEditions } from '@/db/queries/columns';
import { getSettings } from '@/db/queries/settings';
import { isoDateInZone } from '@/lib/wording';
import { generateEditionAction } from './actions';

export const metadata = { title: 'Column' };

export default async function ColumnDeskPage() {
  await requireDeskPage('column.view', '/desk/column');
  const settings = getSettings();
  const editions = listEditions({ publishedOnly: false });
  const waiting = countUnprinted();
  return (
    <section className="article">
      <h1>{settings.columnName}</h1>
      <p>
        {waiting} published {waiting === 1 ? 'correction waits' : 'corrections wait'} for the next edition.
      </p>
      <ActionForm action={generateEditionAction} hidden={{}} submitLabel="Generate edition">
        <label htmlFor="edition-date">Edition date</label>
        <input id="edition-date" name="date" type="date" defaultValue={isoDateInZone(new Date(), settings.timeZone)} />
      </ActionForm>
      <h2>Editions</h2>
      <ul>
        {editions.map((e) => (
          <li key={e.id}>
            <Link href={`/desk/column/${e.id}`}>{e.date}</Link> ({e.status})
          </li>
        ))}
      </ul>
    </section>
  );
}
