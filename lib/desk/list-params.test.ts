import { describe, expect, it } from 'vitest';
import { day, parseArticleList } from './list-params';

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
