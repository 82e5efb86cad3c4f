// Which reader paths the app has served with which cache tags, so a purger that can only purge
// exact URLs (nginx's ngx_cache_purge 2.3, Debian's) can purge every cached copy of a tag: the
// version pages, comparisons and filter pages no fixed rule can list. The server records each
// cacheable GET answered with a `Surrogate-Key` header; the app's purge service reads it.
// Bounded: the oldest-served paths are forgotten first (their cached copies still expire by
// s-maxage). Lost at restart, which is why scripts/nginx.mjs starts with an empty cache.

const KEY = Symbol.for('errata.served-paths');

export class ServedPaths {
  /** @param {number} max the most paths remembered */
  constructor(max = 50_000) {
    this.max = max;
    /** @type {Map<string, string[]>} path → its tags, oldest first */
    this.paths = new Map();
    /** @type {Map<string, Set<string>>} tag → paths */
    this.byTag = new Map();
  }

  record(path, tags) {
    this.forget(path);
    this.paths.set(path, tags);
    for (const tag of tags) {
      let set = this.byTag.get(tag);
      if (!set) this.byTag.set(tag, (set = new Set()));
      set.add(path);
    }
    while (this.paths.size > this.max) this.forget(this.paths.keys().next().value);
  }

  forget(path) {
    const tags = this.paths.get(path);
    if (!tags) return;
    this.paths.delete(path);
    for (const tag of tags) {
      const set = this.byTag.get(tag);
      set?.delete(path);
      if (set && set.size === 0) this.byTag.delete(tag);
    }
  }

  /** @returns {string[]} */
  pathsFor(tag) {
    return [...(this.byTag.get(tag) ?? [])];
  }
}

/** The one registry, shared through the process with the app's bundles. */
export const servedPaths = (globalThis[KEY] ??= new ServedPaths());

/** A header of the answer, from writeHead's own headers (object or flat list) or those set before. */
function headerOf(res, written, name) {
  if (Array.isArray(written)) {
    for (let i = 0; i + 1 < written.length; i += 2) if (String(written[i]).toLowerCase() === name) return written[i + 1];
  } else if (written && typeof written === 'object') {
    for (const [k, v] of Object.entries(written)) if (k.toLowerCase() === name) return v;
  }
  return res.getHeader(name);
}

/** Records `req`'s path with the tags of its answer once it is sent, if it is a cacheable 200 with tags. */
export function recordServedPath(req, res, registry = servedPaths) {
  if (req.method !== 'GET' || !req.url || req.url.includes('?')) return;
  let written;
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    written = typeof rest[0] === 'string' ? rest[1] : rest[0];
    return writeHead.call(this, statusCode, ...rest);
  };
  res.once('finish', () => {
    if (res.statusCode !== 200) return;
    const keys = headerOf(res, written, 'surrogate-key');
    const cacheControl = String(headerOf(res, written, 'cache-control') ?? '');
    if (!keys || /private|no-store/i.test(cacheControl)) return;
    const tags = String(keys).split(/\s+/).filter(Boolean);
    if (tags.length) registry.record(req.url, tags);
  });
}
