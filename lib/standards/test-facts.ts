// Facts for the standards unit tests: corrections and cases with known properties.
import type { CaseFact, CorrectionFact, NamedCorrection } from './statement';

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
    ...over,
  };
}

/** The corrections as the statement names them (story-N, "Correction N."), with any wording given. */
export function named(cs: readonly CorrectionFact[], wording: Record<number, string> = {}): Map<number, NamedCorrection> {
  return new Map(cs.map((c) => [c.id, { id: c.id, kind: c.kind, wording: wording[c.id] ?? `Correction ${c.id}.`, slug: `story-${c.id}`, publishedAt: c.publishedAt }]));
}
