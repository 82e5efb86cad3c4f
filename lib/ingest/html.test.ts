// CMS bodies into the desk's Markdown, on article HTML shaped like real CMS output (an invented
// paper, The Saltmarsh Courier): exact Markdown, the plain text a reader sees, safe rendering, and
// a round trip through the desk's renderer that changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../feeds/items';
import { renderMarkdown, toPlainText } from '../markdown';
import { htmlToMarkdown, normaliseMarkdown } from './html';

/** Converts, and checks what every conversion must hold: safe to render, and stable when converted again. */
function convert(html: string, options?: { baseUrl?: string }) {
  const result = htmlToMarkdown(html, options);
  const rendered = renderMarkdown(result.markdown);
  expect(rendered).not.toMatch(/<script|<img|<iframe|<style|\son\w+=|javascript:|data:text/i);
  expect(result.markdown).not.toMatch(/[ \t]$|[\ue000\ue001]/m);
  expect(result.markdown.replace(/```[^`]*```/g, '```')).not.toMatch(/\n\n\n|^\n|\n$|\r/);
  const again = htmlToMarkdown(rendered);
  expect(again.markdown).toBe(result.markdown);
  expect(again.notes).toEqual([]);
  return { ...result, plain: toPlainText(result.markdown) };
}

const WORDPRESS = `<!-- wp:paragraph -->
<p>The <strong>Saltmarsh Harbour Board</strong> voted on Tuesday night to close the north slipway, ending <em>nearly a century</em> of public launches from the quay.</p>
<!-- /wp:paragraph -->

<h2 class="wp-block-heading" id="what-the-board-decided">What the board decided</h2>
<p>Members backed the plan by 7 votes to 2. The minutes are on the <a href="https://saltmarsh-harbour.example/minutes/2026-11" target="_blank" rel="noreferrer noopener">board’s website</a>.</p>
<ul class="wp-block-list">
<li>The slipway closes on 1&nbsp;March.</li>
<li>Permits already paid for will be <strong>refunded</strong>.</li>
</ul>
<ol class="wp-block-list"><li>Consultation</li><li>Vote</li><li>Closure</li></ol>
<figure class="wp-block-pullquote"><blockquote><p>“We were never asked,” said one boat owner.</p><cite>Marion Tull, Saltmarsh Sailing Club</cite></blockquote></figure>
<figure class="wp-block-image size-large"><a href="/wp-content/uploads/2026/11/slipway.jpg"><img decoding="async" width="1024" height="683" src="https://cdn.saltmarshcourier.example/2026/11/slipway-1024x683.jpg" alt="The north slipway at low tide" class="wp-image-4411" srcset="https://cdn.saltmarshcourier.example/2026/11/slipway-300x200.jpg 300w" sizes="(max-width: 1024px) 100vw, 1024px" /></a><figcaption class="wp-element-caption">The north slipway at low tide. Photo: Dan Orme</figcaption></figure>
<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">
<blockquote class="twitter-tweet" data-width="550" data-dnt="true"><p lang="en" dir="ltr">Packed meeting tonight at the harbour office <a href="https://twitter.com/hashtag/Saltmarsh?src=hash&amp;ref_src=twsrc%5Etfw">#Saltmarsh</a></p>&mdash; Courier Newsdesk (@SaltmarshNews) <a href="https://twitter.com/SaltmarshNews/status/1?ref_src=twsrc%5Etfw">November 18, 2026</a></blockquote><script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>
</div></figure>
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">
<iframe loading="lazy" title="Harbour Board meeting, 18 November" width="500" height="281" src="https://www.youtube.com/embed/aBcD123?feature=oembed" frameborder="0" allow="autoplay; encrypted-media" allowfullscreen></iframe>
</div></figure>
<p>The board meets again in January &amp; will publish its <em>harbour plan</em> then.</p>`;

const ARC = `<div class="article-body" data-testid="article-body"><div class="paragraph"><p class="body-paragraph"><span class="dropcap">T</span>he ferry to <span data-entity="place" class="entity">Gull Island</span> will run <b>twice</b> a day from <i>Monday</i>, the operator said.</p></div>
<div class="paragraph"><p class="body-paragraph">Timetables are  printed at the&nbsp;terminal <span class="timestamp">(updated 09:14)</span>.</p></div>
<div class="header"><h3 class="body-heading"><span>Fares</span></h3></div>
<div class="list"><ul class="body-list"><li><span>Adults: £4.50</span></li><li><span>Children under 5 travel free*</span></li></ul></div>
<div class="interstitial-link"><span>Read more: <a href="/news/2026/11/17/gull-island-ferry-contract/">Ferry contract signed</a></span></div>
<div class="paragraph">*Conditions apply.</div>
<div class="paragraph">Fares were set by the council</div><div class="paragraph">in October.</div></div>`;

describe('htmlToMarkdown on a WordPress post', () => {
  const result = htmlToMarkdown(WORDPRESS);

  it('renders safely and converts back to the same Markdown', () => {
    convert(WORDPRESS);
  });

  it('writes the desk dialect, leaving out the picture, the embedded post and the video', () => {
    expect(result.markdown).toBe(
      [
        'The **Saltmarsh Harbour Board** voted on Tuesday night to close the north slipway, ending *nearly a century* of public launches from the quay.',
        '## What the board decided',
        'Members backed the plan by 7 votes to 2. The minutes are on the [board’s website](https://saltmarsh-harbour.example/minutes/2026-11).',
        '- The slipway closes on 1 March.\n- Permits already paid for will be **refunded**.',
        '1. Consultation\n2. Vote\n3. Closure',
        '> “We were never asked,” said one boat owner.\n>\n> *Marion Tull, Saltmarsh Sailing Club*',
        '*Picture: The north slipway at low tide. Photo: Dan Orme*',
        'The board meets again in January & will publish its *harbour plan* then.',
      ].join('\n\n'),
    );
  });

  it('keeps exactly the words a reader sees', () => {
    expect(toPlainText(result.markdown)).toBe(
      [
        'The Saltmarsh Harbour Board voted on Tuesday night to close the north slipway, ending nearly a century of public launches from the quay.',
        'What the board decided',
        'Members backed the plan by 7 votes to 2. The minutes are on the board’s website.',
        'The slipway closes on 1 March.',
        'Permits already paid for will be refunded.',
        'Consultation',
        'Vote',
        'Closure',
        '“We were never asked,” said one boat owner.',
        'Marion Tull, Saltmarsh Sailing Club',
        'Picture: The north slipway at low tide. Photo: Dan Orme',
        'The board meets again in January & will publish its harbour plan then.',
      ].join('\n\n'),
    );
  });

  it('notes each thing left out, once, in the order of the body', () => {
    expect(result.notes).toEqual([
      'A picture (cdn.saltmarshcourier.example) was left out: Errata keeps no images. Its description read “The north slipway at low tide”.',
      'An embedded post (twitter.com) was left out: Errata keeps the text.',
      'An embedded video (youtube.com) was left out: Errata keeps the text.',
    ]);
  });
});

describe('htmlToMarkdown on an Arc-style body', () => {
  it('reads through div wrappers and span noise, escaping the asterisks that are text', () => {
    const result = convert(ARC);
    expect(result.markdown).toBe(
      [
        'The ferry to Gull Island will run **twice** a day from *Monday*, the operator said.',
        'Timetables are printed at the terminal (updated 09:14).',
        '### Fares',
        '- Adults: £4.50\n- Children under 5 travel free\\*',
        'Read more: Ferry contract signed',
        '\\*Conditions apply.',
        'Fares were set by the council',
        'in October.',
      ].join('\n\n'),
    );
    expect(result.plain).toBe(
      [
        'The ferry to Gull Island will run twice a day from Monday, the operator said.',
        'Timetables are printed at the terminal (updated 09:14).',
        'Fares',
        'Adults: £4.50',
        'Children under 5 travel free*',
        'Read more: Ferry contract signed',
        '*Conditions apply.',
        'Fares were set by the council',
        'in October.',
      ].join('\n\n'),
    );
    expect(result.notes).toEqual(['A relative link (/news/2026/11/17/gull-island-ferry-contract/) was removed: its words are kept.']);
  });

  it('links relative addresses when it knows the page they are on', () => {
    const result = convert(ARC, { baseUrl: 'https://saltmarshcourier.example/news/2026/11/18/ferry/' });
    expect(result.markdown).toContain('Read more: [Ferry contract signed](https://saltmarshcourier.example/news/2026/11/17/gull-island-ferry-contract/)');
    expect(result.notes).toEqual([]);
  });
});

describe('htmlToMarkdown formatting', () => {
  it('nests strong and emphasis, and drops formatting markdown-it could not read back', () => {
    const result = convert(
      '<p><strong><em>Correction:</em></strong> An earlier version misspelled the name of the harbourmaster, <strong>Ines <em>Varga</em></strong>.</p>' +
        '<p><b>Update:</b>The ferry runs. <em>“Never,”</em> she said; <em> spaced </em>out; <strong>a</strong><em>b</em>.</p>',
    );
    expect(result.markdown).toBe(
      '***Correction:*** An earlier version misspelled the name of the harbourmaster, **Ines *Varga***.\n\n' +
        'Update:The ferry runs. *“Never,”* she said; *spaced* out; **a***b*.',
    );
    expect(result.plain).toBe(
      'Correction: An earlier version misspelled the name of the harbourmaster, Ines Varga.\n\nUpdate:The ferry runs. “Never,” she said; spaced out; ab.',
    );
  });

  it('starts body headings at level 2 and keeps a closing "#" as text', () => {
    const result = convert('<h1>Main</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6><h2>Vote <br>#</h2>');
    expect(result.markdown).toBe('## Main\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\n## Vote \\#');
    expect(result.plain).toBe('Main\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix\n\nVote #');
  });

  it('writes strikethrough, inline code, nested lists and a numbered list that starts later', () => {
    const result = convert(
      '<p>The fare was <del>£5</del> <s>£4.50</s> £4, per <code>fares_2026.csv</code>.</p>' +
        '<ul><li>Ferries<ul><li>Gull Island</li><li>Reed Point</li></ul></li><li>Buses</li></ul><ol start="4"><li>Fourth</li><li>Fifth</li></ol>',
    );
    expect(result.markdown).toBe('The fare was ~~£5~~ ~~£4.50~~ £4, per `fares_2026.csv`.\n\n- Ferries\n  - Gull Island\n  - Reed Point\n- Buses\n\n4. Fourth\n5. Fifth');
    expect(result.plain).toBe('The fare was £5 £4.50 £4, per fares_2026.csv.\n\nFerries\n\nGull Island\n\nReed Point\n\nBuses\n\nFourth\n\nFifth');
  });

  it('makes line breaks hard breaks, and two in a row a new paragraph', () => {
    const result = convert('<p>Harbour Office<br>Quay Street<br />Saltmarsh<br></p><p><br>First<br><br>Second</p>');
    expect(result.markdown).toBe('Harbour Office\\\nQuay Street\\\nSaltmarsh\n\nFirst\n\nSecond');
    expect(result.plain).toBe('Harbour Office\nQuay Street\nSaltmarsh\n\nFirst\n\nSecond');
  });

  it('keeps the words where formatting cannot be written so that markdown-it reads it back', () => {
    expect(convert('<p><strong>Note:</strong>see the <em>“Harbour” </em>plan.</p>').markdown).toBe('Note:see the *“Harbour”* plan.');
    // Nested formatting that still reads wrong: the paragraph is written without its formatting.
    const result = convert('<p>Code<s><em>_</em></s>42 rose, see the <em>“Harbour” </em>plan.</p>');
    expect(result.markdown).toBe('Code\\_42 rose, see the “Harbour” plan.');
    expect(result.plain).toBe('Code_42 rose, see the “Harbour” plan.');
  });

  it('turns a table into a paragraph for each cell, with a note', () => {
    const result = convert('<table><caption>Fares</caption><tr><th>Route</th><th>Fare</th></tr><tr><td>Gull Island</td><td>£4.50</td></tr></table>');
    expect(result.markdown).toBe('Fares\n\nRoute\n\nFare\n\nGull Island\n\n£4.50');
    expect(result.notes).toEqual(['A table was turned into paragraphs, one for each cell: check that it still reads well.']);
  });

  it('fences preformatted text as it is', () => {
    const result = convert('<p>The data:</p><pre><code>year  fare\n2025  £5\n\n\n2026  £4</code></pre>');
    expect(result.markdown).toBe('The data:\n\n```\nyear  fare\n2025  £5\n\n\n2026  £4\n```');
    // Code blocks are not part of the plain text (lib/text/markdown.ts reads inline content only).
    expect(result.plain).toBe('The data:');
  });

  it('escapes text that would otherwise read as Markdown', () => {
    const result = convert(
      '<p>*Not emphasis* and _not_ either; 2 * 3 = 6; [not a link](x) a|b</p><p># Not a heading</p><p>1. Not a list</p><p>3) Nor this</p>' +
        '<p>- nor this</p><p>+ nor</p><p>1<span class="x">2</span>. Nor split</p><p>&gt; nor a quote</p><p>&lt;b&gt;not html&lt;/b&gt;, &lt;https://not.a.link&gt;, `not code`, ~~not struck~~, &amp;amp; and \\ too</p>',
    );
    expect(result.markdown).toBe(
      [
        '\\*Not emphasis\\* and \\_not\\_ either; 2 \\* 3 = 6; \\[not a link\\](x) a\\|b',
        '\\# Not a heading',
        '1\\. Not a list',
        '3\\) Nor this',
        '\\- nor this',
        '\\+ nor',
        '12\\. Nor split',
        '\\> nor a quote',
        '\\<b>not html\\</b>, \\<https://not.a.link>, \\`not code\\`, \\~\\~not struck\\~\\~, \\&amp; and \\\\ too',
      ].join('\n\n'),
    );
    expect(result.plain).toBe(
      [
        '*Not emphasis* and _not_ either; 2 * 3 = 6; [not a link](x) a|b',
        '# Not a heading',
        '1. Not a list',
        '3) Nor this',
        '- nor this',
        '+ nor',
        '12. Nor split',
        '> nor a quote',
        '<b>not html</b>, <https://not.a.link>, `not code`, ~~not struck~~, &amp; and \\ too',
      ].join('\n\n'),
    );
  });

  it('decodes entities, keeps smart quotes, collapses whitespace and strips hidden characters', () => {
    const result = convert('<p>  Fish &amp; chips\r\n\r\n cost&nbsp;£9 at O’Hare’s — “cheap”\u0000 &#x202E;gnp.exe\u200b  </p>\r\n\r\n\r\n<p>next</p>');
    expect(result.markdown).toBe('Fish & chips cost £9 at O’Hare’s — “cheap” gnp.exe\n\nnext');
  });
});

describe('htmlToMarkdown on hostile HTML', () => {
  it('leaves no script, style, handler or unsafe link, and unlinks what it cannot keep', () => {
    const result = convert(
      '<style>p { color: red }</style><p onclick="steal()" style="color:red">Safe <img src="x" onerror="alert(1)">text</p>' +
        '<script>alert("x")</script><svg onload="alert(1)"><text>drawn</text></svg>' +
        '<p>See <a href="/about">our policy</a>, <a href=" JaVaScRiPt:alert(document.cookie)">this</a>, <a href="data:text/html;base64,PHNjcmlwdD4=">that</a>, ' +
        '<a href="https://saltmarshcourier.example/corrections?year=2026&amp;page=(2)" title="All" onclick="x()">corrections</a> or <a href="mailto:standards@saltmarshcourier.example">write</a>.</p>',
    );
    expect(result.markdown).toBe(
      'Safe text\n\nSee our policy, this, that, [corrections](https://saltmarshcourier.example/corrections?year=2026&page=\\(2\\)) or [write](mailto:standards@saltmarshcourier.example).',
    );
    expect(result.plain).toBe('Safe text\n\nSee our policy, this, that, corrections or write.');
    expect(result.notes).toEqual([
      'A picture was left out: Errata keeps no images.',
      'A script was removed: Errata runs no scripts.',
      'A drawing was left out: Errata keeps the text.',
      'A relative link (/about) was removed: its words are kept.',
      'A javascript: link was removed: its words are kept.',
      'A data: link was removed: its words are kept.',
    ]);
  });

  it('notes an embed outside a figure, and a script beside it', () => {
    const result = convert(
      '<p>Before.</p><blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/Cx1/"><a href="https://www.instagram.com/p/Cx1/">A post shared by the Courier</a></blockquote>' +
        '<script async src="//www.instagram.com/embed.js"></script><video src="https://media.saltmarshcourier.example/quay.mp4" controls>Your browser cannot play this.</video><p>After.</p>',
    );
    expect(result.markdown).toBe('Before.\n\nAfter.');
    expect(result.notes).toEqual([
      'An embedded post (instagram.com) was left out: Errata keeps the text.',
      'A script (instagram.com) was removed: Errata runs no scripts.',
      'A video (media.saltmarshcourier.example) was left out: Errata keeps the text.',
    ]);
  });

  it('gives nothing for a body without text', () => {
    for (const html of ['', '   ', '<p> </p><div><br></div>', '<!-- only a comment -->', '<script>alert(1)</script>']) {
      expect(htmlToMarkdown(html).markdown).toBe('');
    }
    expect(htmlToMarkdown('<figure><img src="https://cdn.saltmarshcourier.example/a.jpg"></figure>')).toEqual({
      markdown: '',
      notes: ['A picture (cdn.saltmarshcourier.example) was left out: Errata keeps no images.'],
    });
  });
});

describe('htmlToMarkdown on any text', () => {
  const SIGNIFICANT = [...'abc XYZ 19 *_`~[]()#>-+=!|<>&;:.\\\n\t'];
  it('keeps the text of a paragraph, whatever Markdown syntax it contains', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...SIGNIFICANT, '&amp;', '&#42;', '1. ', '1) ', '- ', '+ ', '> ', '# ', '**', '<b>'), maxLength: 60 }), (s) => {
        const { markdown } = htmlToMarkdown(`<p>${escapeHtml(s)}</p>`);
        expect(toPlainText(markdown)).toBe(s.replace(/[ \t\n]+/g, ' ').trim());
      }),
      { numRuns: 500 },
    );
  });

  // Words with punctuation and spaces, in formatting nested any way, with links and line breaks.
  const words = fc.string({ unit: fc.constantFrom(...'ab *_.:,“”"!?-#1)'.split(''), '  '), maxLength: 8 }).map(escapeHtml);
  const { inline } = fc.letrec<{ inline: string }>((tie) => ({
    inline: fc.oneof(
      { depthSize: 'small' },
      words,
      fc.constant('<br>'),
      fc
        .tuple(fc.constantFrom('em', 'i', 'strong', 'b', 's', 'del', 'span', 'a'), fc.array(tie('inline'), { maxLength: 3 }))
        .map(([tag, inner]) => (tag === 'a' ? `<a href="https://saltmarshcourier.example/">${inner.join('')}</a>` : `<${tag}>${inner.join('')}</${tag}>`)),
    ),
  }));
  const block = fc
    .tuple(fc.constantFrom('p', 'h2', 'li', 'blockquote', 'figcaption'), fc.array(inline, { maxLength: 4 }))
    .map(([tag, inner]) => (tag === 'li' ? `<ul><li>${inner.join('')}</li></ul>` : `<${tag}>${inner.join('')}</${tag}>`));

  it('keeps the same words with formatting as without it', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 4 }), (blocks) => {
        const html = blocks.join('');
        const plain = htmlToMarkdown(html.replace(/<\/?(em|i|strong|b|s|del)>/g, '')).markdown;
        expect(toPlainText(htmlToMarkdown(html).markdown)).toBe(toPlainText(plain));
      }),
      { numRuns: 300 },
    );
  });
});

