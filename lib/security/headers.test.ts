import { describe, expect, it } from 'vitest';
import { deskCsp, isDeskPath, readerCsp, securityHeaders } from './headers';

describe('security headers', () => {
  it('locks down objects, base URIs and framing in both policies', () => {
    for (const csp of [readerCsp(), deskCsp('abc')]) {
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('gives the desk a nonce policy without unsafe-inline scripts', () => {
    const csp = deskCsp('n0nce');
    expect(csp).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('gives readers a policy without inline script (the server adds the page’s own hashes), except in development', () => {
    expect(readerCsp()).toContain("script-src 'self';");
    expect(readerCsp()).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(readerCsp(true)).toMatch(/script-src 'self' 'unsafe-inline' 'unsafe-eval'/);
  });

  it('adds HSTS only over HTTPS', () => {
    expect(securityHeaders({ csp: 'x', https: false })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ csp: 'x', https: true })['Strict-Transport-Security']).toMatch(/max-age=\d+/);
    expect(securityHeaders({ csp: 'x', https: false })['X-Content-Type-Options']).toBe('nosniff');
  });

  it('knows the desk paths', () => {
    expect(isDeskPath('/desk')).toBe(true);
    expect(isDeskPath('/desk/articles/1')).toBe(true);
    expect(isDeskPath('/login')).toBe(true);
    expect(isDeskPath('/desktop')).toBe(false);
    expect(isDeskPath('/articles/desk')).toBe(false);
  });
});
