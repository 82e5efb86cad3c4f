import { describe, expect, it } from 'vitest';
import { inlineHtml, parseAnsDocument } from './ans';
import resultSet from './fixtures/ans-stories.json';
import single from './fixtures/ans-story.json';

const A = 'QH2V5ZK3JBF7DNGM4XRT6WYLCE';
const B = 'P7MN3K2XWQ5RDT4BJ6HVFZLGYA';
const A_CORRECTION = {
  kind: 'correction',
  text: 'An earlier version of this article said the Harbour Party lost 412 council seats and six councils. It lost 468 seats and eight councils.',
  date: '2026-05-09T14:05:00.000Z',
  externalId: 'CORR5K3JBF7DNGM4XRT6WYLQH2',
};
const A_BODY = [
  '<p>The Harbour Party lost 468 council seats and eight councils in Thursday’s elections, its heaviest losses since the county was formed, according to the <a href="https://www.saltmarsh-courier.example/elections/2026/results">Courier’s count</a>.</p>',
  '<p>The Independents for Saltmarsh took control of <b>three</b> of the councils, and the Greens gained their first seats on the coast.</p>',
  '<h2>Where the party fell</h2>',
  '<ul><li>Estuary ward: all five seats lost</li><li>Old Quay: control passed to the Independents</li><li>Gull Island: held by one vote after two recounts</li></ul>',
  '<blockquote><p>We heard the doorstep message loud and clear, and we will earn back every vote.</p><p>— Hester Quick, Harbour Party group leader</p></blockquote>',
  '<figure><img alt="Volunteers sorting ballot papers at long tables"><figcaption>Counting under way at Saltmarsh Leisure Centre on Friday morning. Photograph: Jory Angove</figcaption></figure>',
  '<p>Turnout was 31 per cent, down from 34 per cent in 2022.</p>',
  '<hr>',
  '<p><i>Additional reporting by Tamsin Rowe.</i></p>',
].join('\n');

/** A minimal valid story, with overrides. */
const story = (over: Record<string, unknown> = {}) => ({
  type: 'story',
  version: '0.10.9',
  _id: 'TEST0000000000000000000001',
  headlines: { basic: 'Harbour board names new chair' },
  last_updated_date: '2026-06-01T09:00:00Z',
  content_elements: [{ type: 'text', content: 'The harbour board has a new chair.' }],
  ...over,
});
const clone = <T>(value: T): T => structuredClone(value);

describe('parseAnsDocument: one story', () => {
  it('reads the corrected story as one revision with its correction', () => {
    const { stories, errors } = parseAnsDocument(single);
    expect(errors).toEqual([]);
    expect(stories).toHaveLength(1);
    const [a] = stories;
    expect(a.externalId).toBe(A);
    expect(a.firstPublishedAt).toBe('2026-05-08T06:30:00.000Z');
    expect(a.revisions).toEqual([
      {
        headline: 'Harbour Party routed in county council elections',
        standfirst: 'Voters across the district turned on the governing party in its worst local results in a generation',
        byline: 'Morwenna Tallack and Idris Penhallow',
        section: 'Politics',
        canonicalUrl: '/politics/2026/05/08/harbour-party-routed-county-council-elections/',
        bodyHtml: A_BODY,
        savedAt: '2026-05-09T14:05:00.000Z',
        revisionId: 'F8W2NJ5QK7RZ3XBM4TVDHGCL6A',
        notes: ['Dropped an embed: oembed_response (youtube)', 'Dropped an embed: raw_html'],
      },
    ]);
    expect(a.corrections).toEqual([A_CORRECTION]);
  });
});

