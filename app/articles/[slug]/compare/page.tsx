import type { Metadata } from 'next';
import { connection } from 'next/server';
import { renderCompare } from './render-compare';

export const metadata: Metadata = { title: 'Compare versions', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Parameters the proxy could not send to the cached route (missing, equal, malformed): explained here.
export default async function ComparePage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  await connection();
  return renderCompare({ slug: (await params).slug, query: await searchParams });
}
