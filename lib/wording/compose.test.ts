import { describe, expect, it } from 'vitest';
import { columnItemWording } from './column-items';
import { noticeWording, quotedAlike, resolveParts, splitWording, stripSaidOpening } from './compose';
import { noticeText } from './notices';
import { electionArticle, settings } from './test-fixtures';
import { CORRECTION_KINDS, type CorrectionKind } from '../types';

// The Kestrel Bay election story, as a notice-only correction and then amended.
const claims = [{ exact: 'losing nine councils and 695 council seats', prefix: 'a bruising night. The Harbour Alliance ended it ' }];
const published = new Date('2026-05-04T09:00:00Z');
const amendedAt = new Date('2026-05-06T10:00:00Z');
const RIGHT = 'The Alliance lost 11 councils and 842 council seats.';

/** Wordings a desk editor really types, the awkward openings included. */
const OPENINGS = [
  { said: null, wording: 'This article said the Alliance lost nine councils and 695 council seats. It lost 11 councils and 842 council seats.' },
  { said: null, wording: 'This article said that on 5 May the Alliance lost nine councils and 695 council seats. It lost 11 councils and 842 council seats.' },
  { said: null, wording: 'We said the Alliance lost nine councils; in fact it lost 11.' },
  { said: null, wording: 'An earlier version said the Alliance lost “nine councils and 695 council seats”. It lost 11 councils and 842 council seats.' },
  { said: null, wording: 'An earlier version of this article wrongly stated that the Alliance lost nine councils. It lost 11.' },
  { said: 'This article said the Alliance lost nine councils', wording: RIGHT },
  { said: 'the Alliance lost nine councils', wording: 'This article said the Alliance lost nine councils. It lost 11.' },
  { said: 'We said the Alliance lost nine councils.', wording: RIGHT },
  { said: 'the Alliance lost nine councils and 695 council seats', wording: RIGHT },
  { said: null, wording: RIGHT },
];

/** "said" twice in one sentence, or a verb of saying straight after another ("said … This article said"). */
function doubledVerb(text: string): boolean {
  return text.split(/(?<=[.!?”])\s+(?=[A-Z“])/).some((s) => (s.match(/\bsaid\b/g) ?? []).length > 1) || /\bsaid\b[^.]*\.\s+(This article|We|An earlier version[^.]*) said\b/.test(text);
}

function item(kind: CorrectionKind, said: string | null, wording: string): string {
  return columnItemWording({ kind, said, wording, claims, article: electionArticle }, settings);
}

describe('the parts of a correction’s wording', () => {
  it('recognises the openings that say what the article said', () => {
    expect(stripSaidOpening('This article said that the count was late')).toEqual({ rest: 'that the count was late', opened: true, article: true });
    expect(stripSaidOpening('We said the count was late').rest).toBe('the count was late');
    expect(stripSaidOpening('An earlier version of this article incorrectly stated: the count was late').rest).toBe('the count was late');
    expect(stripSaidOpening('They actually lost 842 seats.')).toEqual({ rest: 'They actually lost 842 seats.', opened: false, article: false });
    // "Weston said …" is a name, not "We said".
    expect(stripSaidOpening('Weston said the count was late').opened).toBe(false);
  });

  it('splits free wording into what it said and what is right', () => {
    expect(splitWording('This article said the Alliance lost nine councils. It lost 11.')).toEqual({ said: 'the Alliance lost nine councils', right: 'It lost 11.', article: true });
    expect(splitWording('We said nine councils; in fact it was 11.')).toMatchObject({ said: 'nine councils', right: 'In fact it was 11.' });
    expect(splitWording('An earlier version said “nine.” It was 11.')).toMatchObject({ said: '“nine.”', right: 'It was 11.' });
    expect(splitWording(RIGHT)).toEqual({ said: null, right: RIGHT, article: false });
  });

  it('says what it said once when it is given twice', () => {
    expect(resolveParts({ said: 'the Alliance lost nine councils', wording: 'This article said the Alliance lost nine. It lost 11.' })).toMatchObject({ said: 'the Alliance lost nine councils', right: 'It lost 11.' });
  });

  it('quotes a list alike', () => {
    expect(quotedAlike(['a 30-day consultation', '“since it opened in 1962”'])).toEqual(['“a 30-day consultation”', '“since it opened in 1962”']);
    expect(quotedAlike(['the count was late', 'the hall was full'])).toEqual(['the count was late', 'the hall was full']);
  });
});

