import { describe, expect, it } from 'vitest';
import { configuredSiteUrl, publicSiteUrl, redirectOrigin, requestOrigin } from './site-url';

describe('the site address', () => {
  it('is ERRATA_SITE_URL first, then NEXTAUTH_URL, as an origin', () => {
    expect(configuredSiteUrl({ ERRATA_SITE_URL: 'https://news.example/', NEXTAUTH_URL: 'https://other.example' })).toBe('https://news.example');
    expect(configuredSiteUrl({ NEXTAUTH_URL: 'https://auth.example/api/auth' })).toBe('https://auth.example');
    expect(configuredSiteUrl({ ERRATA_SITE_URL: 'javascript:alert(1)' })).toBeNull();
    expect(configuredSiteUrl({})).toBeNull();
  });

  it('for feeds and JSON-LD falls back to localhost on the served port', () => {
    expect(publicSiteUrl({ PORT: '3100' })).toBe('http://localhost:3100');
    expect(publicSiteUrl({})).toBe('http://localhost:3000');
    expect(publicSiteUrl({ PORT: 'evil.example' })).toBe('http://localhost:3000');
  });

  it('takes a request’s Host only when it is a plain host and port', () => {
    expect(requestOrigin('127.0.0.1:3100', false)).toBe('http://127.0.0.1:3100');
    expect(requestOrigin('news.example', true)).toBe('https://news.example');
    expect(requestOrigin('[::1]:3100', false)).toBe('http://[::1]:3100');
    for (const bad of ['evil.example/x', 'a@evil.example', 'evil.example\\x', 'x y', '', null, undefined, 'evil.example:port']) {
      expect(requestOrigin(bad, false)).toBeNull();
    }
  });

  it('for redirects prefers the configured address over the request', () => {
    expect(redirectOrigin({ ERRATA_SITE_URL: 'https://news.example' }, 'evil.example', false)).toBe('https://news.example');
    expect(redirectOrigin({ PORT: '3100' }, '127.0.0.1:3100', false)).toBe('http://127.0.0.1:3100');
    expect(redirectOrigin({ PORT: '3100' }, 'bad/host', false)).toBe('http://localhost:3100');
  });
});
