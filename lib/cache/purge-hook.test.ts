import { afterEach, describe, expect, it } from 'vitest';
import { onTagsInvalidated, setPurgeListener } from './purge-hook';

afterEach(() => setPurgeListener(null));

describe('purge hook', () => {
  it('hands the registered purger the invalidated tags', () => {
    const heard: string[][] = [];
    setPurgeListener((tags) => void heard.push(tags));
    onTagsInvalidated(['article:a', 'home']);
    expect(heard).toEqual([['article:a', 'home']]);
  });

  it('does nothing with no purger or no tags', () => {
    expect(() => onTagsInvalidated(['home'])).not.toThrow();
    const heard: string[][] = [];
    setPurgeListener((tags) => void heard.push(tags));
    onTagsInvalidated([]);
    expect(heard).toEqual([]);
  });

  it('never lets a failing purger fail the write', async () => {
    setPurgeListener(() => {
      throw new Error('down');
    });
    expect(() => onTagsInvalidated(['home'])).not.toThrow();
    setPurgeListener(() => Promise.reject(new Error('down')));
    expect(() => onTagsInvalidated(['home'])).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
  });

  it('a later registration replaces the earlier one', () => {
    const a: string[][] = [];
    const b: string[][] = [];
    setPurgeListener((t) => void a.push(t));
    setPurgeListener((t) => void b.push(t));
    onTagsInvalidated(['site']);
    expect(a).toEqual([]);
    expect(b).toEqual([['site']]);
  });
});
