import { describe, expect, it } from 'vitest';
import { MISSING_FRAGMENT, noticesFragment } from './fragment';
import { embedNotices, type EmbedNotices } from './notices';
import { amended, source, withdrawnClarification } from './test-fixtures';

function view(...args: Parameters<typeof source>): EmbedNotices {
  const built = embedNotices(source(...args));
  if (!built) throw new Error('no view');
  return built;
}

/** What a host page with a strict CSP refuses, or what would make the fragment a document. */
function unsafe(html: string): string[] {
  const found: string[] = [];
  if (/<script/i.test(html)) found.push('script');
  // Attributes are read from the tags only: escaped text may say anything.
  const tags = (html.match(/<[a-z][^>]*>/gi) ?? []).join(' ').replace(/="[^"]*"/g, '=""');
  if (/<style/i.test(html) || /\sstyle\s*=/i.test(tags)) found.push('style');
  if (/\son[a-z]+\s*=/i.test(tags)) found.push('event handler');
  if (/<(html|head|body|!doctype)/i.test(html)) found.push('document');
  if (/javascript:/i.test(html)) found.push('javascript: URL');
  return found;
}

describe('noticesFragment', () => {
  it('renders every notice with the documented classes, and nothing a strict CSP refuses', () => {
    const html = noticesFragment(view([amended, withdrawnClarification]));
    expect(html).toMatch(/^<aside class="errata-notices" data-errata-article="cms-7" lang="en-GB">/);
    for (const cls of ['errata-notices__title', 'errata-notices__list', 'errata-notice errata-notice--correction', 'errata-notice errata-notice--clarification errata-notice--withdrawn', 'errata-notice__date', 'errata-notice__text', 'errata-notice__link', 'errata-notices__history']) {
      expect(html).toContain(`class="${cls}"`);
    }
    expect(html).toContain('<li class="errata-notice errata-notice--correction" id="errata-notice-41">');
    expect(html).toContain('<time class="errata-notice__date" datetime="2026-05-04T09:30:00.000Z">4 May 2026</time>');
    expect(html).toContain('<p class="errata-notice__text">This article was amended on 4 May 2026. They actually lost 842 council seats and 11 councils.</p>');
    expect(html).toContain('href="https://kestrel.example/articles/alliance-routed#notice-41"');
    expect(html).toContain('<a class="errata-notices__history" href="https://kestrel.example/articles/alliance-routed/history">Version history (2 versions)</a>');
    expect(unsafe(html)).toEqual([]);
  });

  it('escapes every value it is given', () => {
    const hostile = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
    const base = view([amended]);
    const html = noticesFragment({
      ...base,
      lang: hostile,
      title: hostile,
      noticeLinkLabel: hostile,
      article: { ...base.article, externalId: hostile, withdrawn: { date: hostile, dateLabel: hostile, text: hostile }, history: { url: `javascript:${hostile}`, label: hostile } },
      notices: base.notices.map((n) => ({ ...n, text: hostile, dateLabel: hostile, date: hostile, url: hostile })),
    });
    // Take away the elements the fragment itself writes (attribute values free of raw quotes): what
    // is left is text, and no text may hold a raw angle bracket or quote.
    const text = html.replace(/<\/?(aside|h2|ol|li|time|p|a)(\s[a-z-]+(="[^"<>]*")?)*>/g, '');
    expect(text).not.toMatch(/[<>"]/);
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    // Links go only to http(s) addresses (the site address); anything else is left without one.
    expect(html).not.toContain('javascript:');
    expect(unsafe(html)).toEqual([]);
  });

  it('marks an article with no notices as empty, and a withdrawn one with its banner', () => {
    expect(noticesFragment(view([]))).toMatch(/^<aside class="errata-notices errata-notices--empty"/);
    const withdrawn = noticesFragment(view([], { article: { status: 'withdrawn', withdrawnAt: new Date('2026-05-08T07:00:00Z'), withdrawnReason: 'Not stood up.' } }));
    expect(withdrawn).toMatch(/^<aside class="errata-notices errata-notices--withdrawn"/);
    expect(withdrawn).toContain('<p class="errata-notices__withdrawn">This article has been withdrawn. Not stood up. <time class="errata-notices__date" datetime="2026-05-08T07:00:00.000Z">8 May 2026</time></p>');
    expect(withdrawn).not.toContain('errata-notices__title');
  });

  it('answers an unknown article with the same hidden, empty root', () => {
    expect(MISSING_FRAGMENT).toBe('<aside class="errata-notices errata-notices--missing" hidden></aside>\n');
    expect(unsafe(MISSING_FRAGMENT)).toEqual([]);
  });
});
