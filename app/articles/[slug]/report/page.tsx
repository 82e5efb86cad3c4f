import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { ReportForm } from '@/components/articles/report-form';
import { readArticleRecord } from '@/app/(cache)/reads';

export const metadata: Metadata = { title: 'Report an error', robots: { index: false } };

type SearchParams = Promise<{ v?: string; s?: string; e?: string; q?: string }>;

const int = (s: string | undefined) => (s && /^\d{1,9}$/.test(s) ? Number(s) : null);

export default async function ReportPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  await connection();
  const { slug } = await params;
  const query = await searchParams;
  const record = await readArticleRecord(slug);
  const wanted = int(query.v);
  const version = wanted === null ? record?.current : record?.versions.find((v) => v.number === wanted);
  if (!record || !version || version.withheld) notFound();
  const { article } = record;
  const words = (query.q ?? '').slice(0, 1000);
  return (
    <section className="article">
      <h1>Report an error</h1>
      <p className="meta">
        In <Link href={`/articles/${article.slug}`}>{version.headline}</Link> (version {version.number}).
      </p>
      <ReportForm slug={article.slug} version={version.number} start={int(query.s)} end={int(query.e)} words={words.trim() ? words : ''} />
    </section>
  );
}
