import { describe, expect, it } from 'vitest';
import { type NoticeInput, noticeText, possessivePublication } from './notices';
import { electionWording, settings } from './test-fixtures';

const published = new Date('2026-05-04T09:00:00Z');
const base: NoticeInput = { kind: 'correction', mode: 'notice', wording: electionWording, publishedAt: published };

describe('the notice under an article', () => {
  it('says the article was amended, and when', () => {
    expect(noticeText({ ...base, mode: 'amend', amendedAt: new Date('2026-05-04T22:30:00Z') }, settings)).toBe(
      'This article was amended on 4 May 2026. They actually lost 842 council seats and 11 councils.',
    );
  });

  it('names the publication, column and edition once printed, with a lower-case "the" mid-sentence', () => {
    expect(noticeText({ ...base, mode: 'amend', amendedAt: published, printedIn: { date: '2026-05-10' } }, settings)).toBe(
      'The following correction was printed in the Kestrel Bay Chronicle’s For the Record column, Sunday 10 May 2026. They actually lost 842 council seats and 11 councils.',
    );
  });

  it('calls a printed clarification a clarification', () => {
    expect(noticeText({ ...base, kind: 'clarification', printedIn: { date: '2026-05-10' } }, settings)).toMatch(/^The following clarification was printed in /);
  });

  it('opens a notice-only note with its kind and date', () => {
    expect(noticeText(base, settings)).toBe('Correction, 4 May 2026: They actually lost 842 council seats and 11 councils.');
    expect(noticeText({ ...base, kind: 'clarification', wording: 'the count was in Fenwick' }, settings)).toBe('Clarification, 4 May 2026: the count was in Fenwick.');
    expect(noticeText({ ...base, kind: 'editors_note', wording: 'The interview was edited for length.' }, settings)).toBe('Editor’s note, 4 May 2026: The interview was edited for length.');
    expect(noticeText({ ...base, kind: 'update', wording: 'The final count came in overnight.' }, settings)).toBe('Update, 4 May 2026: The final count came in overnight.');
  });

  it('falls back to the notice-only line when an amendment’s version is not known', () => {
    expect(noticeText({ ...base, mode: 'amend' }, settings)).toMatch(/^Correction, 4 May 2026: /);
  });

  it('says an update amended the text as an update', () => {
    expect(noticeText({ ...base, kind: 'update', mode: 'amend', amendedAt: published, wording: 'Results added.' }, settings)).toBe('This article was updated on 4 May 2026. Results added.');
  });

  it('says a retraction retracted the article, whichever mode', () => {
    expect(noticeText({ ...base, kind: 'retraction', wording: 'The story was untrue' }, settings)).toBe('This article was retracted on 4 May 2026. The story was untrue.');
  });

  it('keeps a withdrawn correction visible, saying when and why it was withdrawn', () => {
    const withdrawn = { at: new Date('2026-05-05T09:00:00Z'), reason: 'The first count was right' };
    expect(noticeText({ ...base, withdrawn }, settings)).toBe(
      'Correction, 4 May 2026: They actually lost 842 council seats and 11 councils. This correction was withdrawn on 5 May 2026: The first count was right.',
    );
    expect(noticeText({ ...base, kind: 'editors_note', withdrawn: { ...withdrawn, reason: ' ' } }, settings)).toMatch(/This editor’s note was withdrawn on 5 May 2026\.$/);
    expect(noticeText({ ...base, mode: 'amend', amendedAt: published, printedIn: { date: '2026-05-10' }, withdrawn }, settings)).toMatch(
      /^The following correction was printed in .* This correction was withdrawn on 5 May 2026: The first count was right\.$/,
    );
  });

  it('never doubles a full stop and tidies spacing in the wording', () => {
    expect(noticeText({ ...base, wording: '  They lost 842 seats.  ' }, settings)).toBe('Correction, 4 May 2026: They lost 842 seats.');
    expect(noticeText({ ...base, wording: 'Was it 842?' }, settings)).toBe('Correction, 4 May 2026: Was it 842?');
    expect(noticeText({ ...base, wording: 'It said “842.”' }, settings)).toBe('Correction, 4 May 2026: It said “842.”');
    expect(noticeText({ ...base, wording: '' }, settings)).toBe('Correction, 4 May 2026.');
  });
});

describe('the publication in the possessive', () => {
  it('lower-cases a leading "The" and keeps UK "s’s"', () => {
    expect(possessivePublication('The Kestrel Bay Chronicle')).toBe('the Kestrel Bay Chronicle’s');
    expect(possessivePublication('Fenwick Valley News')).toBe('Fenwick Valley News’s');
    expect(possessivePublication('  the   Marsh Times ')).toBe('the Marsh Times’s');
    expect(possessivePublication('Theatre Weekly')).toBe('Theatre Weekly’s');
  });

  it('uses a renamed publication and column in the printed notice', () => {
    const renamed = { ...settings, publication: 'Fenwick Valley News', columnName: 'Corrections and Clarifications' };
    expect(noticeText({ ...base, printedIn: { date: '2026-05-10' } }, renamed)).toMatch(/^The following correction was printed in Fenwick Valley News’s Corrections and Clarifications column, Sunday 10 May 2026\. /);
  });

  it('never claims a print date before the correction existed', () => {
    // Published 4 May; an edition backdated to 3 May cannot have printed it.
    expect(noticeText({ ...base, printedIn: { date: '2026-05-03' } }, settings)).toBe(noticeText(base, settings));
    expect(noticeText({ ...base, printedIn: { date: '2026-05-04' } }, settings)).toMatch(/^The following correction was printed in .*Monday 4 May 2026\. /);
  });
});
