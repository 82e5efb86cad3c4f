import { describe, expect, it } from 'vitest';
import { CORRECTIONS_PAGE_SIZE, cachedRouteFor, cachedTargetFor, pageCount } from './cached-routes';

const q = (s: string) => new URLSearchParams(s);

describe('cachedRouteFor', () => {
  it('sends kind, section and page filters to the cached corrections route', () => {
    expect(cachedRouteFor('/corrections', q(''))).toBe('/corrections/filter/all/all/1');
    expect(cachedRouteFor('/corrections', q('kind=correction&section=Politics&page=2'))).toBe('/corrections/filter/correction/Politics/2');
    expect(cachedRouteFor('/corrections', q('section=Arts%20%26%20Books'))).toBe('/corrections/filter/all/Arts%20%26%20Books/1');
  });

  it('leaves date ranges, unknown keys, repeats and hostile values to the dynamic route', () => {
    for (const query of ['from=2026-01-01', 'kind=bogus', "section=' OR 1=1", 'page=0', 'page=99999', 'kind=correction&kind=update', 'utm_source=x', `section=${'x'.repeat(61)}`]) {
      expect(cachedRouteFor('/corrections', q(query)), query).toBeNull();
    }
  });

  it('sends valid comparisons to the cached compare route', () => {
    expect(cachedRouteFor('/articles/a-story/compare', q('from=1&to=3'))).toBe('/articles/a-story/compare/1/3/inline');
    expect(cachedRouteFor('/articles/a-story/compare', q('from=3&to=1&view=side'))).toBe('/articles/a-story/compare/3/1/side');
    for (const query of ['', 'from=1', 'from=2&to=2', 'from=a&to=1', 'from=1&to=2&view=other', 'from=1&to=2&x=1']) {
      expect(cachedRouteFor('/articles/a-story/compare', q(query)), query).toBeNull();
    }
  });

  it('serves the front page and the column index from one cached route each, whatever the query', () => {
    for (const query of ['', 'utm_source=x', 'a=1&a=2']) {
      expect(cachedRouteFor('/', q(query)), query).toBe('/front-page/latest');
      expect(cachedRouteFor('/for-the-record', q(query)), query).toBe('/for-the-record/editions/all');
      expect(cachedRouteFor('/about', q(query)), query).toBe('/about/corrections');
    }
  });

  it('ignores other paths', () => {
    expect(cachedRouteFor('/articles/a-story', q('from=1&to=2'))).toBeNull();
  });

  it('names the parameters the proxy checks exist', () => {
    expect(cachedTargetFor('/corrections', q('kind=clarification&section=Politics&page=3'))).toEqual({ route: 'corrections', path: '/corrections/filter/clarification/Politics/3', kind: 'clarification', section: 'Politics', page: 3 });
    expect(cachedTargetFor('/articles/a-story/compare', q('from=1&to=3&view=side'))).toEqual({ route: 'compare', path: '/articles/a-story/compare/1/3/side', slug: 'a-story', from: 1, to: 3, view: 'side' });
  });

  it('counts pages as the list shows them', () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(CORRECTIONS_PAGE_SIZE)).toBe(1);
    expect(pageCount(CORRECTIONS_PAGE_SIZE + 1)).toBe(2);
  });
});
