// Varnish: one `BAN` request whose `X-Ban-Tags` header is a regular expression over the cached
// objects' `Surrogate-Key` header; the VCL in README ("Deploying behind Varnish or a CDN") turns it
// into `ban("obj.http.Surrogate-Key ~ " + req.http.X-Ban-Tags)`.
import { sendPurge } from './http';
import type { Purger } from './types';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches a space-separated Surrogate-Key header holding any of the tags, as a whole word. */
export function banExpression(tags: readonly string[]): string {
  return `(^|\\s)(${[...new Set(tags)].map(escapeRegex).join('|')})(\\s|$)`;
}

export function createVarnishPurger(options: { url: string; timeoutMs: number }): Purger {
  return {
    name: 'varnish',
    async purge(tags) {
      if (tags.length === 0) return;
      await sendPurge({ url: options.url, method: 'BAN', headers: { 'X-Ban-Tags': banExpression(tags) }, timeoutMs: options.timeoutMs });
    },
  };
}
