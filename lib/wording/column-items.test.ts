import { describe, expect, it } from 'vitest';
import { type ColumnItemInput, claimForPrint, columnItemWording, isMisspelling, LONG_CLAIM, orderColumnItems, quoteHeadline } from './column-items';
import { electionArticle, electionClaim, electionWording, settings } from './test-fixtures';

const CITE = '(Politics, 3 May 2026)';
const HEADLINE = '“Harbour Alliance routed in the shires”';

function item(input: Partial<ColumnItemInput>): string {
  return columnItemWording({ kind: 'correction', wording: electionWording, claims: [], article: electionArticle, ...input }, settings);
}

describe('column items: corrections', () => {
  it('prints the election example from the start of the claim’s sentence', () => {
    expect(item({ claims: [{ exact: electionClaim.exact, prefix: electionClaim.prefix }], article: { ...electionArticle, about: 'the local elections' } })).toBe(
      'An article about the local elections (Politics, 3 May 2026) said the Harbour Alliance lost 695 council seats and nine councils. They actually lost 842 council seats and 11 councils.',
    );
  });

  it('names the article by its headline when it has no "about"', () => {
    expect(item({ claims: [electionClaim] })).toBe(`${HEADLINE} ${CITE} said the Harbour Alliance lost 695 council seats and nine councils. ${electionWording}`);
  });

  it('quotes a fragment it cannot start from its sentence, rather than write "said lost"', () => {
    expect(item({ claims: [{ exact: electionClaim.exact }] })).toBe(`${HEADLINE} ${CITE} said “lost 695 council seats and nine councils”. ${electionWording}`);
    // A prefix that starts mid-word gives no sentence start to trust.
    expect(claimForPrint('lost 695 seats', 'orst night for the Alliance, which ')).toBe('“lost 695 seats”');
  });

  it('says what the text should have said when the wording does not', () => {
    expect(item({ wording: 'We apologise for the error', claims: [{ exact: 'Tuesday', replacement: 'Wednesday' }] })).toBe(
      `${HEADLINE} ${CITE} said Tuesday; it should have said Wednesday. We apologise for the error.`,
    );
    expect(item({ wording: 'The count is on Wednesday.', claims: [{ exact: 'Tuesday', replacement: 'Wednesday' }] })).toBe(`${HEADLINE} ${CITE} said Tuesday. The count is on Wednesday.`);
  });

  it('has its own shape for a misspelt name, accents included', () => {
    expect(item({ wording: 'Her name is Ólafsdóttir.', claims: [{ exact: 'Olafsdottir', replacement: 'Ólafsdóttir' }] })).toBe(`We misspelled Ólafsdóttir as Olafsdottir in ${HEADLINE} ${CITE}.`);
    expect(item({ wording: 'He is Councillor Jon Smyth.', claims: [{ exact: 'Jon Smith', replacement: 'Jon Smyth' }] })).toBe(`We misspelled Jon Smyth as Jon Smith in ${HEADLINE} ${CITE}.`);
  });

  it('does not take a different word for a misspelling', () => {
    expect(isMisspelling('Tuesday', 'Thursday')).toBe(false);
    expect(isMisspelling('Hull', 'Hall')).toBe(false);
    expect(isMisspelling('695 seats', '685 seats')).toBe(false);
    expect(isMisspelling('Alice Brown', 'Alice Brown')).toBe(false);
    expect(isMisspelling('Fenwick', 'Fenwik')).toBe(true);
    expect(isMisspelling('Pieter van der Berg', 'Pieter van den Berg')).toBe(true);
  });

  it('lower-cases a claim’s sentence-opening word, not an acronym', () => {
    expect(claimForPrint('A landslide.')).toBe('a landslide');
    expect(claimForPrint('IT budget doubled')).toBe('IT budget doubled');
    expect(claimForPrint('Labour lost 40 seats')).toBe('Labour lost 40 seats');
  });

  it('lists several claims, quoting them alike when one must be quoted', () => {
    expect(item({ wording: 'In fact it had 12', claims: [{ exact: 'The council had nine wards.' }, { exact: '14 seats, all contested' }] })).toBe(
      `${HEADLINE} ${CITE} said the council had nine wards; and 14 seats, all contested. In fact it had 12.`,
    );
    expect(item({ wording: 'It had 12.', claims: [{ exact: 'nine wards' }, { exact: '14 seats' }, { exact: '3 mayors' }] })).toContain('said “nine wards”, “14 seats” and “3 mayors”. It had 12.');
  });

  it('still names and cites the article when no words were anchored', () => {
    expect(item({ wording: 'It was 842.' })).toBe(`An error appeared in ${HEADLINE} ${CITE}. It was 842.`);
  });
});

