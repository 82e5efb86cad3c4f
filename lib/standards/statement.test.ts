import { describe, expect, it } from 'vitest';
import { DEFAULT_STANDARDS } from './config';
import { isoDateInZone, startOfCalendarDay } from '../wording';
import { buildStatement, byAuthor, correctionExposureMs, figuresFromFacts, responseMs, timeToCorrectionMs, weekBounds, WeekCounter, weeklyByKind, weeklySeries } from './statement';
import { caseFact, correction, named, t0 } from './test-facts';

const H = 3_600_000;
const DAY = 24 * H;

const corrections = [
  correction(1),
  correction(2, { kind: 'clarification', section: 'Sport', errorType: 'name', errorCause: 'editing', foundBy: 'staff', byline: 'Bo Writer' }),
  correction(3, { section: 'Sport', errorType: null, errorCause: null, foundBy: null, exposedFrom: null }),
  correction(4, { publishedAt: new Date(t0 + 8 * DAY), amendedAt: new Date(t0 + 8 * DAY - 4 * H), firstReportAt: new Date(t0 + 8 * DAY - 6 * H) }),
];
const cases = [
  caseFact(1, { status: 'upheld', route: 'ipso', clauses: ['1', '12'], closedAt: new Date(t0 + 1 * H + 3 * DAY), acknowledgedAt: new Date(t0 + 2 * H), correctionId: 4 }),
  caseFact(2, { status: 'not_upheld', clauses: [], closedAt: new Date(t0 + 2 * H + 5 * DAY) }),
  caseFact(3),
  caseFact(0, { status: 'upheld', receivedAt: new Date(t0 - DAY), clauses: ['2'], closedAt: new Date(t0), correctionId: 99 }),
];

const statement = buildStatement({ from: '2026-10-01', to: '2026-10-31', section: null, figures: figuresFromFacts(corrections, cases), named: named(corrections), config: DEFAULT_STANDARDS });
const rows = (id: string) => Object.fromEntries(statement.tables.find((t) => t.id === id)!.rows.map((r) => [r.label, r.count]));

