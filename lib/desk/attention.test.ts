import { describe, expect, it } from 'vitest';
import { countBadge, editionDue } from './attention';

describe('what needs attention', () => {
  it('says an edition is due when corrections wait and the last edition is a week old', () => {
    expect(editionDue({ unprinted: 2, lastEdition: '2026-05-03', draftEdition: false }, '2026-05-10')).toBe(true);
    expect(editionDue({ unprinted: 2, lastEdition: '2026-05-03', draftEdition: false }, '2026-05-09')).toBe(false);
    expect(editionDue({ unprinted: 2, lastEdition: null, draftEdition: false }, '2026-05-09')).toBe(true);
  });

  it('is not due with nothing to print or with a draft already open', () => {
    expect(editionDue({ unprinted: 0, lastEdition: null, draftEdition: false }, '2026-05-10')).toBe(false);
    expect(editionDue({ unprinted: 5, lastEdition: '2026-01-01', draftEdition: true }, '2026-05-10')).toBe(false);
  });

  it('writes a capped count with a plus', () => {
    expect(countBadge(0, 1000)).toBe('0');
    expect(countBadge(1000, 1000)).toBe('1000');
    expect(countBadge(1001, 1000)).toBe('1,000+');
  });
});
