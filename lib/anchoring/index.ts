// Claim anchoring: quote-and-offset anchors on one version's plain text, found again in later versions.
export { type AnchorQuoteResult, anchorQuote, CONTEXT_CHARS, type ClaimAnchor, createAnchor } from './anchor';
export { type DiffBound, DEFAULT_BOUND } from '../text';
export { type ChainVersion, type LocateOptions, type Located, locateClaim, type Replacement } from './locate';
export { CONTEXT_THRESHOLD, findByQuote, findSimilarClaims, type QuoteResult, type SimilarClaim } from './quote-search';
export { SLIDE_CONTEXT_THRESHOLD } from './slides';
export { mapSpan, type StepResult } from './step';
export { similarity, typographic } from './matching';
