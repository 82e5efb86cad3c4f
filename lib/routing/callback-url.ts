// Where a sign-in (or a signed-in visit to /login) may send someone next: a path on this site,
// never another origin, whatever shape of URL a crafted link uses.

/** Control characters (tab, newline…) and backslashes are how "/\evil.example" tricks get past a prefix check. */
const SUSPECT = /[\u0000-\u001f\u007f\\]/;

/**
 * `raw` resolved against the site's own origin, as a path (with its query and fragment) when it
 * stays on that origin; otherwise `fallback`. Decoded once more to catch encoded slashes and
 * backslashes ("%2F%2F", "%5C") that a later decoding step could turn into another host.
 */
export function sameOriginPath(raw: unknown, origin: string, fallback = '/desk'): string {
  if (typeof raw !== 'string' || raw === '' || raw.length > 2048) return fallback;
  let site: URL;
  try {
    site = new URL(origin);
  } catch {
    return fallback;
  }
  let decoded = raw;
  for (let i = 0; i < 3; i++) {
    if (SUSPECT.test(decoded)) return fallback;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    // A shape that only becomes another host once decoded ("/%2F%2Fevil", "/%5Cevil") is refused outright.
    if (/^\s*[/\\]{2}/.test(next) || /^\s*[a-z][a-z0-9+.-]*:/i.test(next)) {
      if (!sameOrigin(next, site)) return fallback;
    }
    decoded = next;
  }
  if (!sameOrigin(raw, site)) return fallback;
  const url = new URL(raw, site);
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil" normalises to "//evil", which a browser reads as another host.
  if (!path.startsWith('/') || path.startsWith('//')) return fallback;
  return path;
}

function sameOrigin(candidate: string, site: URL): boolean {
  if (SUSPECT.test(candidate)) return false;
  try {
    const url = new URL(candidate, site);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === site.origin && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
