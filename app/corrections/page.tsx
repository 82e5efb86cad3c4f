import type { Metadata } from 'next';
import { connection } from 'next/server';
import { feedAlternates } from '@/app/(feeds)/alternates';
import { renderCorrections } from './render-corrections';

export const metadata: Metadata = { title: 'Corrections', alternates: feedAlternates('/corrections', 'All corrections') };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Date ranges (unbounded in number) render here per request; kind, section and page filters are
// rewritten by the proxy to the cached route.
export default async function CorrectionsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  return renderCorrections(await searchParams);
}
