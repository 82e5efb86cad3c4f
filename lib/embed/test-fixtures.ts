// An invented story for the embed tests, run through the article page's own pipeline
// (lib/article-view: claimMarks and notices), as db/queries/article-page.ts runs it.
import { claimMarks, notices, type ViewClaim, type ViewCorrection } from '../article-view';
import { createAnchor } from '../anchoring';
import { toPlainText } from '../markdown';
import { WITHHELD_WORDS } from '../record/public';
import { settings } from '../wording/test-fixtures';
import type { EmbedSource } from './notices';

export { settings };

export const WRONG = '695 council seats and nine councils';
export const RIGHT = '842 council seats and 11 councils';

export const v1 = `The Harbour Alliance lost ${WRONG} in Thursday’s vote, its worst night in a decade.\n\nTurnout in Kestrel Bay was 31 per cent, the lowest since 1998.`;
export const v2 = v1.replace(WRONG, RIGHT);

type Claim = ViewClaim & { withheld: boolean };
type Correction = ViewCorrection & { claims: Claim[] };

function claimOn(id: number, version: number, body: string, words: string): Claim {
  const text = toPlainText(body);
  const start = text.indexOf(words);
  const { quote } = createAnchor(text, start, start + words.length);
  return { id, versionNumber: version, ...quote, start, end: start + words.length, withheld: false };
}

const base = { said: null, withdrawnAt: null, withdrawnReason: null, amendedVersion: null, printedIn: null } as const;

/** Amended by version 2: marked on the words that replaced the claim. */
export const amended: Correction = {
  ...base,
  id: 41,
  kind: 'correction',
  mode: 'amend',
  status: 'published',
  wording: 'They actually lost 842 council seats and 11 councils.',
  publishedAt: new Date('2026-05-04T09:30:00Z'),
  amendedVersion: { number: 2, savedAt: new Date('2026-05-04T09:30:00Z') },
  claims: [claimOn(1, 1, v1, WRONG)],
};

/** A clarification whose words still stand, withdrawn since. */
export const withdrawnClarification: Correction = {
  ...base,
  id: 42,
  kind: 'clarification',
  mode: 'notice',
  status: 'withdrawn',
  wording: 'The turnout figure is the council’s provisional one.',
  publishedAt: new Date('2026-05-05T12:00:00Z'),
  withdrawnAt: new Date('2026-05-06T08:00:00Z'),
  withdrawnReason: 'The council confirmed the figure',
  claims: [claimOn(2, 2, v2, '31 per cent')],
};

/** Anchored on a version withheld for legal reasons: the public view has blanked its words. */
export const onWithheld: Correction = {
  ...base,
  id: 43,
  kind: 'editors_note',
  mode: 'notice',
  status: 'published',
  wording: 'This article has been edited for legal reasons.',
  publishedAt: new Date('2026-05-07T10:00:00Z'),
  claims: [{ id: 3, versionNumber: 1, exact: WITHHELD_WORDS, prefix: '', suffix: '', start: 0, end: 0, withheld: true }],
};

/** The article page's view of the story, as readArticlePage returns it (withheld versions' texts left out). */
export function source(corrections: Correction[], options: { texts?: Map<number, string>; article?: Partial<EmbedSource['article']> } = {}): EmbedSource {
  const texts = options.texts ?? new Map([
    [1, toPlainText(v1)],
    [2, toPlainText(v2)],
  ]);
  return {
    article: { slug: 'alliance-routed', externalId: 'cms-7', status: 'published', withdrawnAt: null, withdrawnReason: null, ...options.article },
    version: { number: 2, headline: 'Alliance routed in the shires', body: v2 },
    notices: notices(corrections, settings),
    marks: claimMarks(corrections, texts, 2),
    corrections,
    settings,
  };
}
