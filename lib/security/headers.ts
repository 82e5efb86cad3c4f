// The security headers every response carries: a CSP for readers' (cacheable) pages that the server
// completes with the hashes of the page's own inline scripts, a per-request nonce CSP for the desk, and the rest.

const COMMON = [
  "default-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
];

/**
 * Readers' pages are cached and shared, so they cannot carry a per-request nonce. Their policy allows
 * scripts from this site only; the server in front of Next (scripts/server.mjs) adds the SHA-256 of
 * each inline script Next itself emitted into the page it is sending, so the header is a function of
 * the body and a cache keeps the two together. In development (`next dev`, no such server) inline
 * scripts and eval are allowed, as Next's dev runtime needs them.
 */
export function readerCsp(dev = false): string {
  return [...COMMON, `script-src 'self'${dev ? " 'unsafe-inline' 'unsafe-eval'" : ''}`, "style-src 'self' 'unsafe-inline'"].join('; ');
}

/** The desk renders per request: only scripts carrying this request's nonce (and what they load) run. */
export function deskCsp(nonce: string, dev = false): string {
  return [...COMMON, `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`, "style-src 'self' 'unsafe-inline'"].join('; ');
}

export function securityHeaders({ csp, https }: { csp: string; https: boolean }): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/**
 * The embeds (docs/embeds.md): the notices as a fragment and as JSON, and public/embed/'s script,
 * which other sites' pages load and read. Readable from any origin; never framed (frame-ancestors
 * and X-Frame-Options stay as everywhere: a fragment is included or fetched, not shown in a frame).
 */
export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith('/embed/');
}

export function embedCrossOriginHeaders(): Record<string, string> {
  return { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
}

/** Desk pages and sign-in: rendered per request, for signed-in people. */
export function isDeskPath(pathname: string): boolean {
  return pathname === '/desk' || pathname.startsWith('/desk/') || pathname === '/login';
}
