// How each kind of correction is drawn: a dark colour (at least 3:1 against white, WCAG 1.4.11)
// and a pattern of its own, so the stacks read without colour (in print, or to the colour-blind);
// the legend names each one.
import type { CorrectionKind } from '@/lib/types';

export const KIND_STYLE: Record<CorrectionKind, { colour: string; pattern: 'solid' | 'stripes' | 'dots' | 'grid' | 'rules' }> = {
  correction: { colour: '#1e3a8a', pattern: 'solid' },
  clarification: { colour: '#8a1c1c', pattern: 'stripes' },
  editors_note: { colour: '#14532d', pattern: 'dots' },
  update: { colour: '#6b4a00', pattern: 'grid' },
  retraction: { colour: '#3f3f46', pattern: 'rules' },
};

export const patternId = (chart: string, kind: CorrectionKind) => `${chart}-pattern-${kind}`;

/**
 * The <pattern> definitions for one chart (ids prefixed with the chart's, as a page has several),
 * in an SVG of their own that is never display:none, so both sizes of the chart and the legend's
 * swatches can use them whichever is shown.
 */
export function KindPatterns({ chart }: { chart: string }) {
  return (
    <svg className="chart-defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {(Object.entries(KIND_STYLE) as [CorrectionKind, (typeof KIND_STYLE)[CorrectionKind]][]).map(([kind, { colour, pattern }]) => (
          <pattern key={kind} id={patternId(chart, kind)} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform={pattern === 'stripes' ? 'rotate(45)' : undefined}>
            <rect width="8" height="8" fill={colour} />
            {pattern === 'stripes' ? <rect x="0" y="0" width="2.5" height="8" fill="#fff" /> : null}
            {pattern === 'dots' ? <circle cx="4" cy="4" r="1.6" fill="#fff" /> : null}
            {pattern === 'grid' ? <path d="M0 4H8M4 0V8" stroke="#fff" strokeWidth="1.2" /> : null}
            {pattern === 'rules' ? <path d="M0 2H8M0 6H8" stroke="#fff" strokeWidth="1.2" /> : null}
          </pattern>
        ))}
      </defs>
    </svg>
  );
}

/** A legend swatch: the same pattern in a small square of its own SVG. */
export function KindSwatch({ chart, kind }: { chart: string; kind: CorrectionKind }) {
  return (
    <svg className="chart-swatch" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="15" height="15" fill={`url(#${patternId(chart, kind)})`} stroke={KIND_STYLE[kind].colour} />
    </svg>
  );
}
