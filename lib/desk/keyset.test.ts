import { describe, expect, it } from 'vitest';
import { countLabel, cutPage, pageHref, parseCursor } from './keyset';

const ids = (n: number[]) => n.map((id) => ({ id }));
const idOf = (r: { id: number }) => r.id;

describe('keyset pages', () => {
  it('parses only whole ids as cursors', () => {
    expect(parseCursor({ after: '12' })).toEqual({ after: 12 });
    expect(parseCursor({ before: '7' })).toEqual({ before: 7 });
    expect(parseCursor({ after: '1; drop', before: 'x' })).toBeNull();
    // Past the largest id either store holds: no page starts there (PostgreSQL would refuse the bound).
    expect(parseCursor({ after: '2147483648' })).toBeNull();
    expect(parseCursor({ before: '999999999999999' })).toBeNull();
  });

  it('the first page has a next page when a row was to spare, and no previous page', () => {
    expect(cutPage(ids([9, 8, 7]), null, 2, idOf)).toEqual({ rows: ids([9, 8]), next: 8, prev: null });
    expect(cutPage(ids([9, 8]), null, 2, idOf)).toEqual({ rows: ids([9, 8]), next: null, prev: null });
  });

  it('a page after a cursor links back; a page before one is put back in order', () => {
    expect(cutPage(ids([7, 6, 5]), { after: 8 }, 2, idOf)).toEqual({ rows: ids([7, 6]), next: 6, prev: 7 });
    expect(cutPage(ids([8, 9, 10]), { before: 7 }, 2, idOf)).toEqual({ rows: ids([9, 8]), next: 8, prev: 9 });
    expect(cutPage(ids([8, 9]), { before: 7 }, 2, idOf)).toEqual({ rows: ids([9, 8]), next: 8, prev: null });
  });

  it('keeps the filters in the link and drops the old cursor', () => {
    expect(pageHref('/desk', { q: 'ferry', status: undefined, after: '3' }, { after: 9 })).toBe('/desk?q=ferry&after=9');
  });

  it('says "more than" past the cap', () => {
    expect(countLabel(1, ['article', 'articles'])).toBe('1 article');
    expect(countLabel(1001, ['article', 'articles'])).toBe('More than 1,000 articles');
  });
});
