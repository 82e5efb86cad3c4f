// Checked against the Web Annotation Data Model's requirements (https://www.w3.org/TR/annotation-model/):
// the context, id and type of an Annotation (3.1), its body and target (3.2), agents (3.3.3),
// dates as xsd:dateTime with a time zone (3.3.5), motivations from the model's vocabulary (3.3.5),
// and text quote and position selectors (4.2.4, 4.2.5).
import { describe, expect, it } from 'vitest';
import { WITHHELD_WORDS } from '../record/public';
import { CORRECTION_KINDS } from '../types';
import { type AnnotationInput, motivationFor, type SpecificResource, type TextualBody, toWebAnnotation } from './web-annotation';

/** The model's motivations (3.3.5): a body's purpose and an annotation's motivation are one of these. */
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing', 'highlighting', 'identifying', 'linking', 'moderating', 'questioning', 'replying', 'tagging'];
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const text = 'The Harbour Alliance lost 695 council seats and nine councils in Thursday’s vote.\n\nTurnout was 31 per cent.';
const exact = '695 council seats and nine councils';
const start = text.indexOf(exact);

const input: AnnotationInput = {
  correction: { id: 41, kind: 'correction', wording: 'They actually lost 842 council seats and 11 councils.', publishedAt: new Date('2026-05-04T09:30:00Z'), withdrawnAt: null },
  article: { url: 'https://kestrel.example/articles/alliance-routed', externalId: 'cms-7', canonicalUrl: 'https://www.chronicle.example/politics/alliance-routed', headline: 'Alliance routed in the shires' },
  versionUrl: 'https://kestrel.example/articles/alliance-routed/versions/1',
  claims: [{ exact, prefix: 'The Harbour Alliance lost ', suffix: ' in Thursday’s vote.', start, end: start + exact.length }],
  versionText: text,
  newsroom: { name: 'The Kestrel Bay Chronicle', language: 'en-GB' },
  siteUrl: 'https://kestrel.example',
  annotationUrl: 'https://kestrel.example/api/v1/corrections/41/annotation',
};

const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);
const targets = (a: ReturnType<typeof toWebAnnotation>) => asArray(a.target) as SpecificResource[];

