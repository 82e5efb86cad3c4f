// Which reader URLs with query strings can be served from a cached (ISR) route, and where: the
// proxy rewrites them. Only bounded, validated parameters qualify here, and the proxy then checks
// that they exist (a real section, a page within the list, versions readers can see), so no one
// can fill the cache.
import { CORRECTION_KINDS } from '../types';

const SECTION = /^[\p{L}\p{N} &'’-]{1,60}$/u;
const NUMBER = /^[1-9][0-9]{0,8}$/;
const COMPARE = /^\/articles\/([a-z0-9-]{1,120})\/compare$/;

function only(params: URLSearchParams, allowed: string[]): boolean {
  for (const key of new Set(params.keys())) {
    if (!allowed.includes(key) || params.getAll(key).length > 1) return false;
  }
  return true;
}

/**
 * The cached routes behind /, /for-the-record and /about. They sit under a dynamic segment so that
 * `next build` never renders them from the build machine's database: they are rendered on the
 * first request, from the database the app serves.
 */
export const FRONT_PAGE_ROUTE = '/front-page/latest';
export const EDITIONS_ROUTE = '/for-the-record/editions/all';
export const ABOUT_ROUTE = '/about/corrections';

/** Corrections per page of a list; the proxy works out a filter's real page count with it. */
export const CORRECTIONS_PAGE_SIZE = 25;

export type CachedTarget =
  | { route: 'front'; path: string }
  | { route: 'editions'; path: string }
  | { route: 'about'; path: string }
  | { route: 'corrections'; path: string; kind: string; section: string; page: number }
  | { route: 'compare'; path: string; slug: string; from: number; to: number; view: 'inline' | 'side' };

/** The cached route for a reader URL, with the parameters the proxy still has to check exist. */
export function cachedTargetFor(pathname: string, params: URLSearchParams): CachedTarget | null {
  // Lists with no parameters of their own: any query string is ignored, so one entry serves all.
  if (pathname === '/') return { route: 'front', path: FRONT_PAGE_ROUTE };
  if (pathname === '/for-the-record') return { route: 'editions', path: EDITIONS_ROUTE };
  if (pathname === '/about') return { route: 'about', path: ABOUT_ROUTE };
  if (pathname === '/corrections') {
    if (!only(params, ['kind', 'section', 'page'])) return null;
    const kind = params.get('kind') || 'all';
    const section = params.get('section') || 'all';
    const page = params.get('page') || '1';
    if (kind !== 'all' && !(CORRECTION_KINDS as readonly string[]).includes(kind)) return null;
    if (section !== 'all' && !SECTION.test(section)) return null;
    if (!NUMBER.test(page) || Number(page) > 1000) return null;
    return { route: 'corrections', path: `/corrections/filter/${kind}/${encodeURIComponent(section)}/${page}`, kind, section, page: Number(page) };
  }
  const compare = COMPARE.exec(pathname);
  if (compare) {
    if (!only(params, ['from', 'to', 'view'])) return null;
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    const view = params.get('view') === 'side' ? 'side' : 'inline';
    if (!NUMBER.test(from) || !NUMBER.test(to) || from === to) return null;
    if (params.has('view') && !['side', 'inline'].includes(params.get('view') ?? '')) return null;
    return { route: 'compare', path: `/articles/${compare[1]}/compare/${from}/${to}/${view}`, slug: compare[1], from: Number(from), to: Number(to), view };
  }
  return null;
}

export function cachedRouteFor(pathname: string, params: URLSearchParams): string | null {
  return cachedTargetFor(pathname, params)?.path ?? null;
}

/** How many pages a list of `count` corrections has: at least one, even when empty. */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / CORRECTIONS_PAGE_SIZE));
}
