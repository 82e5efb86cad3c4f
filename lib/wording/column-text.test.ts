import { describe, expect, it } from 'vitest';
import { columnItemWording } from './column-items';
import { columnPlainText } from './column-text';
import { electionArticle, electionClaim, electionWording, settings } from './test-fixtures';

describe('the column as plain text', () => {
  const item = columnItemWording({ kind: 'correction', wording: electionWording, claims: [electionClaim], article: electionArticle }, settings);

  it('has the title, long date, intro, items, trailer and footer in order', () => {
    const text = columnPlainText({ date: '2026-05-10', intro: 'Corrections from the past week.', items: [item, 'We misspelled Ólafsdóttir as Olafsdottir.'], alsoAmended: ['Pier "saved" by late bid', 'Tide tables'], footer: 'Write to us.' }, settings);
    expect(text).toBe(
      [
        'FOR THE RECORD',
        'Sunday 10 May 2026',
        '',
        'Corrections from the past week.',
        '',
        item,
        '',
        'We misspelled Ólafsdóttir as Olafsdottir.',
        '',
        'Other recently amended articles include: “Pier ‘saved’ by late bid”; “Tide tables”.',
        '',
        'Write to us.',
        '',
      ].join('\n'),
    );
  });

  it('falls back to the newsroom’s contact line and leaves out what is empty', () => {
    const text = columnPlainText({ date: '2026-05-10', intro: '  ', items: ['One.'], alsoAmended: [] }, { ...settings, columnName: 'Corrections and clarifications' });
    expect(text).toBe(`CORRECTIONS AND CLARIFICATIONS\nSunday 10 May 2026\n\nOne.\n\n${settings.contactLine}\n`);
    expect(text).not.toContain('Other recently amended');
  });

  it('uses \\n line endings and keeps an edited item’s paragraphs', () => {
    const text = columnPlainText({ date: '2026-05-10', intro: 'First.\r\n\r\nSecond\r\nline.', items: ['An item\r\nover two lines.'], alsoAmended: [], footer: 'Write to us.' }, settings);
    expect(text).not.toContain('\r');
    expect(text).toContain('First.\n\nSecond line.\n\nAn item over two lines.\n\nWrite to us.\n');
  });
});