describe('parseAnsDocument: a result set of revisions', () => {
  const { stories, errors } = parseAnsDocument(resultSet);

  it('groups revisions by _id, oldest first, stories in the order they first appear', () => {
    expect(errors).toEqual([]);
    expect(stories.map((s) => [s.externalId, s.revisions.map((r) => r.revisionId)])).toEqual([
      [A, ['C4M7RQ2WZK5XJBN6TVDHGF3LPA', 'F8W2NJ5QK7RZ3XBM4TVDHGCL6A']],
      [B, ['B9K4TQ2XZ7RN3JMW5VDHGCLF6A']],
    ]);
    expect(stories[0].revisions.map((r) => r.savedAt)).toEqual(['2026-05-08T06:30:00.000Z', '2026-05-09T14:05:00.000Z']);
  });

  it('keeps each revision’s own words: the wrong figures first, the corrected ones after', () => {
    const [first, second] = stories[0].revisions;
    expect(first.bodyHtml).toContain('lost 412 council seats and six councils');
    expect(first.bodyHtml).not.toContain('468');
    expect(first.notes).toEqual(['Dropped an embed: oembed_response (youtube)']);
    expect(second.bodyHtml).toBe(A_BODY);
    for (const r of [first, second]) {
      expect([r.headline, r.byline, r.section]).toEqual(['Harbour Party routed in county council elections', 'Morwenna Tallack and Idris Penhallow', 'Politics']);
    }
    expect(stories[0].corrections).toEqual([A_CORRECTION]);
    expect(stories[0].firstPublishedAt).toBe('2026-05-08T06:30:00.000Z');
  });

  it('falls back to description for the standfirst and the first section; reads a clarification', () => {
    const b = stories[1];
    expect(b.revisions).toHaveLength(1);
    const [r] = b.revisions;
    expect([r.headline, r.standfirst, r.byline, r.section]).toEqual([
      'Winter ferry timetable to cut Gull Island sailings',
      'Two crossings a day will go from November, the harbour board says',
      'Lowenna Trebilcock',
      'Local',
    ]);
    expect(r.bodyHtml).toBe(
      [
        '<p>The harbour board will run four sailings a day to Gull Island from November, down from six, under a winter timetable agreed on Monday.</p>',
        '<h3>What changes</h3>',
        '<ol><li>The 07:10 and 19:40 crossings are withdrawn</li><li>The last boat back leaves Gull Island at 17:30</li></ol>',
        '<p>Islanders &amp; visitors can comment on the plan until 30 June.</p>',
      ].join('\n'),
    );
    expect(r.notes).toEqual(['Dropped a pullquote (it repeats words from the article)', 'Dropped an embed: video']);
    expect(b.corrections).toEqual([
      {
        kind: 'clarification',
        text: 'This article has been clarified to make clear that the winter timetable applies only to the Saltmarsh–Gull Island route, not the estuary shuttle.',
        date: '2026-05-12T10:20:00.000Z',
        externalId: 'B7',
      },
    ]);
  });

  it('reads a bare array of stories the same as a result set', () => {
    expect(parseAnsDocument(resultSet.content_elements)).toEqual({ stories, errors });
  });
});

describe('corrections across revisions', () => {
  it('imports each correction once (by _id, else by its words), in date order, with its own date when given', () => {
    const third = clone(single) as Record<string, unknown> & { content_elements: Record<string, unknown>[] };
    third.last_updated_date = '2026-05-10T08:00:00Z';
    third.revision = { revision_id: 'THIRD00000000000000000000A' };
    // The same correction again, without its _id and with its words re-spaced.
    third.content_elements.push({ type: 'correction', correction_type: 'correction', text: `  ${A_CORRECTION.text.replace(' It ', '\n It ')} ` });
    third.corrections = [
      { type: 'correction', _id: 'CORR-LATER', correction_type: 'Retraction', text: 'A paragraph about the Old Quay count has been removed.', display_date: '2026-05-10T07:45:00+01:00' },
      { type: 'correction', _id: A_CORRECTION.externalId, correction_type: 'correction', text: 'Different words, same _id.' },
    ];
    const { stories, errors } = parseAnsDocument([third, single, ...resultSet.content_elements]);
    expect(errors).toEqual([{ path: '$[2].revision.revision_id', message: `Story ${A} repeats revision F8W2NJ5QK7RZ3XBM4TVDHGCL6A; the later copy was ignored` }]);
    const a = stories.find((s) => s.externalId === A)!;
    expect(a.revisions.map((r) => r.revisionId)).toEqual(['C4M7RQ2WZK5XJBN6TVDHGF3LPA', 'F8W2NJ5QK7RZ3XBM4TVDHGCL6A', 'THIRD00000000000000000000A']);
    expect(a.corrections).toEqual([
      A_CORRECTION,
      { kind: 'correction', text: 'A paragraph about the Old Quay count has been removed.', date: '2026-05-10T06:45:00.000Z', externalId: 'CORR-LATER' },
    ]);
    expect(a.revisions[2].notes).toContain('Imported a correction with correction_type "retraction" as a correction');
  });

  it('dates a correction by the revision it first appears in, and notes a missing correction_type', () => {
    const content_elements = [
      { type: 'text', content: 'Body.' },
      { type: 'correction', text: 'A name was misspelt.', date: '2026-06-02T12:00:00Z' },
      { type: 'correction', text: 'A date was wrong.' },
    ];
    const { stories } = parseAnsDocument(story({ content_elements }));
    expect(stories[0].corrections.map((c) => [c.kind, c.date, c.externalId])).toEqual([
      ['correction', '2026-06-01T09:00:00.000Z', null],
      ['correction', '2026-06-02T12:00:00.000Z', null],
    ]);
    const none = 'Imported a correction with correction_type (none) as a correction';
    expect(stories[0].revisions[0].notes).toEqual([none, none]);
  });
});

