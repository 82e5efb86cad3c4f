import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { readEdition, readSettings } from '@/app/(cache)/reads';
import { feedAlternates } from '@/app/(feeds)/alternates';
import { noticeId } from '@/lib/article-view';
import { formatCalendarDay } from '@/lib/wording';
import './column.css';

// Rendered on the first request and kept until a write invalidates `column:DATE` or `site`; the
// proxy answers 404 for a date with no published edition before it renders.
export const revalidate = 86400;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ date: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const settings = await readSettings();
  // Each edition advertises the column's feeds, so a reader who lands on one can follow the next.
  return { title: `${settings.columnName}, ${(await params).date}`, alternates: feedAlternates('/for-the-record', settings.columnName) };
}

export default async function EditionPage({ params }: { params: Params }) {
  const { date } = await params;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) notFound();
  const edition = await readEdition(date);
  if (!edition) notFound();
  const settings = await readSettings();
  const { column, items, alsoAmended } = edition;
  return (
    <article className="column-edition">
      <header>
        <h1>{settings.columnName}</h1>
        <p className="column-date">{formatCalendarDay(column.date, settings)}</p>
      </header>
      {column.intro ? <p className="column-intro">{column.intro}</p> : null}
      {items.map((item) => (
        <p key={item.id} className={item.withheld ? 'column-item column-item-withheld' : 'column-item'}>
          {item.readerWording}{' '}
          {item.slug && !item.withheld ? (
            <Link href={`/articles/${item.slug}#${noticeId(item.correctionId)}`} className="column-item-link">
              The note under the article
            </Link>
          ) : null}
        </p>
      ))}
      {alsoAmended.length ? (
        <p className="column-trailer">
          Other recently amended articles include:{' '}
          {alsoAmended.map((a, i) => (
            <span key={a.slug}>
              {i > 0 ? '; ' : ''}
              <Link href={`/articles/${a.slug}`}>{a.headline}</Link>
            </span>
          ))}
          .
        </p>
      ) : null}
      <footer className="column-footer">{column.footer}</footer>
      <p className="column-links">
        <a href={`/for-the-record/${column.date}.txt`}>Plain text for print</a>
      </p>
    </article>
  );
}
