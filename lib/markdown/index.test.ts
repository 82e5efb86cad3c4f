import { describe, expect, it } from 'vitest';
import { plainTextBlocks, renderMarkdown, replacePlainSpan, toPlainText } from './index';

const body = [
  '## The count',
  '',
  'The Harbour Alliance *lost* 695 council seats and nine councils overnight.',
  'It was a long night.',
  '',
  '- first item',
  '- second [item](https://example.org/x)',
].join('\n');

describe('toPlainText', () => {
  it('joins blocks with a blank line and keeps soft breaks', () => {
    expect(toPlainText(body)).toBe(
      'The count\n\nThe Harbour Alliance lost 695 council seats and nine councils overnight.\nIt was a long night.\n\nfirst item\n\nsecond item',
    );
  });

  it('records each block offset', () => {
    const blocks = plainTextBlocks(body);
    const text = toPlainText(body);
    for (const b of blocks) expect(text.slice(b.start, b.end)).toBe(b.text);
  });
});

describe('renderMarkdown', () => {
  it('escapes raw HTML and drops javascript: links', () => {
    const html = renderMarkdown('Hi <script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;script&gt;');
  });

  it('does not render images', () => {
    expect(renderMarkdown('![alt](https://example.org/a.png)')).not.toContain('<img');
  });

  it('marks a claim at its plain-text offsets, across formatting', () => {
    const text = toPlainText(body);
    const start = text.indexOf('lost 695');
    const end = text.indexOf(' overnight');
    const html = renderMarkdown(body, { marks: [{ start, end, id: 'claim-1', href: '#notice-1' }] });
    expect(html).toContain('<mark class="claim" id="claim-1"><a href="#notice-1" class="claim-link">lost</a></mark>');
    expect(html).toContain('<mark class="claim"><a href="#notice-1" class="claim-link"> 695 council seats and nine councils</a></mark>');
  });

  it('adds rel to external links and can emit offsets for the desk', () => {
    const html = renderMarkdown(body, { offsets: true });
    expect(html).toContain('rel="nofollow noopener noreferrer"');
    expect(html).toContain('<span data-pt="0">The count</span>');
  });
});

describe('replacePlainSpan', () => {
  it('replaces the words in the source', () => {
    const text = toPlainText(body);
    const start = text.indexOf('695 council seats and nine councils');
    const result = replacePlainSpan(body, start, start + '695 council seats and nine councils'.length, '842 council seats and 11 councils');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.markdown).toContain('*lost* 842 council seats and 11 councils overnight');
  });

  it('picks the right occurrence when the words appear twice', () => {
    const md = 'Robin Hart met Robin Vale.\n\nRobin spoke.';
    const text = toPlainText(md);
    const second = text.indexOf('Robin', 1);
    const result = replacePlainSpan(md, second, second + 5, 'Robyn');
    expect(result).toEqual({ ok: true, markdown: 'Robin Hart met Robyn Vale.\n\nRobin spoke.' });
  });

  it('refuses a span that crosses formatting', () => {
    const text = toPlainText(body);
    const start = text.indexOf('Alliance lost');
    const result = replacePlainSpan(body, start, start + 'Alliance lost'.length, 'Alliance won');
    expect(result.ok).toBe(false);
  });
});
