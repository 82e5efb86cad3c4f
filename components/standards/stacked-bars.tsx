// Corrections per week, stacked by kind: an SVG drawn on the server from lib/standards/charts.ts,
// with its summary sentence, a legend that names each pattern, and the weekly table.
import { stackedBarsLayout, weeklySummary, weeklyTotals, weekLabel, weekTick } from '@/lib/standards/charts';
import type { WeeklySeries } from '@/lib/standards/statement';
import type { CorrectionKind } from '@/lib/types';
import { ChartFigure } from './chart-figure';
import { KindPatterns, KindSwatch, patternId } from './kind-patterns';

export function StackedBars({ id, title, weekly, locale }: { id: string; title: string; weekly: WeeklySeries; locale: string }) {
  const layout = stackedBarsLayout(weekly);
  const totals = weeklyTotals(weekly);
  const labelOf = new Map(weekly.series.map((s) => [s.key as string, s.label]));
  const { plot } = layout;
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
          <svg {...image} className="chart-svg" viewBox={`0 0 ${layout.width} ${layout.height}`} preserveAspectRatio="xMidYMid meet">
            <KindPatterns chart={id} />
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
            {weekly.weeks.length <= 26
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
