// The security headers every response carries: a static CSP for readers' (cacheable) pages, a
// per-request nonce CSP for the desk, and the rest.

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
 * Readers' pages are cached and shared, so they cannot carry a per-request nonce; Next's inline
 * hydration scripts differ per page, so they cannot be hashed ahead of time either. They get a
 * static policy; what keeps them safe from injection is that no reader-visible text is ever HTML.
 */
export function readerCsp(): string {
  return [...COMMON, "script-src 'self' 'unsafe-inline'", "style-src 'self' 'unsafe-inline'"].join('; ');
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

/** Desk pages and sign-in: rendered per request, for signed-in people. */
export function isDeskPath(pathname: string): boolean {
  return pathname === '/desk' || pathname.startsWith('/desk/') || pathname === '/login';
}
