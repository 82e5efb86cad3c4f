// Every number of the annual statement, on its page and in its CSVs, checked against SQL written
// here, independently of the app's queries, on the same database: several hundred corrections and
// cases with known properties (e2e/support/statement-fixture.ts), served by a second app of the
// build started on that database alone.
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { type RunningApp, signIn, startApp } from '../scripts/support/app-client';
import { formatDuration } from '../lib/standards/clock';
import { expectedStatement } from './support/statement-expected';
import { generateStatementNewsroom, STATEMENT_PASSWORD, STATEMENT_RANGE, STATEMENT_STANDARDS } from './support/statement-fixture';

const PORT = Number(process.env.E2E_PORT ?? 3100) + 7;
let app: RunningApp;
let cookie: string;
let dir: string;
let sql: Database.Database;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-statement-'));
  const file = path.join(dir, 'errata.db');
  generateStatementNewsroom(file);
  app = await startApp({ port: PORT, databasePath: file, env: { ERRATA_SEED: 'none', ERRATA_SITE_URL: `http://127.0.0.1:${PORT}`, ERRATA_PURGER: 'none' } });
  cookie = await signIn(app.base, STATEMENT_STANDARDS, STATEMENT_PASSWORD);
  sql = new Database(file, { readonly: true });
});