describe('notices composed from the parts', () => {
  it('says what the article said, then what is right; "an earlier version" once the text is amended', () => {
    expect(noticeWording({ said: 'the Alliance lost nine councils and 695 council seats', wording: RIGHT, amended: false })).toBe(
      `This article said the Alliance lost nine councils and 695 council seats. ${RIGHT}`,
    );
    expect(noticeWording({ said: 'the Alliance lost nine councils and 695 council seats', wording: RIGHT, amended: true })).toBe(
      `An earlier version of this article said the Alliance lost nine councils and 695 council seats. ${RIGHT}`,
    );
    // A fragment is quoted rather than "said lost …".
    expect(noticeWording({ said: 'lost nine councils', wording: RIGHT, amended: false })).toBe(`This article said “lost nine councils”. ${RIGHT}`);
  });

  it('keeps old free wording as it was written, rephrasing only "This article said" once the text was amended', () => {
    expect(noticeWording({ said: null, wording: 'They actually lost 842 council seats and 11 councils', amended: false })).toBe('They actually lost 842 council seats and 11 councils.');
    expect(noticeWording({ said: null, wording: OPENINGS[0].wording, amended: false })).toBe(OPENINGS[0].wording);
    expect(noticeWording({ said: null, wording: OPENINGS[0].wording, amended: true })).toBe(
      'An earlier version of this article said the Alliance lost nine councils and 695 council seats. It lost 11 councils and 842 council seats.',
    );
    expect(noticeWording({ said: null, wording: OPENINGS[2].wording, amended: true })).toBe(OPENINGS[2].wording);
  });

  it('puts the amendment and the print in one notice', () => {
    const text = noticeText({ kind: 'correction', mode: 'notice', said: 'the Alliance lost nine councils', wording: RIGHT, publishedAt: published, amendedAt, printedIn: { date: '2026-05-10' } }, settings);
    expect(text).toBe(
      `This article was amended on 6 May 2026. The following correction was printed in the Kestrel Bay Chronicle’s For the Record column, Sunday 10 May 2026. An earlier version of this article said the Alliance lost nine councils. ${RIGHT}`,
    );
    expect(noticeText({ kind: 'correction', mode: 'notice', said: 'the Alliance lost nine councils', wording: RIGHT, publishedAt: published, amendedAt }, settings)).toBe(
      `This article was amended on 6 May 2026. An earlier version of this article said the Alliance lost nine councils. ${RIGHT}`,
    );
  });

  for (const kind of CORRECTION_KINDS) {
    it(`never doubles a verb or a full stop: ${kind}, every opening, notice only and amended`, () => {
      for (const { said, wording } of OPENINGS) {
        for (const amended of [undefined, amendedAt]) {
          for (const printedIn of [undefined, { date: '2026-05-10' }]) {
            const text = noticeText({ kind, mode: 'notice', said, wording, publishedAt: published, amendedAt: amended, printedIn }, settings);
            expect(doubledVerb(text), text).toBe(false);
            expect(text, text).not.toMatch(/\.\s*\.|[.!?]\.(?!\.)/);
            expect(text, text).not.toMatch(/"|'(?!\w)/);
          }
        }
      }
    });
  }
});

describe('column items composed from the parts', () => {
  const CITE = '(Politics, 3 May 2026)';
  const HEADLINE = '“Harbour Alliance routed in the shires”';

  it('prints what it said once, from free wording that already opens with it', () => {
    expect(item('correction', null, OPENINGS[1].wording)).toBe(
      `${HEADLINE} ${CITE} said that on 5 May the Alliance lost nine councils and 695 council seats. It lost 11 councils and 842 council seats.`,
    );
    expect(item('correction', null, OPENINGS[2].wording)).toBe(`${HEADLINE} ${CITE} said the Alliance lost nine councils. In fact it lost 11.`);
    expect(item('correction', null, OPENINGS[3].wording)).toBe(`${HEADLINE} ${CITE} said the Alliance lost “nine councils and 695 council seats”. It lost 11 councils and 842 council seats.`);
  });

  it('prints the desk’s "what it said" in place of the claim’s words, and its reference', () => {
    expect(columnItemWording({ kind: 'correction', said: 'the Alliance lost nine councils and 695 council seats', wording: RIGHT, claims, article: { ...electionArticle, about: 'the local elections' } }, settings)).toBe(
      `An article about the local elections ${CITE} said the Alliance lost nine councils and 695 council seats. ${RIGHT}`,
    );
  });

  it('prints the claim from the start of its sentence when nothing was said in words', () => {
    expect(item('correction', null, RIGHT)).toBe(`${HEADLINE} ${CITE} said the Harbour Alliance ended it losing nine councils and 695 council seats. ${RIGHT}`);
  });

  for (const kind of CORRECTION_KINDS) {
    it(`never doubles a verb, a full stop or a quote style: ${kind}, every opening`, () => {
      for (const { said, wording } of OPENINGS) {
        const text = item(kind, said, wording);
        expect(doubledVerb(text), text).toBe(false);
        expect(text, text).toContain(CITE);
        expect(text, text).not.toMatch(/[.!?]\.(?!\.)|\.\s+\./);
        expect(text, text).not.toMatch(/"/);
        // A quotation opened is closed.
        expect((text.match(/“/g) ?? []).length, text).toBe((text.match(/”/g) ?? []).length);
      }
    });
  }
});
