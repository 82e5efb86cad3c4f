import { describe, expect, it } from 'vitest';
import { convertBody, MAX_NESTING, nestingDepth } from './convert';

describe('convertBody', () => {
  it('measures nesting without parsing', () => {
    expect(nestingDepth('<div><blockquote><p>Quote</p></blockquote><br><img src=x></div>', 'html')).toBe(2);
    expect(nestingDepth('> > quoted twice\n\n- a\n  - b', 'markdown')).toBe(2);
    expect(nestingDepth('Plain words.', 'markdown')).toBe(0);
  });

  it('refuses a body nested deeper than any article, beside the body, before a parser can overflow', () => {
    const deepHtml = `${'<blockquote>'.repeat(2000)}q${'</blockquote>'.repeat(2000)}`;
    expect(() => convertBody(deepHtml, 'html')).toThrow(expect.objectContaining({ code: 'invalid', field: 'body' }));
    expect(() => convertBody(`${'> '.repeat(100)}The council cut 40 jobs.`, 'markdown')).toThrow(/deep/);
    expect(convertBody(`${'> '.repeat(3)}The council cut 40 jobs.`, 'markdown').markdown).toContain('40 jobs');
    expect(MAX_NESTING).toBeGreaterThanOrEqual(20);
    // Shapes a parser nests though they look closed: self-closed non-void elements, stray closing tags, tabs.
    for (const html of ['<blockquote/>'.repeat(2000), '<div/>'.repeat(3000), '<li><ul/>'.repeat(2000), '<blockquote></b>'.repeat(2000)]) {
      expect(() => convertBody(html, 'html'), html.slice(0, 20)).toThrow(expect.objectContaining({ code: 'invalid', field: 'body' }));
    }
    const tabs = Array.from({ length: 200 }, (_, i) => `${'\t'.repeat(i)}- item ${i}`).join('\n');
    expect(() => convertBody(tabs, 'markdown')).toThrow(/deep/);
  });

  it('refuses a body with no text once converted', () => {
    expect(() => convertBody('<script>alert(1)</script><iframe src="https://x.example"></iframe>', 'html')).toThrow(/no text/);
  });
});
