import { describe, expect, it } from 'vitest';
import { REQUEST_BODY_MAX_BYTES } from '../scripts/support/request-guards.mjs';
import { ARTICLE_LIMITS, CORRECTION_LIMITS, EDITION_LIMITS, hasHiddenCharacters, keepUnder, withoutHiddenCharacters, type Limit, limitErrors, limitFor, limitProblem, REPORT_BODY_MAX_BYTES, REPORT_LIMITS } from './limits';

describe('field limits', () => {
  it('counts characters after trimming, as the server schemas do', () => {
    expect(limitProblem(`  ${'a'.repeat(300)}  `, ARTICLE_LIMITS.headline)).toBeNull();
    expect(limitProblem('a'.repeat(301), ARTICLE_LIMITS.headline)).toBe('Keep the headline under 300 characters; it is 301 characters now.');
  });

  it('counts the article body in UTF-8 bytes', () => {
    expect(limitProblem('a'.repeat(200 * 1024), ARTICLE_LIMITS.body)).toBeNull();
    // 70,000 three-byte characters: under 200 K characters, over 200 KB.
    expect(limitProblem('€'.repeat(70_000), ARTICLE_LIMITS.body)).toBe('Keep the body under 200 KB; it is 206 KB now.');
  });

  it('finds numbered fields by their pattern', () => {
    expect(limitFor(CORRECTION_LIMITS, 'replacement7')).toBe(CORRECTION_LIMITS['replacement*']);
    expect(limitFor(EDITION_LIMITS, 'item-42')).toBe(EDITION_LIMITS['item-*']);
    expect(limitFor(EDITION_LIMITS, 'columnId')).toBeUndefined();
  });

  it('returns field errors only for values over their limits', () => {
    const form = new FormData();
    form.append('wording', 'w'.repeat(2001));
    form.append('replacement0', 'fine');
    form.append('replacement1', 'r'.repeat(2001));
    form.append('correctionId', '1'.repeat(5000));
    expect(Object.keys(limitErrors(form.entries(), CORRECTION_LIMITS) ?? {})).toEqual(['wording', 'replacement1']);
    expect(limitErrors([['wording', 'short']], CORRECTION_LIMITS)).toBeNull();
  });

  it('fits the largest legitimate form inside the server’s cap on request bodies', () => {
    // Every article field at its limit, each character as wide as UTF-8 gets (3 bytes per UTF-16 unit).
    const worst = Object.values(ARTICLE_LIMITS as Record<string, Limit>).reduce((sum, l) => sum + (l.unit === 'bytes' ? l.max : l.max * 3), 0);
    expect(worst + 64 * 1024).toBeLessThan(REQUEST_BODY_MAX_BYTES);
    const report = Object.values(REPORT_LIMITS as Record<string, Limit>).reduce((sum, l) => sum + l.max * 3, 0);
    expect(report).toBeLessThan(REPORT_BODY_MAX_BYTES);
  });
});

describe('what the server schemas say', () => {
  it('names the field and its limit in the unit it is measured in', () => {
    expect(keepUnder(ARTICLE_LIMITS.headline)).toBe('Keep the headline under 300 characters.');
    expect(keepUnder(ARTICLE_LIMITS.body)).toBe('Keep the body under 200 KB.');
  });
});

describe('hasHiddenCharacters', () => {
  it('finds control characters and direction marks, and lets line breaks through only where lines are allowed', () => {
    for (const c of ['\u0000', '\u001b', '\u007f', '\u0085', '\u009b', '\u2028', '\u202e', '\u2066']) expect(hasHiddenCharacters(`a${c}b`, { lines: true }), JSON.stringify(c)).toBe(true);
    expect(hasHiddenCharacters('Line one.\nLine two,\tindented.\r\n', { lines: true })).toBe(false);
    expect(hasHiddenCharacters('Line one.\nLine two.')).toBe(true);
    expect(hasHiddenCharacters('A lone\rreturn', { lines: true })).toBe(true);
    const cleaned = withoutHiddenCharacters('<scr\u0000ipt>\u202eab\r\ncd\re', { lines: true });
    expect(cleaned).toBe('<script>ab\r\ncde');
    expect(hasHiddenCharacters(cleaned, { lines: true })).toBe(false);
    expect(hasHiddenCharacters('Zoë Ó Briain — “quoted” 💥 عربى\u200f')).toBe(false);
  });
});

describe('hidden characters beyond the controls', () => {
  const england = '🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}';
  it('refuses invisible formatting characters and tag letters that spell nothing visible', () => {
    for (const text of ['a\ufeffb', 'a\u2060b', 'a\u206eb', 'a\ufff9b', 'a\u{E0001}', 'Council approves budget\u{E0049}\u{E0047}\u{E004E}', `${england}\u{E0049}`, 'a\u{1D173}b']) {
      expect(hasHiddenCharacters(text, { lines: true }), JSON.stringify(text)).toBe(true);
    }
  });

  it('keeps what scripts and emoji need: direction marks, joiners, the soft hyphen, a region flag', () => {
    for (const text of ['مرحبا\u200f!', 'می\u200cخواهم', '👩\u200d💻', england, `Go ${england}!`, 'co\u00adop', 'a\u061cb']) {
      expect(hasHiddenCharacters(text, { lines: true }), JSON.stringify(text)).toBe(false);
    }
  });

  it('takes the hidden ones out and leaves flags whole', () => {
    expect(withoutHiddenCharacters(`a\u202eb ${england} c\u{E0049}\u{E007F}d\ufeff`, { lines: true })).toBe(`ab ${england} cd`);
  });
});
