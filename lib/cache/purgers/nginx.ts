// nginx with Debian's ngx_cache_purge (libnginx-mod-http-cache-purge 2.3): `PURGE {base}{path}`
// removes the one cached response for that path (deploy/nginx/errata.conf.template). This version has no wildcard, so a tag becomes the exact
// paths that carry it: the tag's own fixed pages (below) plus every path the app has recently
// served with that tag (`served`, see lib/cache/served-paths.ts), which covers version pages,
// comparisons and filter pages whose URLs no rule can list.
import { sendPurge } from './http';
import type { Purger } from './types';

const FEEDS = ['rss.xml', 'atom.xml', 'feed.json'];

/** The fixed reader paths that carry a tag (TAGS.md); `site` has none of its own beyond the front page. */
export function pathsForTag(tag: string): string[] {
  const [kind, ...rest] = tag.split(':');
  const value = rest.join(':');
  const seg = encodeURIComponent(value);
  switch (kind) {
    case 'site':
    case 'home':
      return ['/'];
    case 'article':
      if (!value) return [];
      return [`/articles/${seg}`, `/articles/${seg}/history`, `/articles/${seg}/history.json`, ...FEEDS.map((f) => `/articles/${seg}/corrections/${f}`)];
    case 'corrections':
      return ['/corrections', ...FEEDS.map((f) => `/corrections/${f}`)];
    case 'section':
      if (!value) return [];
      return [`/sections/${seg}`, ...FEEDS.map((f) => `/sections/${seg}/corrections/${f}`)];
    case 'column':
      if (!value) return ['/for-the-record', ...FEEDS.map((f) => `/for-the-record/${f}`)];
      return [`/for-the-record/${seg}`, `/for-the-record/${seg}.txt`, `/for-the-record/${seg}/text`];
    case 'sitemap':
      return ['/sitemap.xml'];
    default:
      return [];
  }
}

/** What else to purge for a tag: the paths served with it (and, from the app, a record lookup). */
export type ServedPaths = (tag: string) => Iterable<string> | Promise<Iterable<string>>;

/** Every path to purge for the tags, each once, in a stable order. */
export async function pathsForTags(tags: readonly string[], served: ServedPaths = () => []): Promise<string[]> {
  const paths = new Set<string>();
  for (const tag of tags) {
    for (const p of pathsForTag(tag)) paths.add(p);
    for (const p of await served(tag)) paths.add(p);
  }
  return [...paths];
}

export interface NginxPurgerOptions {
  /** Where nginx takes PURGE requests, the path appended: http://127.0.0.1:8080/__purge (deploy/nginx). */
  baseUrl: string;
  timeoutMs: number;
  served?: ServedPaths;
  /** PURGE requests in flight at once. */
  concurrency?: number;
}

export function createNginxPurger(options: NginxPurgerOptions): Purger {
  const base = options.baseUrl.replace(/\/+$/, '');
  const concurrency = Math.max(1, options.concurrency ?? 8);
  return {
    name: 'nginx',
    async purge(tags) {
      const queue = await pathsForTags(tags, options.served);
      const failures: string[] = [];
      const worker = async () => {
        for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
          // 404: nginx had no copy of that path, which is as good as purged.
          await sendPurge({ url: base + p, method: 'PURGE', timeoutMs: options.timeoutMs, alsoFine: [404] }).catch((e: Error) => failures.push(e.message));
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      if (failures.length) throw new Error(failures.length === 1 ? failures[0] : `${failures.length} paths failed; first: ${failures[0]}`);
    },
  };
}
