import type { Metadata } from 'next';
import Link from 'next/link';
import { feedAlternates } from '@/app/(feeds)/alternates';
import { connection } from 'next/server';
import { ArticleCard } from '@/components/articles/article-card';
import { CorrectionTeaser } from '@/components/corrections/correction-teaser';
import { listLatestArticles } from '@/db/queries/public-record';
import { listLatestCorrections } from '@/db/queries/corrections';
import { getSettings } from '@/db/queries/settings';
import { sectionPath } from '@/lib/routing/sections';

export const metadata: Metadata = { alternates: feedAlternates('/corrections', 'All corrections') };

export default async function FrontPage() {
  await connection();
  const settings = getSettings();
  const latest = listLatestArticles({ limit: 60 });
  const sections = [...new Set(latest.map((a) => a.section))].sort();
  const corrections = listLatestCorrections({ limit: 8 });
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