describe('fields', () => {
  it('joins three or more names in house style and trims what it reads', () => {
    const by = [{ name: 'Ann Bray' }, { type: 'reference', referent: { id: 'x' } }, { name: ' Cal Dunn ' }, { name: 'Eve Fox' }];
    const { stories } = parseAnsDocument(story({ credits: { by }, headlines: { basic: '  Spaced  ' } }));
    expect(stories[0].revisions[0].byline).toBe('Ann Bray, Cal Dunn and Eve Fox');
    expect(stories[0].revisions[0].headline).toBe('Spaced');
    expect(stories[0].revisions[0]).toMatchObject({ standfirst: '', section: '', canonicalUrl: null });
    expect(stories[0].firstPublishedAt).toBeNull();
  });
});

describe('invalid documents', () => {
  const cases: [string, unknown, { path: string; message: string }][] = [
    ['missing headlines', story({ headlines: undefined }), { path: '$.headlines', message: 'The story has no headlines' }],
    ['an empty headline', story({ headlines: { basic: ' ' } }), { path: '$.headlines.basic', message: 'The headline (headlines.basic) is empty' }],
    ['a video', story({ type: 'video' }), { path: '$.type', message: 'Expected an ANS document of type "story"; this one is a "video"' }],
    ['a number', 42, { path: '$', message: 'Expected an ANS story, an array of stories or a result set, got a number' }],
    ['null in an array', [null], { path: '$[0]', message: 'Expected an ANS story object, got null' }],
    ['no content_elements', story({ content_elements: undefined }), { path: '$.content_elements', message: 'The story’s content_elements is missing' }],
    ['empty content_elements', story({ content_elements: [] }), { path: '$.content_elements', message: 'The story has no content (content_elements is empty)' }],
    ['only embeds', story({ content_elements: [{ type: 'raw_html', content: '<div></div>' }, { type: 'correction', text: 'x' }] }), { path: '$.content_elements', message: 'The story has no content Errata can import (only embeds, corrections or empty text)' }],
    ['a text element without text', story({ content_elements: [{ type: 'text', content: 5 }] }), { path: '$.content_elements[0].content', message: 'A text element’s content must be a string' }],
    ['a nested bad element', story({ content_elements: [{ type: 'quote', content_elements: [{ type: 'header' }] }] }), { path: '$.content_elements[0].content_elements[0].content', message: 'A header’s content is missing' }],
    ['a bad date', story({ last_updated_date: 'last Tuesday' }), { path: '$.last_updated_date', message: 'last_updated_date must be an RFC 3339 date-time, like 2026-05-08T06:30:00Z' }],
    ['no date at all', story({ last_updated_date: undefined }), { path: '$.last_updated_date', message: 'The story has no last_updated_date (nor display_date or first_publish_date) to date this revision by' }],
    ['a correction without text', story({ corrections: [{ type: 'correction' }] }), { path: '$.corrections[0].text', message: 'A correction’s text is missing' }],
  ];
  it.each(cases)('%s', (_name, input, error) => {
    const result = parseAnsDocument(input);
    expect(result.stories).toEqual([]);
    expect(result.errors).toEqual([error]);
  });

  it('keeps the good stories of a mixed batch and says where the bad ones are', () => {
    const { stories, errors } = parseAnsDocument({ type: 'results', content_elements: [story(), { type: 'gallery' }, story({ _id: 'OTHER' })] });
    expect(stories.map((s) => s.externalId)).toEqual(['TEST0000000000000000000001', 'OTHER']);
    expect(errors).toEqual([{ path: '$.content_elements[1].type', message: 'Expected an ANS document of type "story"; this one is a "gallery"' }]);
  });

  it('never throws, whatever it is given', () => {
    const protoTypes = story({ content_elements: [{ type: 'constructor' }, { type: '__proto__', content: 1 }, { type: 'text', content: 'ok' }] });
    const odd: unknown[] = [undefined, 'story', true, [], {}, { type: 'results' }, { content_elements: 'x' }, [[story()]], protoTypes];
    odd.push(story({ content_elements: [null] }), story({ taxonomy: 'Politics' }), story({ credits: { by: 'Ann Bray' } }));
    for (const input of odd) expect(() => parseAnsDocument(input)).not.toThrow();
    const untyped = [{ path: '$.type', message: 'Expected an ANS document of type "story"; this one has no type' }];
    expect(parseAnsDocument({}).errors).toEqual(untyped);
    expect(parseAnsDocument(story({ type: undefined })).errors).toEqual(untyped);
    expect(parseAnsDocument(protoTypes).stories[0].revisions[0].notes).toEqual(['Dropped an element Errata does not import: constructor', 'Dropped an element Errata does not import: __proto__']);
  });
});