describe('buildStatement', () => {
  it('counts the corrections and cases', () => {
    expect(statement.corrections).toBe(4);
    expect(statement.cases).toBe(4);
    expect(statement.tables.map((t) => t.id)).toEqual(['kind', 'section', 'error-type', 'cause', 'found-by', 'clause', 'outcome', 'route']);
  });

  it('tallies by kind (every kind, in order), section and the taxonomy, with the unclassified only when there are some', () => {
    expect(rows('kind')).toEqual({ Correction: 3, Clarification: 1, "Editor's note": 0, Update: 0, Retraction: 0 });
    expect(rows('section')).toEqual({ Politics: 2, Sport: 2 });
    expect(rows('error-type')).toMatchObject({ Number: 2, Name: 1, 'Not recorded': 1, Date: 0 });
    expect(rows('cause')).toEqual({ Reporting: 2, Editing: 1, Source: 0, Production: 0, 'Not recorded': 1 });
    expect(rows('found-by')).toEqual({ 'A reader': 2, 'The subject of the story': 0, Staff: 1, 'A regulator': 0, 'Not recorded': 1 });
    const clean = buildStatement({ from: '2026-10-01', to: '2026-10-31', section: null, figures: figuresFromFacts([correction(1)], []), named: new Map(), config: DEFAULT_STANDARDS });
    expect(clean.tables.find((t) => t.id === 'cause')!.rows.map((r) => r.label)).not.toContain('Not recorded');
  });

  it('counts complaints under each clause (a case citing two counts twice, none as "No clause given"), outcomes and routes', () => {
    const clause = rows('clause');
    expect(clause['1. Accuracy']).toBe(2);
    expect(clause['2. Privacy']).toBe(1);
    expect(clause['12. Discrimination']).toBe(1);
    expect(clause['No clause given']).toBe(1);
    expect(statement.tables.find((t) => t.id === 'clause')!.total).toBe(5);
    expect(rows('outcome')).toEqual({ Open: 1, Resolved: 0, Upheld: 2, 'Not upheld': 1, Mediated: 0, 'Withdrawn by the complainant': 0 });
    expect(rows('route')).toEqual({ 'Direct to the newsroom': 3, 'Referred by IPSO': 1, 'Referred by IMPRESS': 0, Other: 0 });
    for (const t of statement.tables) expect(t.total).toBe(t.rows.reduce((n, r) => n + r.count, 0));
  });

  it('takes the medians of what was measured, with how many', () => {
    const m = Object.fromEntries(statement.medians.map((x) => [x.id, x]));
    // Closed cases: 3 days, 5 days, 1 day.
    expect(m.response).toMatchObject({ median: 3 * DAY, n: 3 });
    expect(m.acknowledgement).toMatchObject({ median: 1 * H, n: 1 });
    expect(m['time-to-correction']).toMatchObject({ median: 6 * H, n: 1 });
    // Exposures: 10 h, 10 h, (unknown), 6 h (amended 4 h before the notice).
    expect(m.exposure).toMatchObject({ median: 10 * H, n: 3 });
  });

  it('lists the upheld complaints oldest first, with the correction each led to when it is known', () => {
    expect(statement.upheld.map((u) => u.reference)).toEqual(['C-0000', 'C-0001']);
    expect(statement.upheld[0].correction).toBeNull();
    expect(statement.upheld[1].correction).toMatchObject({ id: 4, kind: 'correction', slug: 'story-4', wording: 'Correction 4.' });
    expect(statement.upheld[1].clauses).toEqual(['1', '12']);
  });

  it('is empty, not missing, for an empty range', () => {
    const empty = buildStatement({ from: '2026-10-01', to: '2026-10-01', section: 'Sport', figures: figuresFromFacts([], []), named: new Map(), config: DEFAULT_STANDARDS });
    expect(empty.corrections).toBe(0);
    expect(empty.tables.find((t) => t.id === 'section')!.rows).toEqual([]);
    expect(empty.medians.every((m) => m.median === null && m.n === 0)).toBe(true);
    expect(empty.section).toBe('Sport');
  });
});

describe('the measures of one correction or case', () => {
  it('exposure runs to the amendment or the notice; time to correction from the first complaint; response to closing', () => {
    expect(correctionExposureMs(corrections[0])).toBe(10 * H);
    expect(correctionExposureMs(corrections[2])).toBeNull();
    expect(correctionExposureMs(corrections[3])).toBe(6 * H);
    expect(timeToCorrectionMs(corrections[0])).toBeNull();
    expect(timeToCorrectionMs(corrections[3])).toBe(6 * H);
    expect(responseMs(cases[2])).toBeNull();
    expect(responseMs(cases[1])).toBe(5 * DAY);
  });
});

describe('weeklyByKind', () => {
  it('buckets by the Monday of the publication day, one count per kind per week', () => {
    const weekly = weeklyByKind(corrections, '2026-10-12', '2026-10-25');
    expect(weekly.weeks).toEqual(['2026-10-12', '2026-10-19']);
    const of = (k: string) => weekly.series.find((s) => s.key === k)!.counts;
    expect(of('correction')).toEqual([2, 1]);
    expect(of('clarification')).toEqual([1, 0]);
    expect(of('retraction')).toEqual([0, 0]);
  });
  it('leaves out corrections outside the weeks, and covers up to about five years of weeks', () => {
    expect(weeklyByKind(corrections, '2026-10-19', '2026-10-19').series.find((s) => s.key === 'correction')!.counts).toEqual([1]);
    const long = weeklyByKind([], '2022-01-01', '2026-12-31').weeks;
    expect([long.length, long[0], long.at(-1)]).toEqual([262, '2021-12-27', '2026-12-28']);
  });
});

