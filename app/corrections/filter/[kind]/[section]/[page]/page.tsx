import type { Metadata } from 'next';
import { feedAlternates } from '@/app/(feeds)/alternates';
import { safeDecode } from '@/app/(feeds)/respond';
import { renderCorrections } from '../../../../render-corrections';

export const metadata: Metadata = { title: 'Corrections', alternates: feedAlternates('/corrections', 'All corrections') };

// /corrections?kind=K&section=S&page=P, rewritten here by the proxy once the values exist:
// rendered once per filter and kept until a write invalidates `corrections` or `site`.
export const revalidate = 86400;

export function generateStaticParams() {
  return [];
}

type Params = Promise<{ kind: string; section: string; page: string }>;

export default async function CachedCorrectionsPage({ params }: { params: Params }) {
  const { kind, section, page } = await params;
  const filter = (v: string) => (v === 'all' ? undefined : safeDecode(v));
  return renderCorrections({ kind: filter(kind), section: filter(section), page: page === '1' ? undefined : page });
}
