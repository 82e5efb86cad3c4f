import { describe, expect, it } from 'vitest';
import { articleLines, clauseField, MAX_CASE_ARTICLES, parseArticleLines, receivedInstant, shortSummary, tickedClauses } from './case-form';

describe('the clauses ticked on a case form', () => {
  it('reads one checkbox per clause, and names any box sent with something other than a tick', () => {
    expect(clauseField('1')).toBe('clause-1');
    expect(tickedClauses({ caseId: '4', 'clause-1': 'on', 'clause-12': 'on', route: 'direct' })).toEqual({ clauses: ['1', '12'], odd: [] });
    expect(tickedClauses({ 'clause-1': 'on', 'clause-2': 'yes', 'clause-3': '' })).toEqual({ clauses: ['1'], odd: ['clause-2', 'clause-3'] });
    expect(tickedClauses({})).toEqual({ clauses: [], odd: [] });
  });
});

describe('the articles a complaint names', () => {
  it('takes a slug a line, with the words after a bar', () => {
    expect(parseArticleLines('harbour-bridge-reopens | 41 berths\n\n  council-budget-gap  \n')).toEqual({
      ok: true,
      articles: [
        { slug: 'harbour-bridge-reopens', quote: '41 berths' },
        { slug: 'council-budget-gap', quote: null },
      ],
    });
  });

  it('takes a reader page address for its slug, and lower-cases a slug typed in capitals', () => {
    const parsed = parseArticleLines('https://news.example/articles/local-elections-results/versions/2 | 31 per cent\nCOUNCIL-BUDGET-GAP');
    expect(parsed).toEqual({ ok: true, articles: [{ slug: 'local-elections-results', quote: '31 per cent' }, { slug: 'council-budget-gap', quote: null }] });
  });

  it('keeps the first words when an article is named twice, and a bar inside the words', () => {
    expect(parseArticleLines('a-story | first\na-story | second\nb | x | y')).toEqual({ ok: true, articles: [{ slug: 'a-story', quote: 'first' }, { slug: 'b', quote: 'x | y' }] });
  });

  it('refuses nothing, a bad line (saying which), too many and over-long words', () => {
    expect(parseArticleLines(' \n ')).toEqual({ ok: false, message: 'Name at least one article, by its slug.' });
    const bad = parseArticleLines('good-one\nNot a slug!');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^Line 2: “Not a slug!”/);
    expect(parseArticleLines('| only words').ok).toBe(false);
    expect(parseArticleLines(Array.from({ length: MAX_CASE_ARTICLES + 1 }, (_, i) => `s-${i}`).join('\n')).ok).toBe(false);
    expect(parseArticleLines(`s | ${'x'.repeat(1001)}`).ok).toBe(false);
  });

  it('writes a list back the way it reads it', () => {
    const articles = [{ slug: 'a', quote: 'the words' }, { slug: 'b', quote: null }];
    const text = articleLines(articles);
    expect(text).toBe('a | the words\nb');
    expect(parseArticleLines(text)).toEqual({ ok: true, articles });
  });
});

describe('when a logged complaint started its clock', () => {
  const now = new Date('2026-06-15T14:32:00Z');
  it('is now for a complaint received today, and the start of the day (newsroom time) otherwise', () => {
    expect(receivedInstant('2026-06-15', { now, today: '2026-06-15', timeZone: 'Europe/London' })).toBe(now);
    // Midnight in London in summer is 23:00 UTC the day before.
    expect(receivedInstant('2026-06-10', { now, today: '2026-06-15', timeZone: 'Europe/London' }).toISOString()).toBe('2026-06-09T23:00:00.000Z');
    expect(receivedInstant('2026-01-10', { now, today: '2026-06-15', timeZone: 'Europe/London' }).toISOString()).toBe('2026-01-10T00:00:00.000Z');
  });
});

describe('a summary cut for a list', () => {
  it('leaves a short one alone, folds its white space, and cuts a long one at a word with an ellipsis', () => {
    expect(shortSummary('  The  figure\nis wrong. ')).toBe('The figure is wrong.');
    const cut = shortSummary('The council says turnout was 29 per cent, not 31 per cent as the article said.', 40);
    expect(cut).toBe('The council says turnout was 29 per…');
    expect(cut.length).toBeLessThanOrEqual(40);
    expect(shortSummary('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