describe('weekBounds', () => {
  it('runs each week from its Monday’s start in the zone to the next, cut to the range, across a change of clocks', () => {
    const bounds = weekBounds('2026-10-21', '2026-11-03', (d) => startOfCalendarDay(d, 'Europe/London'));
    expect(bounds.map((b) => b.week)).toEqual(['2026-10-19', '2026-10-26', '2026-11-02']);
    // The range starts on a Wednesday (BST); the clocks go back on Sunday 25 October.
    expect(bounds[0].start.toISOString()).toBe('2026-10-20T23:00:00.000Z');
    expect(bounds[0].end.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(bounds[1].start.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    // Cut at the end of Tuesday 3 November.
    expect(bounds[2].end.toISOString()).toBe('2026-11-04T00:00:00.000Z');
  });
  it('counted weeks make the same series as the rows they count', () => {
    const rows = [correction(1), correction(2, { kind: 'clarification' }), correction(5, { publishedAt: new Date(t0 + 7 * DAY), publishedDay: '2026-10-19' })];
    const counted = [
      { week: '2026-10-12', kind: 'correction' as const, count: 1 },
      { week: '2026-10-12', kind: 'clarification' as const, count: 1 },
      { week: '2026-10-19', kind: 'correction' as const, count: 1 },
      // Outside the range's weeks: left out, as weeklyByKind leaves such a row out.
      { week: '2027-01-04', kind: 'correction' as const, count: 9 },
    ];
    expect(weeklySeries('2026-10-12', '2026-10-25', counted)).toEqual(weeklyByKind(rows, '2026-10-12', '2026-10-25'));
  });
});

describe('WeekCounter', () => {
  it('puts each correction in the week of its day in the zone, as weeklyByKind does from its day', () => {
    const zone = 'America/New_York';
    // Around midnight in New York on a Sunday and a Monday, and the night the clocks go back.
    const instants = ['2026-10-26T03:59:59.999Z', '2026-10-26T04:00:00Z', '2026-11-01T05:30:00Z', '2026-11-02T04:59:59.999Z', '2026-11-02T05:00:00Z', '2026-11-08T12:00:00Z'];
    const rows = instants.map((iso, i) => correction(i + 1, { kind: i % 2 ? 'clarification' : 'correction', publishedAt: new Date(iso), publishedDay: isoDateInZone(new Date(iso), zone) }));
    const dayStart = (d: string) => startOfCalendarDay(d, zone);
    const counter = new WeekCounter('2026-10-20', '2026-11-10', dayStart);
    for (const r of rows) counter.add(r.kind, r.publishedAt.getTime());
    expect(counter.series()).toEqual(weeklyByKind(rows, '2026-10-20', '2026-11-10'));
    // Cut to the range: the first falls before a range that starts on Monday 26 October.
    const cut = new WeekCounter('2026-10-26', '2026-11-10', dayStart);
    for (const r of rows) cut.add(r.kind, r.publishedAt.getTime());
    expect(cut.series().series.reduce((n, s) => n + s.counts.reduce((a, b) => a + b, 0), 0)).toBe(5);
  });
});

describe('figuresFromFacts', () => {
  it('groups add up to the rows: the statement from groups is the statement from rows counted one by one', () => {
    const figures = figuresFromFacts(corrections, cases);
    expect(figures.correctionGroups.reduce((n, g) => n + g.count, 0)).toBe(corrections.length);
    expect(figures.correctionGroups.length).toBeLessThan(corrections.length);
    expect(figures.clauseCounts).toEqual(expect.arrayContaining([{ clause: '', count: 1 }, { clause: '1', count: 2 }]));
    expect(figures.upheld.map((u) => u.reference).sort()).toEqual(['C-0000', 'C-0001']);
  });
});

describe('byAuthor', () => {
  it('counts per byline, most first, with each author’s median exposure', () => {
    expect(byAuthor(corrections)).toEqual([
      { byline: 'Ann Reporter', count: 3, medianExposure: 8 * H },
      { byline: 'Bo Writer', count: 1, medianExposure: 10 * H },
    ]);
  });
});
