import { describe, expect, it } from 'vitest';
import { feedEtag, isNotModified, parseHttpDate } from './conditional';

describe('ETag', () => {
  it('is strong, quoted, stable for the same body and different for another', () => {
    const etag = feedEtag('<rss/>');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(feedEtag('<rss/>')).toBe(etag);
    expect(feedEtag('<rss />')).not.toBe(etag);
    expect(feedEtag('café')).not.toBe(feedEtag('cafe'));
  });
});

describe('If-None-Match (RFC 9110 13.1.2)', () => {
  const etag = feedEtag('body');
  const modified = new Date('2026-05-04T09:00:00.500Z');
  const is = (ifNoneMatch: string | null, ifModifiedSince?: string | null) => isNotModified({ ifNoneMatch, ifModifiedSince }, etag, modified);

  it('matches the same tag, weak or strong (weak comparison)', () => {
    expect(is(etag)).toBe(true);
    expect(is(`W/${etag}`)).toBe(true);
    expect(is(` ${etag} `)).toBe(true);
  });

  it('matches any tag in a list, including one with a comma inside it', () => {
    expect(is(`"other", W/"a,b", ${etag}`)).toBe(true);
    expect(is('"other", W/"a,b"')).toBe(false);
  });

  it('treats * as matching the feed, which always exists', () => {
    expect(is('*')).toBe(true);
  });

  it('does not match another tag, or an unquoted one', () => {
    expect(is('"stale"')).toBe(false);
    expect(is(etag.slice(1, -1))).toBe(false);
  });

  it('wins over If-Modified-Since whichever way each points', () => {
    const recent = new Date('2026-05-05T00:00:00Z').toUTCString();
    expect(is('"stale"', recent)).toBe(false);
    expect(is(etag, 'Thu, 01 Jan 1970 00:00:00 GMT')).toBe(true);
  });

  it('is ignored when empty, so If-Modified-Since decides', () => {
    expect(is('', modified.toUTCString())).toBe(true);
    expect(is(null, 'Mon, 04 May 2026 08:59:59 GMT')).toBe(false);
  });
});

describe('If-Modified-Since (RFC 9110 13.1.3)', () => {
  const etag = feedEtag('body');
  const modified = new Date('2026-05-04T09:00:00.500Z');
  const is = (ifModifiedSince: string) => isNotModified({ ifModifiedSince }, etag, modified);

  it('compares whole seconds, since HTTP dates have no fractions', () => {
    expect(is('Mon, 04 May 2026 09:00:00 GMT')).toBe(true);
    expect(is('Mon, 04 May 2026 09:00:01 GMT')).toBe(true);
    expect(is('Mon, 04 May 2026 08:59:59 GMT')).toBe(false);
  });

  it('accepts the obsolete RFC 850 and asctime forms, asctime as GMT', () => {
    expect(is('Monday, 04-May-26 09:00:00 GMT')).toBe(true);
    expect(is('Mon May  4 09:00:00 2026')).toBe(true);
    expect(is('Mon May  4 08:59:59 2026')).toBe(false);
  });

  it('ignores a date that is not an HTTP-date', () => {
    expect(is('not a date')).toBe(false);
    expect(is('2026-05-05T00:00:00Z')).toBe(false);
    expect(is('Mon, 31 Feb 2026 09:00:00 GMT')).toBe(false);
    expect(is('Mon, 04 May 2026 09:00:00 BST')).toBe(false);
  });

  it('answers in full with neither header', () => {
    expect(isNotModified({}, etag, modified)).toBe(false);
    expect(isNotModified({ ifNoneMatch: null, ifModifiedSince: null }, etag, modified)).toBe(false);
  });
});

describe('parseHttpDate', () => {
  it('reads the three forms to the same instant', () => {
    const expected = Date.UTC(1994, 10, 6, 8, 49, 37);
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')?.getTime()).toBe(expected);
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT')?.getTime()).toBe(expected);
    expect(parseHttpDate('Sun Nov  6 08:49:37 1994')?.getTime()).toBe(expected);
  });

  it('round-trips what Date writes for Last-Modified', () => {
    const d = new Date('2026-11-26T21:09:05Z');
    expect(parseHttpDate(d.toUTCString())?.getTime()).toBe(d.getTime());
  });
});
