import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

export const metadata: Metadata = { title: 'About' };

// /about, rewritten here by the proxy: rendered on the first request (never by `next build`, whose
// masthead would be the build machine's) and kept until `site` is invalidated. It is also the
// baseline the benchmarks compare reader pages against.
export const revalidate = 86400;

export function generateStaticParams() {
  return [];
}

export default async function AboutPage({ params }: { params: Promise<{ view: string }> }) {
  if ((await params).view !== 'corrections') notFound();
  return (
    <article className="article">
      <h1>About our corrections</h1>
      <p className="standfirst">Every article here is a versioned document. When we get something wrong, we say so, where it happened.</p>
      <div className="article-body">
        <p>
          Each time an article is saved, the new version is kept alongside every earlier one, and none is ever rewritten. Each version carries a
          fingerprint of its text and of the version before it, so anyone can check that the history has not been altered.
        </p>
        <p>
          When an error is found, the correction is attached to the exact words that were wrong. You will see those words marked in the text, a
          note at the foot of the article, and, in the article&apos;s history, a comparison showing exactly what changed.
        </p>
        <p>
          Corrections are collected in our weekly column and published in feeds anyone can follow. If you spot an error, select the words in the
          article and choose &ldquo;Report an error&rdquo;.
        </p>
      </div>
      <p>
        <Link href="/corrections">All corrections</Link> · <Link href="/for-the-record">The column</Link>
      </p>
    </article>
  );
}