describe('hostile documents', () => {
  const evil = '<script>alert(1)</script><img src=x onerror="alert(2)">';
  it('renders 10,000 elements without emitting script from any field', () => {
    const kinds = [
      { type: 'text', content: `Vote ${evil} <a href="javascript:alert(3)">here</a> <a href=" JAVASCRIPT:x">x</a> <span style="x">kept</span>` },
      { type: 'header', content: `<script>bad()` },
      { type: 'image', caption: evil, alt_text: '"><script>alert(4)</script>', credits: { by: [{ name: '<script>x</script>' }] } },
      { type: 'quote', content_elements: [{ type: 'text', content: evil }], citation: { type: 'text', content: evil } },
      { type: 'list', items: [{ type: 'text', content: evil }, { type: 'list', items: [{ type: 'text', content: '<b>deep' }] }] },
      { type: 'raw_html', content: evil },
    ];
    const content_elements = Array.from({ length: 10_000 }, (_, i) => kinds[i % kinds.length]);
    const started = performance.now();
    const { stories, errors } = parseAnsDocument(story({ content_elements, headlines: { basic: evil } }));
    expect(performance.now() - started).toBeLessThan(5000);
    expect(errors).toEqual([]);
    const [revision] = stories[0].revisions;
    expect(revision.bodyHtml).not.toMatch(/<script|<img src|<[^>]*onerror|href="\s*javascript|<span|<li><\/li>/i);
    expect(revision.bodyHtml).toContain('<figcaption>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt; Photograph: &lt;script&gt;x&lt;/script&gt;</figcaption>');
    expect(revision.bodyHtml).toContain('<p>Vote  here x kept</p>');
    expect(revision.notes).toEqual(['Dropped an embed: raw_html (×1666)']);
    expect(revision.headline).toBe(evil); // plain text, escaped wherever it is shown
  });

  it('caps the errors one document can produce', () => {
    const { errors } = parseAnsDocument(story({ content_elements: Array.from({ length: 10_000 }, () => ({ type: 'text' })) }));
    expect(errors).toHaveLength(21);
    expect(errors[20]).toEqual({ path: '$', message: '…and 9980 more problems in this story' });
  });

  it('survives very deep nesting', () => {
    const nest = (depth: number) => {
      let el: Record<string, unknown> = { type: 'text', content: 'core' };
      for (let i = 0; i < depth; i++) el = { type: 'quote', content_elements: [el] };
      return story({ content_elements: [{ type: 'text', content: 'Top.' }, el] });
    };
    const shallow = parseAnsDocument(nest(20));
    expect(shallow.stories[0].revisions[0].notes).toEqual(['Dropped content nested more than 16 levels deep']);
    expect(parseAnsDocument(nest(20_000))).toEqual({ stories: [], errors: [{ path: '$', message: 'The story is nested more than 64 levels deep' }] });
  });
});

describe('inlineHtml', () => {
  it.each([
    ['keeps inline tags and entities', 'A <B>bold</B> &amp; <em>fine</em> &eacute; &#8217;', 'A <b>bold</b> &amp; <em>fine</em> &eacute; &#8217;'],
    ['closes what was left open', '<i>one <b>two', '<i>one <b>two</b></i>'],
    ['closes inner tags when an outer one closes', '<i>one <b>two</i> three</b>', '<i>one <b>two</b></i> three'],
    ['escapes stray < > and &', 'a < b > c & d', 'a &lt; b &gt; c &amp; d'],
    ['keeps only the href of a safe link', '<a href="/local/x?a=1&amp;b=2" onclick="y" target=_blank>x</a>', '<a href="/local/x?a=1&amp;b=2">x</a>'],
    ['drops a link it cannot trust but keeps its words', '<a href="data:text/html,x">words</a> <a href="//evil.example">more</a>', 'words more'],
    ['removes comments, scripts and styles with their content', 'a<!-- note -->b<style>p{}</style>c<script>d()</script>e<script>f', 'abce'],
    ['treats a broken tag as text', '<a href="x>y', '&lt;a href="x&gt;y'],
  ])('%s', (_name, input, output) => expect(inlineHtml(input)).toBe(output));
});
