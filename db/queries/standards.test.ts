// The statement object (db/queries/standards.ts + lib/standards/statement.ts) on several hundred
// corrections and cases with known properties, against SQL written independently for the tests
// (e2e/support/statement-expected.ts). The page and the CSVs are checked against the same SQL in
// e2e/statement-figures.spec.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_STANDARDS } from '../../lib/standards/config';
import { weekOf } from '../../lib/standards/stats';
import { endOfCalendarDay, isoDateInZone, startOfCalendarDay } from '../../lib/wording';
import { expectedStatement } from '../../e2e/support/statement-expected';
import { generateStatementNewsroom, STATEMENT_RANGE } from '../../e2e/support/statement-fixture';
import { openNewsroomFile } from '../pg/test-support';

vi.mock('server-only', () => ({}));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-statement-'));
const file = path.join(dir, 'errata.db');
generateStatementNewsroom(file);
// The app reads the newsroom from its store (this file, or a copy of it on PostgreSQL); the expected
// figures come from the generated file itself, with SQL written for the tests.
await openNewsroomFile(file);
process.env.ERRATA_SEED = 'none';

const { closeStore, initStore } = await import('../index');
const { correctionFacts, correctionSections, loadStatement } = await import('./standards');
const { buildStatement, figuresFromFacts } = await import('../../lib/standards/statement');
const sql = new Database(file, { readonly: true });
await initStore();

afterAll(async () => {
  await closeStore();
  sql.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.each([null, 'Politics', 'Sport'])('the statement (section %s)', (section) => {
  const want = expectedStatement(sql, section);
  let statement: Awaited<ReturnType<typeof loadStatement>>['statement'];
  beforeAll(async () => {
    ({ statement } = await loadStatement({ ...STATEMENT_RANGE, section }, 'Europe/London', DEFAULT_STANDARDS));
  });

  it('counts the corrections and cases of the range, nothing outside it', () => {
    expect(statement.corrections).toBe(want.totals.corrections);
    expect(statement.cases).toBe(want.totals.cases);
    expect(want.totals.corrections).toBeGreaterThan(section ? 20 : 200);
  });

  it.each(['kind', 'section', 'error-type', 'cause', 'found-by', 'clause', 'outcome', 'route'])('table %s', (id) => {
    const table = statement.tables.find((t) => t.id === id);
    expect(table).toBeTruthy();
    const got = new Map((table?.rows ?? []).filter((r) => r.count > 0).map((r) => [r.label, r.count]));
    expect(got).toEqual(want.tables[id]);
    expect(table?.total).toBe([...want.tables[id].values()].reduce((a, b) => a + b, 0));
  });

  it.each(['response', 'acknowledgement', 'time-to-correction', 'exposure'] as const)('median %s', (id) => {
    const m = statement.medians.find((x) => x.id === id);
    expect(m?.n).toBe(want.medians[id].n ?? 0);
    expect(m?.median).toBe(want.medians[id].m);
  });

  it('lists the upheld complaints with the corrections that followed', () => {
    expect(statement.upheld.map((u) => u.reference)).toEqual(want.upheld.map((u) => u.reference));
    expect(statement.upheld.map((u) => u.correction?.id ?? null)).toEqual(want.upheld.map((u) => u.correction_id));
  });
});

describe.each([null, 'Politics'])('corrections per week by kind (section %s)', (section) => {
  it('puts each correction in the week of the day it was published in London, the clock-change nights and the range’s edges included', async () => {
    const start = startOfCalendarDay(STATEMENT_RANGE.from, 'Europe/London').getTime();
    const end = endOfCalendarDay(STATEMENT_RANGE.to, 'Europe/London').getTime();
    // Independently: every published correction of the range, its day worked out one by one.
    const rows = sql
      .prepare(`select c.kind, c.published_at as at from corrections c join articles a on a.id = c.article_id where c.status = 'published' and c.published_at >= ? and c.published_at < ?${section ? ' and a.section = ?' : ''}`)
      .all(...[start, end, ...(section ? [section] : [])]) as { kind: string; at: number }[];
    const want = new Map<string, number>();
    for (const r of rows) {
      const key = `${weekOf(isoDateInZone(new Date(r.at), 'Europe/London'))} ${r.kind}`;
      want.set(key, (want.get(key) ?? 0) + 1);
    }
    const { weekly } = await loadStatement({ ...STATEMENT_RANGE, section }, 'Europe/London', DEFAULT_STANDARDS);
    const got = new Map<string, number>();
    weekly.series.forEach((s) => s.counts.forEach((n, i) => n && got.set(`${weekly.weeks[i]} ${s.key}`, n)));
    expect(got).toEqual(want);
    expect(rows.length).toBeGreaterThan(section ? 20 : 200);
  });
});

describe('the sections the dashboard offers', () => {
  it('are the sections corrections were published under, each once, in order', async () => {
    const want = (sql.prepare("select distinct published_section as s from corrections where status = 'published' order by 1").all() as { s: string }[]).map((r) => r.s);
    expect(await correctionSections()).toEqual(want);
    expect(want.length).toBeGreaterThan(1);
  });
});

describe('a short range and a long one count corrections the same way', () => {
  // Up to 56 days the counts read the range's rows; beyond, they walk the counts' own index.
  it.each([
    ['a month', { from: '2025-03-01', to: '2025-03-31' }],
    ['eight weeks', { from: '2025-03-01', to: '2025-04-25' }],
    ['eight weeks and a day', { from: '2025-03-01', to: '2025-04-26' }],
    ['the whole range, Politics', { ...STATEMENT_RANGE, section: 'Politics' }],
  ] as const)('%s', async (_name, range) => {
    const { statement } = await loadStatement(range, 'Europe/London', DEFAULT_STANDARDS);
    const rows = await correctionFacts(range, 'Europe/London');
    const fromRows = buildStatement({ from: range.from, to: range.to, section: null, figures: figuresFromFacts(rows, []), named: new Map(), config: DEFAULT_STANDARDS });
    for (const id of ['kind', 'section', 'error-type', 'cause', 'found-by']) expect(statement.tables.find((t) => t.id === id)?.rows, id).toEqual(fromRows.tables.find((t) => t.id === id)?.rows);
    expect(statement.corrections).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(5);
  });
});

