import { describe, expect, it } from 'vitest';
import { horizontalBarsLayout, shortLabel, stackedBarsLayout, tallySummary, weeklySummary, weeklyTotals, weekLabel, weekTick } from './charts';
import type { WeeklySeries } from './statement';

function weekly(weeks: string[], counts: Record<string, number[]>): WeeklySeries {
  const kinds = ['correction', 'clarification', 'editors_note', 'update', 'retraction'] as const;
  return { weeks, series: kinds.map((key) => ({ key, label: key, counts: counts[key] ?? weeks.map(() => 0) })) };
}

const weeks = ['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19'];
const noun = { one: 'correction', many: 'corrections' };

describe('summaries', () => {
  it('says how many, over how long, and the busiest week', () => {
    const w = weekly(weeks, { correction: [3, 5, 17, 2], clarification: [0, 1, 4, 0] });
    expect(weeklyTotals(w)).toEqual([3, 6, 21, 2]);
    expect(weeklySummary(w)).toBe('32 corrections in 4 weeks; most in the week of 12 October 2026 (21).');
  });
  it('names tied weeks, at most three, and handles none, one and a single week', () => {
    expect(weeklySummary(weekly(weeks, { correction: [2, 2, 0, 1] }))).toBe('5 corrections in 4 weeks; most in the weeks of 28 September 2026 and 5 October 2026 (2 each).');
    expect(weeklySummary(weekly(weeks, { correction: [1, 1, 1, 1] }))).toBe('4 corrections in 4 weeks; most in the weeks of 28 September 2026, 5 October 2026, 12 October 2026 and 1 other (1 each).');
    expect(weeklySummary(weekly(weeks, {}))).toBe('No corrections in 4 weeks.');
    expect(weeklySummary(weekly(['2026-10-12'], { update: [1] }))).toBe('1 correction in the week of 12 October 2026.');
    expect(weeklySummary(weekly([], {}))).toBe('No corrections in 0 weeks.');
  });
  it('says the largest group of a tally, with ties', () => {
    const rows = [
      { key: 'p', label: 'Politics', count: 12 },
      { key: 's', label: 'Sport', count: 4 },
      { key: 'l', label: 'Local', count: 0 },
    ];
    expect(tallySummary(rows, { noun, by: 'by section' })).toBe('16 corrections by section; the largest group is Politics (12).');
    expect(tallySummary([...rows, { key: 'b', label: 'Business', count: 12 }], { noun, by: 'by section' })).toBe('28 corrections by section; the largest groups are Politics and Business (12 each).');
    expect(tallySummary(rows.slice(2), { noun, by: 'by section' })).toBe('No corrections in this range.');
    expect(tallySummary([{ key: 'x', label: 'X', count: 1 }], { noun, by: 'by cause' })).toBe('1 correction by cause; the largest group is X (1).');
    const five = ['A', 'B', 'C', 'D', 'E'].map((label) => ({ key: label, label, count: 2 }));
    expect(tallySummary(five, { noun, by: 'by type' })).toBe('10 corrections by type; the largest groups are A, B, C and 2 others (2 each).');
  });
  it('writes weeks in the newsroom’s date style', () => {
    expect(weekLabel('2026-10-12')).toBe('12 October 2026');
    expect(weekTick('2026-10-12')).toBe('12 Oct');
    expect(weekLabel('2026-10-12', 'en-US')).toBe('October 12, 2026');
  });
});

