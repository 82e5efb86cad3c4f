// The app's routes, read from app/ itself: every page and route handler, with its dynamic segments,
// so that specs cover a route the day it is added.
import fs from 'node:fs';
import path from 'node:path';

export interface ScannedRoute {
  /** e.g. "app/articles/[slug]/versions/[n]/page.tsx" */
  file: string;
  kind: 'page' | 'route';
  /** URL segments, route groups dropped: ["articles", "[slug]", "versions", "[n]"]. */
  segments: string[];
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : /^(page\.tsx|route\.ts)$/.test(entry.name) ? [full] : [];
  });
}

export function scanRoutes(root = process.cwd()): ScannedRoute[] {
  const app = path.join(root, 'app');
  return walk(app).map((full) => {
    const rel = path.relative(app, path.dirname(full));
    const segments = rel === '' ? [] : rel.split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
    return { file: path.relative(root, full).split(path.sep).join('/'), kind: full.endsWith('page.tsx') ? 'page' : 'route', segments };
  });
}

export const isDynamic = (segment: string) => /^\[.+\]$/.test(segment);

/** A URL for the route, each dynamic segment given by `value` (by its name, e.g. "slug"). */
export function urlFor(route: ScannedRoute, value: (name: string, index: number) => string): string {
  return `/${route.segments.map((s, i) => (isDynamic(s) ? value(s.replace(/^\[(\.\.\.)?|\]$/g, ''), i) : s)).join('/')}`;
}
