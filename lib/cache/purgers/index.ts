// Which purger Errata uses, from the environment (README, "Configuration"):
// ERRATA_PURGER = none (default) | nginx | varnish | cdn, ERRATA_PURGE_URL, ERRATA_PURGE_METHOD,
// ERRATA_PURGE_AUTH, ERRATA_PURGE_TIMEOUT_MS. A malformed setting throws (the server does not start).
import { createCdnPurger, parseAuthHeader } from './cdn';
import { createNginxPurger, type ServedPaths } from './nginx';
import type { Purger, PurgerName } from './types';
import { createVarnishPurger } from './varnish';

export type { Purger, PurgerName } from './types';
export { PurgeFailure } from './types';

const NAMES: readonly PurgerName[] = ['none', 'nginx', 'varnish', 'cdn'];

/** ERRATA_PURGER, ERRATA_PURGE_URL, ERRATA_PURGE_METHOD, ERRATA_PURGE_AUTH, ERRATA_PURGE_TIMEOUT_MS (process.env fits). */
export type PurgerEnv = Readonly<Record<string, string | undefined>>;

function httpUrl(raw: string | undefined, name: string): string {
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw new Error(`ERRATA_PURGER=${name} needs ERRATA_PURGE_URL, an http(s) address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`ERRATA_PURGE_URL must be http(s), not ${url.protocol}`);
  return raw!.trim();
}

/** The configured purger, or null for `none`. `served` lists the paths recently served with a tag (nginx only). */
export function purgerFromEnv(env: PurgerEnv, served?: ServedPaths): Purger | null {
  const name = (env.ERRATA_PURGER ?? 'none').trim().toLowerCase() || 'none';
  if (!NAMES.includes(name as PurgerName)) throw new Error(`ERRATA_PURGER must be one of ${NAMES.join(', ')}, not "${env.ERRATA_PURGER}"`);
  const timeoutMs = env.ERRATA_PURGE_TIMEOUT_MS ? Number(env.ERRATA_PURGE_TIMEOUT_MS) : 2000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 60_000) throw new Error('ERRATA_PURGE_TIMEOUT_MS must be a whole number of milliseconds, 1 to 60000');
  switch (name as PurgerName) {
    case 'none':
      return null;
    case 'nginx':
      return createNginxPurger({ baseUrl: httpUrl(env.ERRATA_PURGE_URL, name), timeoutMs, served });
    case 'varnish':
      return createVarnishPurger({ url: httpUrl(env.ERRATA_PURGE_URL, name), timeoutMs });
    case 'cdn': {
      const method = (env.ERRATA_PURGE_METHOD ?? 'POST').trim().toUpperCase();
      if (!/^[A-Z]+$/.test(method)) throw new Error('ERRATA_PURGE_METHOD must be an HTTP method');
      return createCdnPurger({ url: httpUrl(env.ERRATA_PURGE_URL, name), method, auth: parseAuthHeader(env.ERRATA_PURGE_AUTH), timeoutMs });
    }
  }
}
