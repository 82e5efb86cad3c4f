// Corrections per week, stacked by kind: an SVG drawn on the server from lib/standards/charts.ts,
// with its summary sentence, a legend that names each pattern, and the weekly table. Drawn at two
// sizes (a phone's and a wider screen's), one shown by the stylesheet, so the text stays readable.
import { type StackedBarsLayout, stackedBarsLayout, weeklySummary, weeklyTotals, weekLabel, weekTick } from '@/lib/standards/charts';
import type { WeeklySeries } from '@/lib/standards/statement';
import type { CorrectionKind } from '@/lib/types';
import { ChartFigure, type ChartImageProps } from './chart-figure';
import { KindPatterns, KindSwatch, patternId } from './kind-patterns';

const SIZES = {
  wide: { width: 640, height: 280, maxTicks: 8, maxTotals: 26 },
  narrow: { width: 340, height: 240, maxTicks: 4, maxTotals: 14 },
} as const;

function Bars({ id, layout, size, image, labelOf, locale, showTotals }: { id: string; layout: StackedBarsLayout; size: keyof typeof SIZES; image: ChartImageProps; labelOf: Map<string, string>; locale: string; showTotals: boolean }) {
  const { plot } = layout;
  return (
    <svg {...image} className={`chart-svg chart-${size}`} viewBox={`0 0 ${layout.width} ${layout.height}`} preserveAspectRatio="xMidYMid meet">
      {layout.yTicks.map((t) => (
        <g key={t.value}>
          <line x1={plot.x} x2={plot.x + plot.width} y1={t.y} y2={t.y} className={t.value === 0 ? 'chart-axis' : 'chart-grid'} />
          <text x={plot.x - 6} y={t.y} dy="0.32em" textAnchor="end">
            {t.value}
          </text>
        </g>
      ))}
      {layout.segments.map((s) => (
        <rect key={`${s.key}-${s.week}`} x={s.x} y={s.y} width={s.width} height={s.height} fill={`url(#${patternId(id, s.key as CorrectionKind)})`} stroke="#fff" strokeWidth="1">
          <title>{`${labelOf.get(s.key) ?? s.key}, week of ${weekLabel(s.week, locale)}: ${s.count}`}</title>
        </rect>
      ))}
      {showTotals
        ? layout.totals.map((t) => (
            <text key={t.week} x={t.x} y={t.y} textAnchor="middle" className="chart-value">
              {t.count}
            </text>
          ))
        : null}
      {layout.xTicks.map((t) => (
        <text key={t.week} x={t.x} y={plot.y + plot.height + 18} textAnchor="middle">
          {weekTick(t.week, locale)}
        </text>
      ))}
    </svg>
  );
}

export function StackedBars({ id, title, weekly, locale }: { id: string; title: string; weekly: WeeklySeries; locale: string }) {
  const totals = weeklyTotals(weekly);
  const labelOf = new Map(weekly.series.map((s) => [s.key as string, s.label]));
  const table = (
    <table tabIndex={0}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Week beginning</th>
          {weekly.series.map((s) => (
            <th scope="col" key={s.key}>
              {s.label}
            </th>
          ))}
          <th scope="col">Total</th>
        </tr>
      </thead>
      <tbody>
        {weekly.weeks.map((week, i) => (
          <tr key={week}>
            <th scope="row">{weekLabel(week, locale)}</th>
            {weekly.series.map((s) => (
              <td key={s.key}>{s.counts[i]}</td>
            ))}
            <td>{totals[i]}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          {weekly.series.map((s) => (
            <td key={s.key}>{s.counts.reduce((a, b) => a + b, 0)}</td>
          ))}
          <td>{totals.reduce((a, b) => a + b, 0)}</td>
        </tr>
      </tfoot>
    </table>
  );
  return (
    <ChartFigure id={id} title={title} summary={weeklySummary(weekly, locale)} table={table}>
      {(image) => (
        <>
          <KindPatterns chart={id} />
          {(Object.keys(SIZES) as (keyof typeof SIZES)[]).map((size) => {
            const { maxTotals, ...options } = SIZES[size];
            return <Bars key={size} id={id} layout={stackedBarsLayout(weekly, options)} size={size} image={image} labelOf={labelOf} locale={locale} showTotals={weekly.weeks.length <= maxTotals} />;
          })}
          <ul className="chart-legend">
            {weekly.series.map((s) => (
              <li key={s.key}>
                <KindSwatch chart={id} kind={s.key} /> {s.label} <span className="meta">({s.counts.reduce((a, b) => a + b, 0)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </ChartFigure>
  );
}
