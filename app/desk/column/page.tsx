import Link from 'next/link';
import { requireDeskPage } from '@/app/(auth)/access';
import { StatusBadge } from '@/components/desk/status-badge';
import { GenerateEditionForm } from '@/components/desk/generate-edition-form';
import { countUnprinted, listEditions } from '@/db/queries/columns';
import { getSettings } from '@/db/queries/settings';
import { COUNT_CAP } from '@/lib/desk/keyset';
import { isoDateInZone } from '@/lib/wording';
import { generateEditionAction } from './actions';

export const metadata = { title: 'Column' };

export default async function ColumnDeskPage() {
  await requireDeskPage('column.view', '/desk/column');
  const settings = await getSettings();
  const editions = await listEditions();
  const waiting = await countUnprinted();
  return (
    <section className="article">
      <h1>{settings.columnName}</h1>
      <p>
        {waiting > COUNT_CAP ? `More than ${COUNT_CAP.toLocaleString('en-GB')}` : waiting} published {waiting === 1 ? 'correction waits' : 'corrections wait'} for the next edition.
      </p>
      <p className="meta">
        Give the edition’s date, then choose which waiting corrections it prints. Several draft editions may be open at once, one per date; a correction is printed in one edition only, so
        while a draft holds it no other edition offers it.
      </p>
      <GenerateEditionForm action={generateEditionAction} today={isoDateInZone(new Date(), settings.timeZone)} />
      <h2>Editions</h2>
      <ul>
        {editions.map((e) => (
          <li key={e.id}>
            <Link href={`/desk/column/${e.id}`}>{e.date}</Link> <StatusBadge status={e.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
