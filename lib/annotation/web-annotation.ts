// A published correction as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/), in the
// JSON-LD form of the model's own context, for annotation clients and archives.
//
// The choices, each where the model leaves one open:
// - motivation: `editing` for a correction or a retraction (the model's "request a change or edit
//   to the Target": the words were wrong, and the body says what is right); `commenting` for a
//   clarification, an editor's note or an update (the words stand; the note adds to them). The body's
//   `purpose` is the same motivation: the model's vocabulary has no "correcting", and a bare term
//   outside its context would not survive JSON-LD processing.
// - target: one SpecificResource per claim. `source` is the article's address on the CMS's site when
//   Errata knows it, else Errata's article page; `scope` is the Errata version the words were
//   anchored on. The TextQuoteSelector is the one to anchor with on any rendering of the article;
//   the TextPositionSelector beside it counts Unicode code points, as the model requires, in
//   Errata's plain text of that version (the text claims are stored against), so a client anchoring
//   on the CMS's page checks it against the quote and falls back to the quote, as the model advises
//   for positions. It is given only when that text is passed in and still holds the quote there.
//   A correction with no readable claim targets the article itself.
// - withdrawal: a withdrawn correction is still exported (readers still see its notice): `modified`
//   is the withdrawal, and a second body, with its own `created`, says it was withdrawn and why.
// - claims on versions readers may not read never reach here; the placeholder the public view gives
//   them ([words withheld for legal reasons]) is dropped if it does.
import { WITHHELD_WORDS } from '../record/public';
import type { CorrectionKind } from '../types';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export type Motivation = 'editing' | 'commenting';

export interface AnnotationClaim {
  exact: string;
  prefix: string;
  suffix: string;
  /** UTF-16 offsets into the version's plain text, as stored. */
  start: number;
  end: number;
}

export interface AnnotationInput {
  correction: { id: number; kind: CorrectionKind; wording: string; publishedAt: Date; withdrawnAt: Date | null; withdrawnReason?: string | null };
  article: { url: string; externalId: string | null; canonicalUrl: string | null; headline: string };
  /** Errata's page of the version the claims are on. */
  versionUrl: string;
  claims: AnnotationClaim[];
  /** That version's plain text: with it, each claim also gets a TextPositionSelector in code points. */
  versionText?: string;
  /** The newsroom, the annotation's creator; `language` is its BCP 47 tag ("en-GB"). */
  newsroom: { name: string; language?: string };
  siteUrl: string;
  /** This annotation's own address (the API's /corrections/{id}/annotation). */
  annotationUrl: string;
}

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  format: 'text/plain';
  language?: string;
  purpose: Motivation;
  created?: string;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface SpecificResource {
  type: 'SpecificResource';
  source: string;
  scope: string;
  selector: TextQuoteSelector | [TextQuoteSelector, TextPositionSelector];
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: Motivation;
  created: string;
  modified?: string;
  creator: { type: 'Organization'; name: string; homepage: string };
  body: TextualBody | TextualBody[];
  target: string | SpecificResource | SpecificResource[];
}

/** The model's motivation for a correction of this kind (see the module's opening). */
export function motivationFor(kind: CorrectionKind): Motivation {
  return kind === 'correction' || kind === 'retraction' ? 'editing' : 'commenting';
}

const one = <T>(items: T[]): T | T[] => (items.length === 1 ? items[0] : items);

/** Code points before a UTF-16 offset. */
const codePoints = (text: string, offset: number) => Array.from(text.slice(0, offset)).length;

function selectorFor(claim: AnnotationClaim, text: string | undefined): SpecificResource['selector'] {
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix };
  if (text === undefined || text.slice(claim.start, claim.end) !== claim.exact) return quote;
  return [quote, { type: 'TextPositionSelector', start: codePoints(text, claim.start), end: codePoints(text, claim.end) }];
}

export function toWebAnnotation(input: AnnotationInput): WebAnnotation {
  const { correction, article, newsroom } = input;
  const motivation = motivationFor(correction.kind);
  const language = newsroom.language ? { language: newsroom.language } : {};
  const source = article.canonicalUrl ?? article.url;
  const bodies: TextualBody[] = [{ type: 'TextualBody', value: correction.wording, format: 'text/plain', ...language, purpose: motivation }];
  if (correction.withdrawnAt) {
    const reason = correction.withdrawnReason?.trim();
    bodies.push({ type: 'TextualBody', value: reason ? `Withdrawn: ${reason}` : 'Withdrawn.', format: 'text/plain', ...language, purpose: 'commenting', created: correction.withdrawnAt.toISOString() });
  }
  const targets = input.claims
    .filter((c) => c.exact && c.exact !== WITHHELD_WORDS)
    .map((c): SpecificResource => ({ type: 'SpecificResource', source, scope: input.versionUrl, selector: selectorFor(c, input.versionText) }));
  return {
    '@context': ANNOTATION_CONTEXT,
    id: input.annotationUrl,
    type: 'Annotation',
    motivation,
    created: correction.publishedAt.toISOString(),
    ...(correction.withdrawnAt ? { modified: correction.withdrawnAt.toISOString() } : {}),
    creator: { type: 'Organization', name: newsroom.name, homepage: input.siteUrl },
    body: one(bodies),
    target: targets.length ? one(targets) : source,
  };
}