describe('toWebAnnotation', () => {
  it('has every property the model requires of an Annotation, in the model’s JSON-LD', () => {
    const a = toWebAnnotation(input);
    expect(a['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(a.id).toBe(input.annotationUrl);
    expect(a.type).toBe('Annotation');
    expect(a.target).toBeDefined();
    expect(MOTIVATIONS).toContain(a.motivation);
    expect(a.created).toMatch(DATE_TIME);
    expect(a.created).toBe('2026-05-04T09:30:00.000Z');
    expect(a).not.toHaveProperty('modified');
    expect(a.creator).toEqual({ type: 'Organization', name: 'The Kestrel Bay Chronicle', homepage: 'https://kestrel.example' });
    // Plain JSON: what is serialised is what was built.
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('carries the public wording as a plain-text TextualBody in the newsroom’s language', () => {
    const body = toWebAnnotation(input).body as TextualBody;
    expect(body).toEqual({ type: 'TextualBody', value: input.correction.wording, format: 'text/plain', language: 'en-GB', purpose: 'editing' });
    expect(MOTIVATIONS).toContain(body.purpose);
  });

  it('targets each claim on the article’s own address, with a quote and a position in code points', () => {
    const [target] = targets(toWebAnnotation(input));
    expect(target.type).toBe('SpecificResource');
    expect(target.source).toBe(input.article.canonicalUrl);
    expect(target.scope).toBe(input.versionUrl);
    const [quote, position] = target.selector as [unknown, { start: number; end: number }];
    expect(quote).toEqual({ type: 'TextQuoteSelector', exact, prefix: 'The Harbour Alliance lost ', suffix: ' in Thursday’s vote.' });
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + exact.length });
    // The position selects the quote's exact words, counted in code points as the model requires.
    expect(Array.from(text).slice(position.start, position.end).join('')).toBe(exact);
  });

  it('counts positions in code points where UTF-16 would count an emoji twice', () => {
    const emoji = `🌊🌊 ${text}`;
    const at = emoji.indexOf(exact);
    const [target] = targets(toWebAnnotation({ ...input, versionText: emoji, claims: [{ ...input.claims[0], start: at, end: at + exact.length }] }));
    const [, position] = target.selector as [unknown, { start: number; end: number }];
    expect(position.start).toBe(at - 2);
    expect(Array.from(emoji).slice(position.start, position.end).join('')).toBe(exact);
  });

  it('gives a quote only when the version’s text is not at hand or no longer holds the quote there', () => {
    for (const variant of [{ ...input, versionText: undefined }, { ...input, versionText: `Moved. ${text}` }]) {
      const [target] = targets(toWebAnnotation(variant));
      expect(target.selector).toEqual({ type: 'TextQuoteSelector', exact, prefix: 'The Harbour Alliance lost ', suffix: ' in Thursday’s vote.' });
    }
  });

  it('falls back to Errata’s article page as the source, and to the article itself with no claim', () => {
    const errataOnly = toWebAnnotation({ ...input, article: { ...input.article, canonicalUrl: null } });
    expect(targets(errataOnly)[0].source).toBe(input.article.url);
    expect(toWebAnnotation({ ...input, claims: [] }).target).toBe(input.article.canonicalUrl);
  });

  it('never quotes the placeholder of words withheld for legal reasons', () => {
    const withheld = { exact: WITHHELD_WORDS, prefix: '', suffix: '', start: 0, end: 0 };
    const a = toWebAnnotation({ ...input, claims: [withheld, ...input.claims] });
    expect(targets(a)).toHaveLength(1);
    expect(JSON.stringify(a)).not.toContain(WITHHELD_WORDS);
    expect(toWebAnnotation({ ...input, claims: [withheld] }).target).toBe(input.article.canonicalUrl);
  });

  it('gives several claims several targets', () => {
    const second = { exact: '31 per cent', prefix: 'Turnout was ', suffix: '.', start: text.indexOf('31 per cent'), end: text.indexOf('31 per cent') + 11 };
    expect(targets(toWebAnnotation({ ...input, claims: [...input.claims, second] }))).toHaveLength(2);
  });

  it('keeps a withdrawn correction, saying when and why in a second body', () => {
    const a = toWebAnnotation({ ...input, correction: { ...input.correction, withdrawnAt: new Date('2026-05-06T08:00:00Z'), withdrawnReason: 'The original figure was right.' } });
    expect(a.modified).toBe('2026-05-06T08:00:00.000Z');
    expect(a.modified).toMatch(DATE_TIME);
    const bodies = asArray(a.body);
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual({ type: 'TextualBody', value: 'Withdrawn: The original figure was right.', format: 'text/plain', language: 'en-GB', purpose: 'commenting', created: '2026-05-06T08:00:00.000Z' });
  });

  it('motivates a correction or retraction as editing and a note that adds to the text as commenting', () => {
    expect(CORRECTION_KINDS.map((k) => [k, motivationFor(k)])).toEqual([
      ['correction', 'editing'],
      ['clarification', 'commenting'],
      ['editors_note', 'commenting'],
      ['update', 'commenting'],
      ['retraction', 'editing'],
    ]);
    for (const kind of CORRECTION_KINDS) expect(MOTIVATIONS).toContain(toWebAnnotation({ ...input, correction: { ...input.correction, kind } }).motivation);
  });

  it('leaves the language out when the newsroom gives none', () => {
    expect(toWebAnnotation({ ...input, newsroom: { name: 'The Kestrel Bay Chronicle' } }).body).not.toHaveProperty('language');
  });
});