describe('stackedBarsLayout', () => {
  const w = weekly(weeks, { correction: [3, 5, 17, 2], clarification: [0, 1, 4, 0] });
  const layout = stackedBarsLayout(w, { width: 600, height: 260 });
  const { plot } = layout;
  const bottom = plot.y + plot.height;

  it('stacks each week’s kinds from the axis up, heights in proportion to the counts', () => {
    const week = (i: number) => layout.segments.filter((s) => s.week === weeks[i]);
    // Zero counts draw nothing.
    expect(week(0).map((s) => s.key)).toEqual(['correction']);
    expect(week(2).map((s) => [s.key, s.count])).toEqual([
      ['correction', 17],
      ['clarification', 4],
    ]);
    const [first, second] = week(2);
    expect(first.y + first.height).toBeCloseTo(bottom, 0);
    expect(second.y + second.height).toBeCloseTo(first.y, 0);
    expect(first.height / first.count).toBeCloseTo(second.height / second.count, 0);
    // The tallest bar fits in the plot.
    for (const s of layout.segments) expect(s.y).toBeGreaterThanOrEqual(plot.y - 0.1);
  });

  it('puts the weeks in order across the plot, bars inside it and not overlapping', () => {
    const xs = weeks.map((wk) => layout.segments.find((s) => s.week === wk)!.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    for (const s of layout.segments) {
      expect(s.x).toBeGreaterThanOrEqual(plot.x);
      expect(s.x + s.width).toBeLessThanOrEqual(plot.x + plot.width + 0.1);
    }
    expect(xs[1] - xs[0]).toBeGreaterThan(layout.segments[0].width);
  });

  it('gives whole-number ticks from zero up to at least the biggest week, and totals above the bars', () => {
    expect(layout.yTicks[0]).toEqual({ value: 0, y: bottom });
    expect(layout.yTicks.every((t) => Number.isInteger(t.value))).toBe(true);
    expect(layout.yTicks.at(-1)!.value).toBeGreaterThanOrEqual(20);
    expect(layout.totals.map((t) => t.count)).toEqual([3, 6, 21, 2]);
    const small = stackedBarsLayout(weekly(weeks, { correction: [0, 1, 0, 0] }));
    expect(small.yTicks.map((t) => t.value)).toEqual([0, 1]);
    const none = stackedBarsLayout(weekly(weeks, {}));
    expect(none.segments).toEqual([]);
    expect(none.totals).toEqual([]);
  });

  it('labels at most about eight weeks under the axis', () => {
    const many = Array.from({ length: 52 }, (_, i) => new Date(Date.UTC(2026, 0, 5) + i * 7 * 86_400_000).toISOString().slice(0, 10));
    const l = stackedBarsLayout(weekly(many, {}));
    expect(l.xTicks.length).toBeLessThanOrEqual(9);
    expect(l.xTicks[0].week).toBe('2026-01-05');
    expect(stackedBarsLayout(w).xTicks.map((t) => t.week)).toEqual(weeks);
  });
});

describe('horizontalBarsLayout', () => {
  const rows = [
    { key: 'a', label: 'Politics', count: 10 },
    { key: 'b', label: 'A very long section name that would run into the bars', count: 5 },
    { key: 'c', label: 'Sport', count: 0 },
  ];
  const layout = horizontalBarsLayout(rows, { width: 600, labelWidth: 210 });
  it('draws bars from the label column, lengths in proportion, the longest to the edge less room for its count', () => {
    expect(layout.bars.map((b) => b.x)).toEqual([210, 210, 210]);
    expect(layout.bars[0].width).toBeCloseTo(2 * layout.bars[1].width, 0);
    expect(layout.bars[2].width).toBe(0);
    expect(layout.bars[0].x + layout.bars[0].width).toBeLessThanOrEqual(600 - 40);
    expect(layout.bars[0].valueX).toBeGreaterThan(layout.bars[0].x + layout.bars[0].width);
  });
  it('gives each row its own band, top down, and a height that fits them all', () => {
    const ys = layout.bars.map((b) => b.y);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    for (let i = 1; i < layout.bars.length; i++) expect(layout.bars[i].y).toBeGreaterThanOrEqual(layout.bars[i - 1].y + layout.bars[i - 1].height);
    expect(layout.bars.at(-1)!.y + layout.bars.at(-1)!.height).toBeLessThanOrEqual(layout.height);
  });
  it('cuts long labels with an ellipsis and keeps short ones', () => {
    expect(layout.bars[0].shortLabel).toBe('Politics');
    expect(layout.bars[1].shortLabel).toBe('A very long section name that…');
    expect([...layout.bars[1].shortLabel].length).toBeLessThanOrEqual(30);
    expect(shortLabel('Café', 4)).toBe('Café');
    expect(shortLabel('abcdef', 4)).toBe('abc…');
  });
  it('copes with no rows and with all zeros', () => {
    expect(horizontalBarsLayout([]).bars).toEqual([]);
    expect(horizontalBarsLayout([{ key: 'z', label: 'Z', count: 0 }]).bars[0].width).toBe(0);
  });
});