describe('column items: other kinds', () => {
  const claims = [{ exact: 'a landslide' }];
  it('clarification', () => {
    expect(item({ kind: 'clarification', wording: 'the margin was 40 votes', claims })).toBe(`To clarify: ${HEADLINE} ${CITE} said a landslide. The margin was 40 votes.`);
    expect(item({ kind: 'clarification', wording: 'The count was in Fenwick.' })).toBe(`To clarify a point in ${HEADLINE} ${CITE}: The count was in Fenwick.`);
  });

  it('editor’s note, quoting the note with nested quotes', () => {
    expect(item({ kind: 'editors_note', wording: 'The candidate asked us to add "no comment"', claims })).toBe(
      `An editor’s note added to ${HEADLINE} ${CITE} reads: “The candidate asked us to add ‘no comment’.”`,
    );
  });

  it('update', () => {
    expect(item({ kind: 'update', wording: 'The final count came in overnight.', claims })).toBe(`${HEADLINE} ${CITE} has been updated. The final count came in overnight.`);
  });

  it('retraction', () => {
    expect(item({ kind: 'retraction', wording: 'The poll it reported was never carried out.' })).toBe(`We have retracted ${HEADLINE} ${CITE}. The poll it reported was never carried out.`);
  });

  it('every kind carries the citation', () => {
    for (const kind of ['correction', 'clarification', 'editors_note', 'update', 'retraction'] as const) {
      expect(item({ kind, claims })).toContain(CITE);
    }
  });
});

describe('column items: awkward input', () => {
  it('nests quotes in a headline, straight or curly', () => {
    expect(quoteHeadline('Mayor says “no” to pier')).toBe('“Mayor says ‘no’ to pier”');
    expect(quoteHeadline('Mayor says "no" to pier')).toBe('“Mayor says ‘no’ to pier”');
    expect(quoteHeadline("Mayor's 'final' budget")).toBe('“Mayor’s ‘final’ budget”');
    expect(item({ article: { ...electionArticle, headline: 'Alliance "routed", says rival' }, claims: [{ exact: '695 seats' }] })).toMatch(/^“Alliance ‘routed’, says rival” \(Politics/);
  });

  it('never doubles a full stop after a claim or the wording', () => {
    const text = item({ wording: 'It was 842 seats.', claims: [{ exact: 'It was 695 seats.' }] });
    expect(text).toBe(`${HEADLINE} ${CITE} said it was 695 seats. It was 842 seats.`);
    expect(item({ wording: 'It was 842!', claims: [{ exact: 'It was 695?!' }] })).not.toMatch(/[.!?]\./);
  });

  it('adds a full stop to wording without one and capitalises it', () => {
    expect(item({ wording: 'they lost 842 seats', claims: [{ exact: '695 seats' }] })).toBe(`${HEADLINE} ${CITE} said 695 seats. They lost 842 seats.`);
  });

  it('leaves wording that already opens with "In fact" alone', () => {
    const text = item({ wording: 'In fact, they lost 842 seats', claims: [{ exact: '695 seats' }] });
    expect(text).toBe(`${HEADLINE} ${CITE} said 695 seats. In fact, they lost 842 seats.`);
    expect(text.match(/in fact/gi)).toHaveLength(1);
  });

  it('cuts a very long claim at a word boundary with an ellipsis and no full stop after it', () => {
    const long = `The council said ${'the harbour wall will be rebuilt with money from the levelling fund '.repeat(5)}by spring`;
    const printed = claimForPrint(long);
    expect(printed.length).toBeLessThanOrEqual(LONG_CLAIM + 1);
    expect(printed).toMatch(/ \p{L}+…$/u);
    expect(long.slice(1).startsWith(printed.slice(1, -1))).toBe(true);
    expect(item({ claims: [{ exact: long }] })).toMatch(/… They actually lost/);
    // One endless word is cut where it must be.
    expect(claimForPrint('X'.repeat(300))).toBe(`${'X'.repeat(LONG_CLAIM)}…`);
  });

  it('leaves out a blank section rather than print "(, 3 May 2026)"', () => {
    expect(item({ article: { ...electionArticle, section: ' ' }, claims: [{ exact: '695 seats' }] })).toContain(`${HEADLINE} (3 May 2026) said`);
  });

  it('names an article with no headline plainly', () => {
    expect(item({ article: { ...electionArticle, headline: '' }, claims: [{ exact: '695 seats' }] })).toBe(`An article ${CITE} said 695 seats. ${electionWording}`);
  });

  it('dates the citation in the newsroom’s zone', () => {
    const late = { ...electionArticle, firstPublishedAt: new Date('2026-05-03T23:30:00Z') };
    expect(item({ article: late, claims: [{ exact: '695 seats' }] })).toContain('(Politics, 4 May 2026)');
  });
});

describe('ordering column items', () => {
  it('sorts by section, then by publication, keeping ties in the order given', () => {
    const items = [
      { id: 1, section: 'Sport', publishedAt: new Date(1) },
      { id: 2, section: 'politics', publishedAt: new Date(3) },
      { id: 3, section: 'Politics', publishedAt: new Date(2) },
      { id: 4, section: 'Arts', publishedAt: new Date(9) },
      { id: 5, section: 'Politics', publishedAt: new Date(2) },
    ];
    expect(orderColumnItems(items).map((i) => i.id)).toEqual([4, 3, 5, 2, 1]);
    expect(items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5]);
  });
});
