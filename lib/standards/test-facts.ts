// Facts for the standards unit tests: corrections and cases with known properties.
import type { CaseFact, CorrectionFact } from './statement';

const H = 3_600_000;
export const t0 = Date.UTC(2026, 9, 12, 9); // Monday 12 October 2026, 10:00 in London

export function correction(id: number, over: Partial<CorrectionFact> = {}): CorrectionFact {
  const publishedAt = over.publishedAt ?? new Date(t0 + id * H);
  return {
    id,
    kind: 'correction',
    publishedAt,
    publishedDay: publishedAt.toISOString().slice(0, 10),
    section: 'Politics',
    byline: 'Ann Reporter',
    errorType: 'number',
    errorCause: 'reporting',
    foundBy: 'reader',
    exposedFrom: new Date(publishedAt.getTime() - 10 * H),
    amendedAt: null,
    firstReportAt: null,
    slug: `story-${id}`,
    wording: `Correction ${id}.`,
    ...over,
  };
}

export function caseFact(id: number, over: Partial<CaseFact> = {}): CaseFact {
  const receivedAt = over.receivedAt ?? new Date(t0 + id * H);
  return {
    id,
    reference: `C-${String(id).padStart(4, '0')}`,
    route: 'direct',
    status: 'open',
    receivedAt,
    acknowledgedAt: null,
    dueAt: new Date(receivedAt.getTime() + 21 * 24 * H),
    closedAt: null,
    clauses: ['1'],
    correctionId: null,
    summary: 'About a figure.',
    ...over,
  };
}
