import { describe, expect, it } from 'vitest';
import { callableActionIds, declaredTooLarge, hasMalformedEscape, hasNulInAddress, REQUEST_TARGET_MAX, targetTooLong, isKnownMethod, isUnsafeMethod, originAllowed, REQUEST_BODY_MAX_BYTES } from './request-guards.mjs';

describe('the guards in front of Next', () => {
  it('finds malformed percent escapes in any path segment, and only there', () => {
    for (const bad of ['/articles/%ZZ/history.json', '/articles/%', '/articles/%E0%A4%A', '/for-the-record/%C0%AF', '/%zz?x=1']) expect(hasMalformedEscape(bad), bad).toBe(true);
    for (const good of ['/', '/articles/caf%C3%A9', '/articles/a%20b/versions/1', '/corrections?q=%ZZ', '/articles/local-elections-results']) expect(hasMalformedEscape(good), good).toBe(false);
  });

  it('refuses an address longer than the target limit, however it is made up', () => {
    expect(targetTooLong(`/sections/${'x'.repeat(REQUEST_TARGET_MAX)}/`)).toBe(true);
    expect(targetTooLong(`/corrections/?q=${'x'.repeat(REQUEST_TARGET_MAX)}`)).toBe(true);
    expect(targetTooLong(`/desk?q=${'x'.repeat(3000)}`)).toBe(false);
    // Twice the limit (Location and Refresh of a redirect) stays well inside nginx's 16 KB header buffer.
    expect(2 * REQUEST_TARGET_MAX).toBeLessThan(16 * 1024 - 4096);
  });

  it('finds a NUL anywhere in the address, decoded, and nothing else', () => {
    for (const bad of ['/sections/%00/corrections/rss.xml', '/articles/a%00b', '/desk/audit?action=%00', '/corrections?q=x%00y', '/corrections?%00=1', '/search?q=a&b=%00']) expect(hasNulInAddress(bad), bad).toBe(true);
    for (const good of ['/', '/corrections?q=%2500', '/articles/caf%C3%A9', '/corrections?q=100%25', '/search?q=a+b&page=2', '/articles/x?', '/corrections?q=%ZZ']) expect(hasNulInAddress(good), good).toBe(false);
  });

  it('allows the site’s own Origin (by Host, or the configured public address) and a missing one', () => {
    expect(originAllowed({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' })).toBe(true);
    expect(originAllowed({ origin: 'https://news.example', host: 'localhost:3000', siteUrls: ['https://news.example/'] })).toBe(true);
    expect(originAllowed({ origin: undefined, host: 'localhost:3000' })).toBe(true);
  });

  it('refuses another site’s Origin, a null one and garbage', () => {
    expect(originAllowed({ origin: 'https://attacker.example', host: '127.0.0.1:3000', siteUrls: ['http://127.0.0.1:3000'] })).toBe(false);
    expect(originAllowed({ origin: 'http://127.0.0.1:3001', host: '127.0.0.1:3000' })).toBe(false);
    expect(originAllowed({ origin: 'null', host: '127.0.0.1:3000' })).toBe(false);
    expect(originAllowed({ origin: 'not a url', host: '127.0.0.1:3000', siteUrls: [undefined] })).toBe(false);
  });

  it('compares the whole origin: scheme, host and port', () => {
    expect(originAllowed({ origin: 'https://127.0.0.1:3200', host: '127.0.0.1:3200' })).toBe(false);
    expect(originAllowed({ origin: 'http://127.0.0.1:3200', host: '127.0.0.1:3200' })).toBe(true);
    expect(originAllowed({ origin: 'https://news.example', host: 'news.example', https: true })).toBe(true);
    expect(originAllowed({ origin: 'http://news.example', host: 'news.example', https: true })).toBe(false);
  });

  it('knows the methods any route may answer, and no others', () => {
    expect(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'].every(isKnownMethod)).toBe(true);
    expect(['TRACE', 'TRACK', 'CONNECT', 'PROPFIND', 'get', 'FOO'].some(isKnownMethod)).toBe(false);
  });

  it('knows the unsafe methods', () => {
    expect(['POST', 'put', 'PATCH', 'DELETE'].every(isUnsafeMethod)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(isUnsafeMethod)).toBe(false);
  });

  it('refuses a declared length over the cap, or one that is not a number', () => {
    expect(declaredTooLarge(undefined)).toBe(false);
    expect(declaredTooLarge(String(REQUEST_BODY_MAX_BYTES))).toBe(false);
    expect(declaredTooLarge(String(REQUEST_BODY_MAX_BYTES + 1))).toBe(true);
    expect(declaredTooLarge('lots')).toBe(true);
  });
});

describe('callableActionIds', () => {
  it("keeps the 'use server' exports and leaves out the 'use cache' functions Next registers beside them", () => {
    const manifest = {
      node: {
        a1: { exportedName: 'publishCorrectionAction' },
        c0: { exportedName: '$$RSC_SERVER_CACHE_0' },
        c1: { exportedName: '$$RSC_SERVER_CACHE_11' },
        x: {},
      },
      edge: { e1: { exportedName: 'saveSettingsAction' } },
    };
    expect([...callableActionIds(manifest)].sort()).toEqual(['a1', 'e1']);
    expect(callableActionIds({}).size).toBe(0);
  });
});
