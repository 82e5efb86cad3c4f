// The geometry and the one-sentence summaries of the standards charts. d3-scale and d3-shape work
// out where each bar goes; components/standards/ draws them as plain SVG on the server, so a chart
// needs no JavaScript in the browser, and each comes with its sentence and its table.
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { calendarDay, formatShortDate } from '../wording/dates';
import type { Tally } from './stats';
import type { WeeklySeries } from './statement';

export interface Noun {
  one: string;
  many: string;
}

export const plural = (n: number, noun: Noun) => `${n.toLocaleString('en-GB')} ${n === 1 ? noun.one : noun.many}`;

/** "12 October 2026": a week's Monday as the summary says it. */
export function weekLabel(isoDay: string, locale = 'en-GB'): string {
  return formatShortDate(calendarDay(isoDay), { timeZone: 'UTC', locale });
}

/** "12 Oct": a week's Monday under its bar. */
export function weekTick(isoDay: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(calendarDay(isoDay));
}

/** "A", "A and B", "A, B and C". */
function joined(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The leaders among the counts (all ties), at most three named. */
function leaders<T>(items: readonly T[], count: (t: T) => number): { top: T[]; max: number } {
  const max = items.reduce((m, t) => Math.max(m, count(t)), 0);
  return { top: max > 0 ? items.filter((t) => count(t) === max) : [], max };
}

/** "142 corrections in 12 weeks; most in the week of 12 October 2026 (21)." */
export function weeklySummary(weekly: WeeklySeries, locale = 'en-GB'): string {
  const totals = weeklyTotals(weekly);
  const total = totals.reduce((a, b) => a + b, 0);
  const span = plural(weekly.weeks.length, { one: 'week', many: 'weeks' });
  if (total === 0) return `No corrections in ${span}.`;
  const { top, max } = leaders(
    weekly.weeks.map((week, i) => ({ week, n: totals[i] })),
    (w) => w.n,
  );
  const noun = { one: 'correction', many: 'corrections' };
  if (weekly.weeks.length === 1) return `${plural(total, noun)} in the week of ${weekLabel(weekly.weeks[0], locale)}.`;
  const named = top.slice(0, 3).map((w) => weekLabel(w.week, locale));
  const list = top.length > 3 ? `${named.join(', ')} and ${plural(top.length - 3, { one: 'other', many: 'others' })}` : joined(named);
  const where = top.length === 1 ? `the week of ${list} (${max})` : `the weeks of ${list} (${max} each)`;
  return `${plural(total, noun)} in ${span}; most in ${where}.`;
}

/** "37 corrections by section; the largest group is Politics (12)." */
export function tallySummary(rows: readonly Tally[], { noun, by }: { noun: Noun; by: string }): string {
  const total = rows.reduce((n, r) => n + r.count, 0);
  if (total === 0) return `No ${noun.many} in this range.`;
  const { top, max } = leaders(rows, (r) => r.count);
  const labels = top.slice(0, 3).map((row) => row.label);
  const named = top.length > 3 ? `${labels.join(', ')} and ${plural(top.length - 3, { one: 'other', many: 'others' })}` : joined(labels);
  const lead = top.length === 1 ? `the largest group is ${named} (${max})` : `the largest groups are ${named} (${max} each)`;
  return `${plural(total, noun)} ${by}; ${lead}.`;
}

export function weeklyTotals(weekly: WeeklySeries): number[] {
  return weekly.weeks.map((_, i) => weekly.series.reduce((n, s) => n + s.counts[i], 0));
}

/** Whole-number ticks of a count axis, from 0 to the (nice) top. */
function countScale(max: number, range: [number, number]) {
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .range(range)
    .nice(Math.min(5, Math.max(1, max)));
  const ticks = y.ticks(Math.min(5, Math.max(1, max))).filter((t) => Number.isInteger(t));
  return { y, ticks };
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StackedBarsLayout {
  width: number;
  height: number;
  /** The plot area: the bars sit on its bottom edge. */
  plot: Box;
  /** Horizontal rules with their count, bottom up. */
  yTicks: { value: number; y: number }[];
  /** The weeks labelled under the axis (every nth when there are many), centred on their bar. */
  xTicks: { week: string; x: number }[];
  /** One rectangle per kind per week with a count (none for zero). */
  segments: (Box & { key: string; week: string; count: number; index: number })[];
  /** Each week's total, above its bar. */
  totals: { week: string; x: number; y: number; count: number }[];
}

const r = (n: number) => Math.round(n * 10) / 10;

/** Bars per week, each stacked by kind (d3-shape's stack), on a band scale of the weeks. */
export function stackedBarsLayout(weekly: WeeklySeries, { width = 600, height = 260, maxTicks = 8 }: { width?: number; height?: number; maxTicks?: number } = {}): StackedBarsLayout {
  const margin = { top: 18, right: 8, bottom: 34, left: 36 };
  const plot: Box = { x: margin.left, y: margin.top, width: width - margin.left - margin.right, height: height - margin.top - margin.bottom };
  const totals = weeklyTotals(weekly);
  const x = scaleBand<string>()
    .domain(weekly.weeks)
    .range([plot.x, plot.x + plot.width])
    .paddingInner(weekly.weeks.length > 40 ? 0.1 : 0.25)
    .paddingOuter(0.1);
  const { y, ticks } = countScale(Math.max(0, ...totals), [plot.y + plot.height, plot.y]);
  const keys = weekly.series.map((s) => s.key as string);
  const rows = weekly.weeks.map((week, i) => Object.fromEntries(weekly.series.map((s) => [s.key, s.counts[i]])) as Record<string, number>);
  const layers = stack<Record<string, number>>().keys(keys)(rows);
  const segments = layers.flatMap((layer, index) =>
    layer.flatMap((point, i) => {
      const count = point[1] - point[0];
      if (count <= 0) return [];
      const week = weekly.weeks[i];
      const top = y(point[1]);
      return [{ key: layer.key, week, count, index, x: r(x(week) ?? 0), y: r(top), width: r(x.bandwidth()), height: r(y(point[0]) - top) }];
    }),
  );
  const every = Math.max(1, Math.ceil(weekly.weeks.length / maxTicks));
  return {
    width,
    height,
    plot,
    yTicks: ticks.map((value) => ({ value, y: r(y(value)) })),
    xTicks: weekly.weeks.filter((_, i) => i % every === 0).map((week) => ({ week, x: r((x(week) ?? 0) + x.bandwidth() / 2) })),
    segments,
    totals: weekly.weeks.flatMap((week, i) => (totals[i] > 0 ? [{ week, x: r((x(week) ?? 0) + x.bandwidth() / 2), y: r(y(totals[i]) - 4), count: totals[i] }] : [])),
  };
}

export interface HorizontalBarsLayout {
  width: number;
  height: number;
  /** Where the bars start (the labels end just before it). */
  left: number;
  bars: (Box & { key: string; label: string; shortLabel: string; count: number; labelY: number; valueX: number })[];
}

/** A label cut to fit the space beside the bars, with an ellipsis (the table has it whole). */
export function shortLabel(label: string, max: number): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** One bar per row, biggest scale first: labels on the left, the count at the end of each bar. */
export function horizontalBarsLayout(rows: readonly Tally[], { width = 600, rowHeight = 26, labelWidth = 210, maxLabel = 30 }: { width?: number; rowHeight?: number; labelWidth?: number; maxLabel?: number } = {}): HorizontalBarsLayout {
  const valueSpace = 44;
  const top = 4;
  const x = scaleLinear()
    .domain([0, Math.max(1, ...rows.map((row) => row.count))])
    .range([labelWidth, width - valueSpace]);
  const band = scaleBand<string>()
    .domain(rows.map((row) => row.key))
    .range([top, top + rows.length * rowHeight])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  return {
    width,
    height: top * 2 + rows.length * rowHeight,
    left: labelWidth,
    bars: rows.map((row) => {
      const y0 = band(row.key) ?? 0;
      const end = x(row.count);
      return {
        key: row.key,
        label: row.label,
        shortLabel: shortLabel(row.label, maxLabel),
        count: row.count,
        x: labelWidth,
        y: r(y0),
        width: r(end - labelWidth),
        height: r(band.bandwidth()),
        labelY: r(y0 + band.bandwidth() / 2),
        valueX: r(end + 6),
      };
    }),
  };
}
