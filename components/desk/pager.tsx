// The links between a desk list's pages: rel="prev" and rel="next", keyset cursors in the address.
import Link from 'next/link';
import { pageHref } from '@/lib/desk/keyset';

export function Pager({ path, filters, next, prev, label }: { path: string; filters: Record<string, string | undefined>; next: number | null; prev: number | null; label: string }) {
  if (next === null && prev === null) return null;
  return (
    <nav className="pager" aria-label={`${label} pages`}>
      {prev !== null ? (
        <Link rel="prev" href={pageHref(path, filters, { before: prev })}>
          Previous page
        </Link>
      ) : null}{' '}
      {next !== null ? (
        <Link rel="next" href={pageHref(path, filters, { after: next })}>
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
