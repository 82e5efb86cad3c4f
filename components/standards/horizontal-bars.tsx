// A tally as horizontal bars (by section, type of error, cause, route…): each bar labelled with its
// name and its count in words on the chart itself, so nothing rests on colour; the table below.
// Drawn at two sizes (a phone's and a wider screen's), one shown by the stylesheet.
import { type HorizontalBarsLayout, horizontalBarsLayout, type Noun, tallySummary } from '@/lib/standards/charts';
import type { Tally } from '@/lib/standards/stats';
import { ChartFigure, type ChartImageProps } from './chart-figure';

const SIZES = {
  wide: { width: 460, labelWidth: 190, maxLabel: 25 },
  narrow: { width: 340, labelWidth: 150, maxLabel: 19 },
} as const;

function Bars({ layout, size, image }: { layout: HorizontalBarsLayout; size: keyof typeof SIZES; image: ChartImageProps }) {
  if (layout.bars.length === 0) {
    return (
      <svg {...image} className={`chart-svg chart-${size}`} viewBox={`0 0 ${layout.width} 40`} preserveAspectRatio="xMidYMid meet">
        <text x={layout.width / 2} y={20} dy="0.32em" textAnchor="middle" className="chart-value">
          Nothing to chart in this range.
        </text>
      </svg>
    );
  }
  return (
    <svg {...image} className={`chart-svg chart-${size}`} viewBox={`0 0 ${layout.width} ${layout.height}`} preserveAspectRatio="xMidYMid meet">
      <line x1={layout.left} x2={layout.left} y1={0} y2={layout.height} className="chart-axis" />
      {layout.bars.map((b) => (
        <g key={b.key}>
          <text x={layout.left - 8} y={b.labelY} dy="0.32em" textAnchor="end">
            {b.shortLabel}
          </text>
          {b.width > 0 ? (
            <rect x={b.x} y={b.y} width={b.width} height={b.height} className="chart-bar">
              <title>{`${b.label}: ${b.count}`}</title>
            </rect>
          ) : null}
          <text x={b.valueX} y={b.labelY} dy="0.32em" className="chart-value">
            {b.count}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function HorizontalBars({ id, title, rows, noun, by, group, total }: { id: string; title: string; rows: readonly Tally[]; noun: Noun; by: string; group: string; total?: number }) {
  const sum = total ?? rows.reduce((n, r) => n + r.count, 0);
  const table = <TallyTable title={title} rows={rows} total={sum} group={group} counting={noun.many} />;
  return (
    <ChartFigure id={id} title={title} summary={tallySummary(rows, { noun, by })} table={table}>
      {(image) => (Object.keys(SIZES) as (keyof typeof SIZES)[]).map((size) => <Bars key={size} layout={horizontalBarsLayout(rows, SIZES[size])} size={size} image={image} />)}
    </ChartFigure>
  );
}

/** A tally as a plain table: what is counted, the count, and the total in the foot. */
export function TallyTable({ id, title, rows, total, group, counting }: { id?: string; title: string; rows: readonly Tally[]; total: number; group: string; counting: string }) {
  return (
    <table id={id} className="figure-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">{group}</th>
          <th scope="col" className="num">
            {counting.charAt(0).toUpperCase() + counting.slice(1)}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.count}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="num">{total}</td>
        </tr>
      </tfoot>
    </table>
  );
}
