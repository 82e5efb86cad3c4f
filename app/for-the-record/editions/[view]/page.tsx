import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { feedAlternates } from '@/app/(feeds)/alternates';
import { readEditions, readSettings } from '@/app/(cache)/reads';
import { formatCalendarDay } from '@/lib/wording';

// The column's index, /for-the-record: the proxy rewrites it here (lib/routing/cached-routes.ts).
// Rendered on the first request and kept until a published edition invalidates `column`.
export const revalidate = 86400;

export function generateStaticParams() {
  return [];
}

export async function generateMetadata(): Promise<Metadata> {
  const settings = await readSettings();
  return { title: settings.columnName, alternates: feedAlternates('/for-the-record', settings.columnName) };
}

export default async function ColumnIndexPage({ params }: { params: Promise<{ view: string }> }) {
  if ((await params).view !== 'all') notFound();
  const [settings, editions] = await Promise.all([readSettings(), readEditions()]);
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
