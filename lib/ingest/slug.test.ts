import { describe, expect, it } from 'vitest';
import { slugFrom } from './slug';

describe('slugFrom', () => {
  it('makes a desk-style slug from a headline', () => {
    expect(slugFrom('Harbour Party loses 412 seats — and six councils', 'x')).toBe('harbour-party-loses-412-seats-and-six-councils');
    expect(slugFrom("Café owner's appeal: “We’re staying”", 'x')).toBe('cafe-owners-appeal-were-staying');
  });
  it('keeps slugs the desk form would accept, cut at a word', () => {
    const slug = slugFrom('word '.repeat(60), 'x');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
  it('falls back to the external id when the headline has no letters', () => {
    expect(slugFrom('—', 'CMS:1042')).toBe('article-cms-1042');
    expect(slugFrom('!!!', '')).toBe('article');
  });
});
