import type { Metadata } from 'next';
import { renderCompare } from '../../../render-compare';

export const metadata: Metadata = { title: 'Compare versions', robots: { index: false } };

// A comparison is rendered once and kept until its article's tag is invalidated; the proxy
// rewrites /articles/SLUG/compare?from=A&to=B&view=V here, once it knows both versions exist.
export const revalidate = 86400;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ slug: string; from: string; to: string; view: string }>;

export default async function CachedComparePage({ params }: { params: Params }) {
  const { slug, from, to, view } = await params;
  return renderCompare({ slug, query: { from, to, view } });
}
