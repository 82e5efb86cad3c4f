import { describe, expect, it } from 'vitest';
import { curlQuotes, editDistance, listOf, nestQuotes, sentence, shorten, withoutAccents } from './text';

describe('typographic helpers', () => {
  it('ends a sentence exactly once', () => {
    expect(sentence('It was 842')).toBe('It was 842.');
    expect(sentence('It was 842.')).toBe('It was 842.');
    expect(sentence('Was it?')).toBe('Was it?');
    expect(sentence('He said “no.”')).toBe('He said “no.”');
    expect(sentence('(See below.)')).toBe('(See below.)');
    expect(sentence('   ')).toBe('');
  });

  it('curls quotes and keeps apostrophes', () => {
    expect(curlQuotes(`The "Mayor's" 'plan'`)).toBe('The “Mayor’s” ‘plan’');
    expect(curlQuotes("in the '90s, 'we' said")).toBe('in the ’90s, ‘we’ said');
    expect(nestQuotes('He said "no"')).toBe('He said ‘no’');
  });

  it('shortens at a word boundary, without a stray comma before the ellipsis', () => {
    expect(shorten('one two, three four', 8)).toBe('one two…');
    expect(shorten('one two', 7)).toBe('one two');
    expect(shorten('one two three', 7)).toBe('one two…');
  });

  it('lists with commas, or semicolons when an item has its own', () => {
    expect(listOf(['a'])).toBe('a');
    expect(listOf(['a', 'b'])).toBe('a and b');
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listOf(['a, b', 'c'])).toBe('a, b; and c');
  });

  it('measures spelling differences', () => {
    expect(editDistance('Smith', 'Smyth')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(withoutAccents('Sigrún Ólafsdóttir')).toBe('Sigrun Olafsdottir');
  });
});
