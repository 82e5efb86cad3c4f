import { describe, expect, it } from 'vitest';
import { sectionPath } from './sections';

describe('section paths', () => {
  it('keeps a section name to one path segment', () => {
    expect(sectionPath('Politics')).toBe('/sections/Politics');
    expect(sectionPath('Arts & Books')).toBe('/sections/Arts%20%26%20Books');
    expect(sectionPath('a/b?c#d')).toBe('/sections/a%2Fb%3Fc%23d');
  });
});
