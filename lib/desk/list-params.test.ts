import { describe, expect, it } from 'vitest';
import { day, parseArticleList, parseCaseList } from './list-params';

describe('a desk list address', () => {
  it('cuts a long search to its first 200 characters instead of dropping it', () => {
    const q = `${'harbour '.repeat(40)}ferry`;
    expect(parseArticleList({ q }).filter.q).toBe(q.slice(0, 200));
    expect(parseArticleList({ q: '   ' }).filter.q).toBeUndefined();
  });

  it('takes only calendar days that exist as written', () => {
    expect(day.parse('2026-12-01')?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    for (const bad of ['2030-02-31', '2026-02-29', '9999-99-99', '2026-13-01', 'yesterday']) expect(day.parse(bad), bad).toBeUndefined();
  });
});

describe('the casebook address', () => {
  it('reads each filter, "mine" as the account, and drops anything malformed', () => {
    expect(parseCaseList({ status: 'open', clock: 'overdue', owner: 'mine', route: 'ipso', after: '40' }, 7).filter).toEqual({ status: 'open', clock: 'overdue', ownerId: 7, route: 'ipso', cursor: { after: 40 } });
    expect(parseCaseList({ owner: '12' }, 7).filter.ownerId).toBe(12);
    expect(parseCaseList({ owner: '2147483648' }, 7).filter.ownerId).toBeUndefined();
    expect(parseCaseList({ status: 'lost', clock: 'late', owner: 'someone', route: 'press', before: 'x' }, 7).filter).toEqual({ status: undefined, clock: undefined, ownerId: undefined, route: undefined, cursor: null });
    expect(parseCaseList({ owner: ['mine', '3'], status: 'not_upheld' }, 2).filter).toMatchObject({ ownerId: 2, status: 'not_upheld' });
  });
});
