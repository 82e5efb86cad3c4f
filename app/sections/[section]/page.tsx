import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { feedAlternates } from '@/app/(feeds)/alternates';
import { safeDecode } from '@/app/(feeds)/respond';
import { ArticleCard } from '@/components/articles/article-card';
import { CorrectionTeaser } from '@/components/corrections/correction-teaser';
import { readSectionPage, readSections, readSettings } from '@/app/(cache)/reads';
import { sectionPath } from '@/lib/routing/sections';

// Rendered on the first request and kept until a write invalidates `section:NAME` or `site`
// (app/(cache)/invalidate.ts); a made-up section is a 404 (tagged, so a new section replaces it).
export const revalidate = 86400;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ section: string }>;

/** The section readers can see by this name, or undefined (a made-up one is a 404). */
async function sectionOf(params: Params): Promise<string | undefined> {
  const section = safeDecode((await params).section);
  return (await readSections()).includes(section) ? section : undefined;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const section = await sectionOf(params);
  if (!section) return { title: 'Not found' };
  const settings = await readSettings();
  return {
    title: section,
    description: `Articles and corrections in ${section} from ${settings.publication}.`,
    alternates: { canonical: sectionPath(section), ...feedAlternates(`${sectionPath(section)}/corrections`, `Corrections in ${section}`) },
  };
}

export default async function SectionPage({ params }: { params: Params }) {
  const section = await sectionOf(params);
  if (!section) notFound();
  const [settings, page] = await Promise.all([readSettings(), readSectionPage(section)]);
  const { articles } = page;
  const { items: corrections, more } = page.corrections;
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
