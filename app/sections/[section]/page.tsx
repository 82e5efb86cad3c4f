import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { feedAlternates } from '@/app/(feeds)/alternates';
import { safeDecode } from '@/app/(feeds)/respond';
import { ArticleCard } from '@/components/articles/article-card';
import { CorrectionTeaser } from '@/components/corrections/correction-teaser';
import { cachedUntilChange } from '@/db/queries/change-stamp';
import { listSections, searchCorrections } from '@/db/queries/corrections';
import { listSectionArticles } from '@/db/queries/public-record';
import { getSettings } from '@/db/queries/settings';
import { sectionPath } from '@/lib/routing/sections';

type Params = Promise<{ section: string }>;

/** The section readers can see by this name, or undefined (a made-up one is a 404). */
async function sectionOf(params: Params): Promise<string | undefined> {
  const section = safeDecode((await params).section);
  return cachedUntilChange('sections', listSections).includes(section) ? section : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const section = await sectionOf(params);
  if (!section) return { title: 'Not found' };
  return {
    title: section,
    description: `Articles and corrections in ${section} from ${getSettings().publication}.`,
    alternates: { canonical: sectionPath(section), ...feedAlternates(`${sectionPath(section)}/corrections`, `Corrections in ${section}`) },
  };
}

export default async function SectionPage({ params }: { params: Params }) {
  await connection();
  const section = await sectionOf(params);
  if (!section) notFound();
  const settings = getSettings();
  const articles = cachedUntilChange(`section-articles:${section}`, () => listSectionArticles({ section, limit: 50 }));
  const { items: corrections, more } = cachedUntilChange(`section-corrections:${section}`, () => searchCorrections({ section, pageSize: 20 }));
  return (
    <div className="front">
      <section aria-labelledby="section-title">
        <h1 id="section-title" className="section-title">
          {section}
        </h1>
        {articles.length === 0 ? <p className="meta">No articles in {section} are published just now.</p> : null}
        {articles.map((a) => (
          <ArticleCard key={a.slug} article={a} settings={settings} />
        ))}
      </section>
      <aside className="sidebar" aria-labelledby="section-corrections">
        <h2 id="section-corrections">Corrections in {section}</h2>
        {corrections.length === 0 ? <p className="meta">None published.</p> : null}
        {corrections.map((c) => (
          <CorrectionTeaser key={c.id} correction={c} settings={settings} />
        ))}
        <p className="meta">
          {more ? (
            <>
              <Link href={`/corrections?section=${encodeURIComponent(section)}`}>All corrections in {section}</Link> ·{' '}
            </>
          ) : null}
          Follow them: <a href={`${sectionPath(section)}/corrections/rss.xml`}>RSS</a> · <a href={`${sectionPath(section)}/corrections/atom.xml`}>Atom</a> ·{' '}
          <a href={`${sectionPath(section)}/corrections/feed.json`}>JSON Feed</a>
        </p>
      </aside>
    </div>
  );
}
