import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { feedAlternates } from '@/app/(feeds)/alternates';
import { readFrontPage, readSettings } from '@/app/(cache)/reads';
import { ArticleCard } from '@/components/articles/article-card';
import { CorrectionTeaser } from '@/components/corrections/correction-teaser';
import { sectionPath } from '@/lib/routing/sections';

export const metadata: Metadata = { alternates: feedAlternates('/corrections', 'All corrections') };

// The front page, /: the proxy rewrites it here (lib/routing/cached-routes.ts). Rendered on the
// first request and kept until a write invalidates `home` or `site` (app/(cache)/invalidate.ts).
export const revalidate = 86400;

export function generateStaticParams() {
  return [];
}

export default async function FrontPage({ params }: { params: Promise<{ view: string }> }) {
  if ((await params).view !== 'latest') notFound();
  const [settings, { latest, corrections }] = await Promise.all([readSettings(), readFrontPage()]);
  const sections = [...new Set(latest.map((a) => a.section))].sort();
  return (
    <div className="front">
      <h1 className="visually-hidden">{settings.publication}: the latest articles and corrections</h1>
      <div>
        {sections.map((section) => (
          <section key={section} className="front-section" aria-labelledby={`section-${section}`}>
            <h2 id={`section-${section}`}>
              <Link href={sectionPath(section)}>{section}</Link>
            </h2>
            {latest
              .filter((a) => a.section === section)
              .slice(0, 5)
              .map((a) => (
                <ArticleCard key={a.slug} article={a} settings={settings} />
              ))}
          </section>
        ))}
      </div>
      <aside className="sidebar" aria-labelledby="latest-corrections">
        <h2 id="latest-corrections">Latest corrections</h2>
        {corrections.map((c) => (
          <CorrectionTeaser key={c.id} correction={c} settings={settings} />
        ))}
        <p className="meta">
          <Link href="/corrections">All corrections</Link> · <Link href="/for-the-record">{settings.columnName}</Link>
        </p>
      </aside>
    </div>
  );
}
