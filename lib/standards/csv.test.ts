import { describe, expect, it } from 'vitest';
import { DEFAULT_STANDARDS } from './config';
import { safeCell, statementCsv, statementTableCsv, statementTableIds } from './csv';
import { buildStatement, figuresFromFacts } from './statement';
import { caseFact, correction, named, t0 } from './test-facts';

const H = 3_600_000;

/** Reads CSV back (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes). */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += ch;
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') {
      cell += ch;
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

const hostile = '=HYPERLINK("https://evil.example","click"), then "quoted"\nand a new line';
const facts = [correction(1, { section: '+Sport' }), correction(2, { kind: 'retraction', section: '-Local' })];
const statement = buildStatement({
  from: '2026-10-01',
  to: '2026-10-31',
  section: 'Politics',
  figures: figuresFromFacts(facts, [caseFact(1, { status: 'upheld', correctionId: 1, closedAt: new Date(t0 + 49 * H), clauses: ['1', '2'] }), caseFact(2)]),
  named: named(facts, { 1: hostile }),
  config: DEFAULT_STANDARDS,
});

describe('safeCell', () => {
  it('neutralises what a spreadsheet would run as a formula, and leaves the rest alone', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(safeCell(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(safeCell('Politics')).toBe('Politics');
    expect(safeCell(' =not at the start')).toBe(' =not at the start');
    expect(safeCell(-3)).toBe(-3);
    expect(safeCell(0)).toBe(0);
    expect(safeCell(null)).toBe('');
  });
});

describe('statementCsv', () => {
  const rows = parse(statementCsv(statement));
  it('heads the file, gives the period, the section and the totals', () => {
    expect(rows[0]).toEqual(['table', 'label', 'count']);
    expect(rows[1]).toEqual(['period', '2026-10-01 to 2026-10-31', '']);
    expect(rows[2]).toEqual(['section-filter', 'Politics', '']);
    expect(rows).toContainEqual(['totals', 'Corrections published', '2']);
    expect(rows).toContainEqual(['totals', 'Cases received', '2']);
  });
  it('has one row per figure of every table, the same counts as the statement', () => {
    for (const t of statement.tables) {
      const mine = rows.filter((r) => r[0] === t.id);
      expect(mine.map((r) => [r[1], Number(r[2])])).toEqual(t.rows.map((r) => [safeCell(r.label), r.count]));
    }
    expect(rows).toContainEqual(['kind', 'Retraction', '1']);
  });
  it('gives medians in hours with how many were measured', () => {
    expect(rows).toContainEqual(['median-response', 'Median response time (received → closed) (hours; 1 measured)', '48.00']);
    expect(rows).toContainEqual(['median-time-to-correction', 'Median time from first complaint to correction (hours; 0 measured)', '']);
  });
  it('never starts a cell with a formula character, and keeps hostile wording whole', () => {
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows).toContainEqual(['section', "'+Sport", '1']);
    expect(rows).toContainEqual(['section', "'-Local", '1']);
    const upheld = rows.filter((r) => r[0] === 'upheld');
    expect(upheld).toEqual([['upheld', `C-0001 → correction 1: ${hostile}`, '1']]);
  });
});

describe('statementTableCsv', () => {
  it('writes one tally with its total', () => {
    expect(parse(statementTableCsv(statement, 'kind')!)).toEqual([
      ['label', 'count'],
      ['Correction', '1'],
      ['Clarification', '0'],
      ["Editor's note", '0'],
      ['Update', '0'],
      ['Retraction', '1'],
      ['Total', '2'],
    ]);
  });
  it('writes the medians and the upheld complaints, formula cells neutralised', () => {
    expect(parse(statementTableCsv(statement, 'medians')!)[0]).toEqual(['figure', 'median_hours', 'measured']);
    const upheld = parse(statementTableCsv(statement, 'upheld')!);
    expect(upheld[0]).toEqual(['case', 'received', 'closed', 'route', 'clauses', 'correction', 'kind', 'article', 'wording']);
    expect(upheld[1]).toEqual(['C-0001', new Date(t0 + H).toISOString(), new Date(t0 + 49 * H).toISOString(), 'direct', '1 2', '1', 'correction', 'story-1', `'${hostile}`]);
  });
  it('knows its tables, and has none by any other name', () => {
    expect(statementTableIds(statement)).toEqual(['kind', 'section', 'error-type', 'cause', 'found-by', 'clause', 'outcome', 'route', 'medians', 'upheld']);
    for (const id of statementTableIds(statement)) expect(statementTableCsv(statement, id)).not.toBeNull();
    expect(statementTableCsv(statement, 'nope')).toBeNull();
    expect(statementTableCsv(statement, '__proto__')).toBeNull();
  });
});