describe('normaliseMarkdown', () => {
  const DESK = [
    '## The vote',
    '',
    'The board _voted_ to close the **north slipway**, as [its minutes](https://saltmarsh-harbour.example/m) say.',
    'A second line.',
    '',
    '* first',
    '* second',
    '',
    '> A quote',
    '',
    '```',
    '<div>kept in code</div>',
    '```',
    '',
    'Inline `<b>` code and <https://saltmarshcourier.example> stay.',
  ].join('\n');

  it('leaves valid Markdown alone', () => {
    expect(normaliseMarkdown(DESK)).toEqual({ markdown: DESK, notes: [] });
    expect(normaliseMarkdown(`${DESK.replace(/\n/g, '\r\n')}\r\n`).markdown).toBe(DESK);
  });

  it('takes out raw HTML, keeping its words, and scripts and embeds with what is inside them', () => {
    const result = normaliseMarkdown(
      'Text with <b>bold</b> and <span class="x">a span</span>.<br>Next line.\n\n<div class="note">\nA note.\n</div>\n\n' +
        '<script>alert(1)</script>\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n\n<!-- a comment -->\nEnd.',
    );
    expect(result.markdown).toBe('Text with bold and a span.\\\nNext line.\n\nA note.\n\nEnd.');
    expect(result.notes).toEqual([
      'A script was removed: Errata runs no scripts.',
      'An embedded video (youtube.com) was left out: Errata keeps the text.',
      'HTML tags were taken out: the desk’s Markdown shows no HTML. Their words are kept.',
    ]);
  });

  it('takes out images, linked or not, with a note giving their description', () => {
    const result = normaliseMarkdown('Before ![The quay](https://cdn.saltmarshcourier.example/q.jpg "Quay") after.\n\n[![Map](map.png)](https://maps.example/q) End.');
    expect(result.markdown).toBe('Before after.\n\nEnd.');
    expect(result.notes).toEqual([
      'A picture (cdn.saltmarshcourier.example) was left out: Errata keeps no images. Its description read “The quay”.',
      'A picture was left out: Errata keeps no images. Its description read “Map”.',
    ]);
  });

  it('takes off trailing spaces without changing what they meant', () => {
    const source = 'line one  \nline two \nback\\ \nslash\\  \nlast  \n\nTitle  \n=====\n\n## Heading  \n\n\n\nend   ';
    const result = normaliseMarkdown(source);
    expect(result.markdown).toBe('line one\\\nline two\nback\\\\\nslash\\\\\\\nlast\n\nTitle\n=====\n\n## Heading\n\nend');
    expect(renderMarkdown(result.markdown)).toBe(renderMarkdown(source));
  });

  it('strips hidden characters', () => {
    expect(normaliseMarkdown('A\u0000 \u202Etext\u2066 here').markdown).toBe('A text here');
  });

  it('renders Markdown without HTML exactly as before', () => {
    const unit = fc.constantFrom(...'ab *_-#>1.=\\`[]()'.split(''), ' ', '  ', '\n', '\n\n', '\n\n\n', '  \n', '\\ \n', '- ', '1. ', '> ', '```\n');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (s) => {
        // A fence left open runs to the end of the body, whose trailing whitespace is taken off.
        const render = (md: string) => renderMarkdown(md).replace(/\s*<\/code><\/pre>/g, '</code></pre>');
        expect(render(normaliseMarkdown(s).markdown)).toBe(render(s));
      }),
      { numRuns: 500 },
    );
  });
});