test.afterAll(async () => {
  sql?.close();
  await app?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function get(pathAndQuery: string) {
  const response = await fetch(app.base + pathAndQuery, { headers: { cookie }, redirect: 'manual' });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const query = (section: string | null) => `from=${STATEMENT_RANGE.from}&to=${STATEMENT_RANGE.to}${section ? `&section=${encodeURIComponent(section)}` : ''}`;
const hours = (ms: number | null) => (ms === null ? '' : (ms / 3_600_000).toFixed(2));

for (const section of [null, 'Politics']) {
  test(`the statement's CSV, whole and per table, matches independent SQL${section ? ` (section ${section})` : ''}`, async () => {
    const want = expectedStatement(sql, section);
    expect(want.totals.corrections).toBeGreaterThan(section ? 30 : 200);
    expect(want.totals.cases).toBeGreaterThan(section ? 30 : 150);
    const full = await get(`/desk/standards/statement.csv?${query(section)}`);
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = parse(full.text) as string[][];
    expect(rows[0]).toEqual(['table', 'label', 'count']);
    const got = (table: string) => new Map(rows.filter((r) => r[0] === table).map((r) => [r[1], Number(r[2])]));
    expect(got('totals')).toEqual(new Map([['Corrections published', want.totals.corrections], ['Cases received', want.totals.cases]]));
    for (const [id, counted] of Object.entries(want.tables)) {
      const csvTable = new Map([...got(id)].filter(([, n]) => n > 0));
      expect(csvTable, `table ${id}`).toEqual(counted);
      const one = await get(`/desk/standards/statement.csv?${query(section)}&table=${id}`);
      expect(one.status).toBe(200);
      const oneRows = parse(one.text) as string[][];
      expect(oneRows[0]).toEqual(['label', 'count']);
      const body = oneRows.slice(1, -1);
      expect(new Map(body.filter((r) => Number(r[1]) > 0).map((r) => [r[0], Number(r[1])])), `table ${id} alone`).toEqual(counted);
      expect(oneRows.at(-1)).toEqual(['Total', String([...counted.values()].reduce((a, b) => a + b, 0))]);
    }
    for (const [id, m] of Object.entries(want.medians)) {
      const line = rows.find((r) => r[0] === `median-${id}`);
      expect(line, `median ${id}`).toBeTruthy();
      expect(line?.[2], `median ${id}`).toBe(hours(m.m));
      expect(line?.[1]).toContain(`${m.n ?? 0} measured`);
    }
    const upheld = rows.filter((r) => r[0] === 'upheld').map((r) => r[1]);
    expect(upheld.map((u) => u.split(' ')[0])).toEqual(want.upheld.map((u) => u.reference));
    want.upheld.forEach((u, i) => expect(upheld[i]).toContain(u.correction_id === null ? '(no correction)' : `correction ${u.correction_id}:`));
    // Cells that would run as formulas in a spreadsheet are defused.
    expect(full.text).not.toMatch(/(^|,)"?[=+@-]/m);
  });

  test(`the statement's page matches independent SQL${section ? ` (section ${section})` : ''}`, async () => {
    const want = expectedStatement(sql, section);
    const page = await get(`/desk/standards/statement?${query(section)}`);
    expect(page.status).toBe(200);
    const html = page.text;
    const tables = readTables(html);
    const titles: Record<string, string> = {
      kind: 'Corrections by kind',
      section: 'Corrections by section',
      'error-type': 'Corrections by type of error',
      cause: 'Corrections by cause',
      'found-by': 'Corrections by who found the error',
      clause: 'Complaints by code clause',
      outcome: 'Cases by outcome',
      route: 'Cases by route',
    };
    for (const [id, counted] of Object.entries(want.tables)) {
      const table = tables.find((t) => t.id === `table-${id}`);
      expect(table?.caption, `page table ${id}'s caption`).toContain(titles[id]);
      expect(table, `page table ${titles[id]}`).toBeTruthy();
      const shown = new Map((table?.rows ?? []).filter((r) => r.length >= 2 && r[0] !== 'Total' && /^\d+$/.test(r[1]) && Number(r[1]) > 0).map((r) => [r[0], Number(r[1])]));
      expect(shown, `page table ${id}`).toEqual(counted);
    }
    const medians = tables.find((t) => t.caption === 'Medians');
    expect(medians, 'the medians table').toBeTruthy();
    for (const [id, m] of Object.entries(want.medians)) {
      // The exact figure in data-ms, as words in the cell, and how many were measured.
      const row = new RegExp(`<tr[^>]*id="median-${id}"[^>]*>([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
      expect(row, `median row ${id}`).not.toBe('');
      expect(/data-ms="([^"]*)"/.exec(row)?.[1], `median ${id} (ms)`).toBe(m.m === null ? '' : String(m.m));
      const cells = [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1].replace(/<[^>]+>/g, '').trim());
      expect(cells[1], `median ${id} (words)`).toBe(m.m === null ? 'None measured' : formatDuration(m.m));
      expect(cells[2], `median ${id} (n)`).toBe(String(m.n ?? 0));
    }
    const upheld = tables.find((t) => t.caption.startsWith('Upheld complaints'));
    const shownUpheld = (upheld?.rows ?? []).filter((r) => r[0].startsWith('C-'));
    expect(shownUpheld.map((r) => r[0])).toEqual(want.upheld.map((u) => u.reference));
    want.upheld.forEach((u, i) => expect(shownUpheld[i].at(-1), u.reference).toMatch(u.correction_id === null ? /^No correction$/ : new RegExp(`\\b${u.correction_id},`)));
    for (const u of want.upheld) expect(html).toContain(u.reference);
  });
}

test('the statement refuses a bad range with a clear message, never a 500', async () => {
  for (const q of ['from=2025-13-01&to=2025-12-31', 'from=2025-06-01&to=2025-01-01', 'from=nonsense', 'table=nope&from=2025-01-01&to=2025-02-01']) {
    const csv = await get(`/desk/standards/statement.csv?${q}`);
    expect(csv.status, q).toBeGreaterThanOrEqual(400);
    expect(csv.status, q).toBeLessThan(500);
    const page = await get(`/desk/standards/statement?${q}`);
    expect(page.status, q).toBeLessThan(500);
  }
});

/** Every table of a page: its caption and its rows' cell texts (th and td alike). */
function readTables(html: string): { id: string; caption: string; rows: string[][] }[] {
  const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;|\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
  return [...html.matchAll(/<table[\s\S]*?<\/table>/g)].map((m) => {
    const t = m[0];
    const id = /^<table[^>]*\bid="([^"]+)"/.exec(t)?.[1] ?? '';
    const caption = text(/<caption[^>]*>([\s\S]*?)<\/caption>/.exec(t)?.[1] ?? '');
    const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(t)?.[1] ?? t;
    const rows = [...body.matchAll(/<tr[\s\S]*?<\/tr>/g)].map((r) => [...r[0].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1])));
    return { id, caption, rows };
  });
}
