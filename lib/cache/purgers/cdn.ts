// A CDN's purge-by-tag HTTP API. Two shapes cover Cloudflare and Fastly:
// - a URL without `{tag}` gets one request per batch with the JSON body {"tags": [...]}
//   (Cloudflare: POST https://api.cloudflare.com/client/v4/zones/ZONE/purge_cache, 30 tags a call);
// - a URL with `{tag}` gets one request per tag, no body (Fastly: POST
//   https://api.fastly.com/service/ID/purge/{tag}).
// The credential is one header, `ERRATA_PURGE_AUTH="Authorization: Bearer …"` (or `Fastly-Key: …`).
import { sendPurge } from './http';
import type { Purger } from './types';

export interface CdnPurgerOptions {
  url: string;
  method: string;
  /** One header, `Name: value`. */
  auth?: { name: string; value: string };
  timeoutMs: number;
  batchSize?: number;
}

/** `Name: value` as a header, or undefined for an empty setting; throws on anything else. */
export function parseAuthHeader(raw: string | undefined): { name: string; value: string } | undefined {
  if (!raw || !raw.trim()) return undefined;
  const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):\s*(.+)$/.exec(raw.trim());
  if (!match) throw new Error('ERRATA_PURGE_AUTH must be one header, "Name: value"');
  return { name: match[1], value: match[2] };
}

export function createCdnPurger(options: CdnPurgerOptions): Purger {
  const headers: Record<string, string> = options.auth ? { [options.auth.name]: options.auth.value } : {};
  const batchSize = Math.max(1, options.batchSize ?? 30);
  return {
    name: 'cdn',
    async purge(tags) {
      const unique = [...new Set(tags)];
      if (options.url.includes('{tag}')) {
        for (const tag of unique) await sendPurge({ url: options.url.split('{tag}').join(encodeURIComponent(tag)), method: options.method, headers, timeoutMs: options.timeoutMs });
        return;
      }
      for (let i = 0; i < unique.length; i += batchSize) {
        await sendPurge({
          url: options.url,
          method: options.method,
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify({ tags: unique.slice(i, i + batchSize) }),
          timeoutMs: options.timeoutMs,
        });
      }
    },
  };
}
