// The one answer to "what is this site's address?": ERRATA_SITE_URL when it is set, otherwise the
// address a request came in on (for redirects, which only the requester sees), otherwise
// localhost on the served port (for feeds and JSON-LD, which are cached and so never take a
// client's Host header).

type Env = Record<string, string | undefined>;

function origin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** The configured address (ERRATA_SITE_URL, else NEXTAUTH_URL), or null when neither is set. */
export function configuredSiteUrl(env: Env): string | null {
  return origin(env.ERRATA_SITE_URL) ?? origin(env.NEXTAUTH_URL);
}

/** For content that is cached or published (feeds, JSON-LD): never from a request. */
export function publicSiteUrl(env: Env): string {
  return configuredSiteUrl(env) ?? `http://localhost:${/^\d{1,5}$/.test(env.PORT ?? '') ? env.PORT : '3000'}`;
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The origin a request was addressed to, from its Host header, or null when the header is not a
 * plain host[:port]. `https` says whether the connection (or a trusted proxy) was TLS.
 */
export function requestOrigin(host: string | null | undefined, https: boolean): string | null {
  if (!host || !HOST.test(host)) return null;
  return origin(`${https ? 'https' : 'http'}://${host}`);
}

/** For redirects: the configured address, else the request's own, else the public default. */
export function redirectOrigin(env: Env, host: string | null | undefined, https: boolean): string {
  return configuredSiteUrl(env) ?? requestOrigin(host, https) ?? publicSiteUrl(env);
}
