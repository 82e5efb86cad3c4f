import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './callback-url';

const SITE = 'http://127.0.0.1:3150';

describe('sameOriginPath', () => {
  it('keeps paths on the site, with their query and fragment', () => {
    expect(sameOriginPath('/desk', SITE)).toBe('/desk');
    expect(sameOriginPath('/desk/articles/3?tab=claims#c2', SITE)).toBe('/desk/articles/3?tab=claims#c2');
    expect(sameOriginPath('/@team', SITE)).toBe('/@team');
    expect(sameOriginPath(`${SITE}/desk/people`, SITE)).toBe('/desk/people');
    expect(sameOriginPath('desk', SITE)).toBe('/desk');
    // Scheme-relative to the site itself, as a browser reads it: a path here, never a host.
    expect(sameOriginPath('http:evil.example', SITE)).toBe('/evil.example');
  });

  it('keeps an encoded character that stays a path', () => {
    expect(sameOriginPath('/corrections?section=Arts%20%26%20Culture', SITE)).toBe('/corrections?section=Arts%20%26%20Culture');
  });

  const bypasses = [
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example/x',
    '\\/evil.example/x',
    '/%5Cevil.example/x',
    '/%5cevil.example/x',
    '%5C%5Cevil.example',
    '/%2F/evil.example/x',
    '%2F%2Fevil.example/x',
    '/%252F%252Fevil.example/x',
    '/%255Cevil.example/x',
    '/\t/evil.example/x',
    '/\n/evil.example/x',
    '/%09/evil.example/x',
    '/%0A/evil.example',
    ' //evil.example',
    '/.//evil.example/x',
    'http://evil.example/x',
    'https://evil.example',
    'HTTP://evil.example',
    '//127.0.0.1:3150@evil.example/x',
    'http://127.0.0.1:3150@evil.example/x',
    `${SITE}@evil.example/`,
    'http://user:pass@127.0.0.1:3150/desk',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    '%6Aavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://127.0.0.1:9999/x',
    'https://127.0.0.1:3150/desk',
    '',
  ];
  for (const shape of bypasses) {
    it(`refuses ${JSON.stringify(shape)}`, () => {
      expect(sameOriginPath(shape, SITE)).toBe('/desk');
    });
  }

  it('refuses what is not a string, and answers the fallback given', () => {
    expect(sameOriginPath(undefined, SITE)).toBe('/desk');
    expect(sameOriginPath(['/desk'], SITE, '/')).toBe('/');
    expect(sameOriginPath('//evil.example', SITE, '/')).toBe('/');
  });
});
