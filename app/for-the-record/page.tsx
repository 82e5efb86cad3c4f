import type { Metadata } from 'next';
import Link from 'next/link';
import { feedAlternates } from '@/app/(feeds)/alternates';
import { connection } from 'next/server';
import { listPublicEditions } from '@/db/queries/public-record';
import { getSettings } from '@/db/queries/settings';
import { formatCalendarDay } from '@/lib/wording';

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const settings = getSettings();
  return {
    title: settings.columnName,
    alternates: feedAlternates('/for-the-record', settings.columnName),
  };
}

export default async function ColumnIndexPage() {
  await connection();
  const settings = getSettings();
  const editions = listPublicEditions();
  return (
    <section className="article">
      <h1>{settings.columnName}</h1>
      <p className="standfirst">Our corrections, collected each week as they appear in print.</p>
      {editions.length === 0 ? <p>No editions yet.</p> : null}
      <ul className="edition-list">
        {editions.map((e) => (
          <li key={e.id}>
            <Link href={`/for-the-record/${e.date}`}>{formatCalendarDay(e.date, settings)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
