import { describe, expect, it } from 'vitest';
import { editionRevision } from './edition-revision';

const edition = { intro: 'This week', items: [{ id: 1, wording: 'A said B.' }, { id: 2, wording: 'C said D.' }] };

describe('the revision of a reviewed edition', () => {
  it('is stable for the same text', () => {
    expect(editionRevision({ ...edition, items: [...edition.items] })).toBe(editionRevision(edition));
  });

  it('changes when the intro, an item’s wording, the order or the items change', () => {
    const seen = editionRevision(edition);
    expect(editionRevision({ ...edition, intro: 'This week.' })).not.toBe(seen);
    expect(editionRevision({ ...edition, items: [edition.items[0], { id: 2, wording: 'C said E.' }] })).not.toBe(seen);
    expect(editionRevision({ ...edition, items: [edition.items[1], edition.items[0]] })).not.toBe(seen);
    expect(editionRevision({ ...edition, items: [edition.items[0]] })).not.toBe(seen);
  });
});
