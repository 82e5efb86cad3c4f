// The embed script's text-quote finder, tested in the very file host pages load
// (public/embed/errata-notices.js), run here in a bare context: without a document it only defines
// window.ErrataNotices. Its DOM half (rendering, marking) runs in Chromium in e2e/embed.spec.ts.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toPlainText } from '../markdown';
import { embedNotices } from './notices';
import { amended, source, v2, withdrawnClarification } from './test-fixtures';

interface Quote {
  exact: string;
  prefix?: string;
  suffix?: string;
}

const file = path.join(process.cwd(), 'public', 'embed', 'errata-notices.js');
const script = fs.readFileSync(file, 'utf8');

function loadFinder(): (text: string, quote: Quote) => [number, number] | null {
  const window: { ErrataNotices?: { findQuote: (text: string, quote: Quote) => [number, number] | null } } = {};
  vm.runInNewContext(script, { window });
  const find = window.ErrataNotices?.findQuote;
  if (!find) throw new Error('the script defines no ErrataNotices.findQuote');
  // Arrays from the script's own realm, as plain arrays here.
  return (text, quote) => {
    const found = find(text, quote);
    return found ? [found[0], found[1]] : null;
  };
}

const findQuote = loadFinder();
const words = (text: string, quote: Quote) => {
  const r = findQuote(text, quote);
  return r ? text.slice(r[0], r[1]) : null;
};

describe('the embed script', () => {
  it('is small, and uses no eval, Function, innerHTML or document.write', () => {
    expect(gzipSync(script).length).toBeLessThan(3 * 1024);
    expect(Buffer.byteLength(script)).toBeLessThan(6 * 1024);
    expect(script).not.toMatch(/\beval\b|new Function|\bFunction\(|innerHTML|outerHTML|insertAdjacentHTML|document\.write|setAttribute\(['"]on|\.style\b/);
  });
});

describe('findQuote', () => {
  it('finds the exact words and returns their offsets in the text', () => {
    const text = 'The council lost 842 seats. Turnout was 31 per cent.';
    expect(findQuote(text, { exact: '842 seats' })).toEqual([17, 26]);
    expect(words(text, { exact: '31 per cent' })).toBe('31 per cent');
  });

  it('reads any run of whitespace as one space, and answers in the original text', () => {
    const text = 'Turnout\n  was 31\u00a0per\n\ncent, the lowest.';
    const r = findQuote(text, { exact: '31 per cent', prefix: 'Turnout was ', suffix: ', the lowest' });
    expect(r).toEqual([text.indexOf('31'), text.indexOf('cent') + 4]);
  });

  it('tells repeated words apart by the words around them', () => {
    const text = 'In May it was 31 per cent. In June it was 31 per cent again, the lowest.';
    const second = text.lastIndexOf('31 per cent');
    expect(findQuote(text, { exact: '31 per cent', prefix: 'In June it was ', suffix: ' again' })).toEqual([second, second + 11]);
    expect(findQuote(text, { exact: '31 per cent', prefix: 'In May it was ', suffix: '. In June' })).toEqual([text.indexOf('31'), text.indexOf('31') + 11]);
    // Only the suffix told: still the right one.
    expect(findQuote(text, { exact: '31 per cent', suffix: ' again, the' })).toEqual([second, second + 11]);
    // Nothing told: the first.
    expect(findQuote(text, { exact: '31 per cent' })).toEqual([text.indexOf('31'), text.indexOf('31') + 11]);
  });

  it('matches context across paragraphs the host page joins without a space', () => {
    // Errata's plain text separates paragraphs with a blank line; a page's text nodes may not.
    const host = 'the lowest since 1998.The Harbour Alliance lost 842 seats.';
    expect(words(host, { exact: 'The Harbour Alliance', prefix: 'since 1998.\n\n', suffix: ' lost' })).toBe('The Harbour Alliance');
  });

  it('finds nothing for words that are not there, or no words at all', () => {
    expect(findQuote('The council lost 842 seats.', { exact: '695 seats' })).toBeNull();
    expect(findQuote('The council lost 842 seats.', { exact: '   ' })).toBeNull();
    expect(findQuote('', { exact: 'x' })).toBeNull();
  });

  it('finds every claim the embed JSON quotes in the text of the article as the host shows it', () => {
    const view = embedNotices(source([amended, withdrawnClarification]));
    // The host renders the same story with its own line breaks between paragraphs.
    const host = toPlainText(v2).replace(/\n\n/g, '\n');
    const claims = view?.notices.flatMap((n) => n.claims) ?? [];
    expect(claims.length).toBe(2);
    for (const claim of claims) expect(words(host, claim)).toBe(claim.exact);
  });
});
