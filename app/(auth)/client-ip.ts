// The client's address for throttling and the audit trail: the socket peer that scripts/server.mjs
// reports in x-errata-peer (no client can set it), or a hop reported by a trusted proxy
// (ERRATA_TRUSTED_PROXIES). Works on a fetch Headers (route handlers, server actions) and on
// next-auth's plain header object (authorize).
import { clientAddress, parseTrustedProxies, type TrustedProxies } from '@/lib/net/client-address';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export const PEER_HEADER = 'x-errata-peer';

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[Object.keys(headers).find((k) => k.toLowerCase() === name) ?? ''];
  return Array.isArray(value) ? value.join(', ') : value;
}

let parsed: { spec: string | undefined; trusted: TrustedProxies } | undefined;
function trustedProxies(): TrustedProxies {
  const spec = process.env.ERRATA_TRUSTED_PROXIES;
  if (!parsed || parsed.spec !== spec) parsed = { spec, trusted: parseTrustedProxies(spec) };
  return parsed.trusted;
}

export function clientIp(headers: HeaderSource): string {
  return clientAddress({ peer: header(headers, PEER_HEADER), forwardedFor: header(headers, 'x-forwarded-for'), trusted: trustedProxies() });
}
