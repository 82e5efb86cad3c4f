// Migration 0020 on a database that already holds corrections: the published and withdrawn ones
// take their article's section and byline, drafts keep none, nothing else changes, and the record's
// guards answer as before, each with its own message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from './connection';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-0020-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as it stood before 0020. */
function migrationsBefore(tag: string): string {
  const folder = path.join(dir, 'before');
  fs.mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag.startsWith(tag)));
  for (const e of entries) fs.copyFileSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

describe('migration 0020: corrections keep the section and byline they were published under', () => {
  const file = path.join(dir, 'old.db');
  const sqlite = new Database(file);
  sqlite.pragma('foreign_keys = ON');
  migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore('0020') });
  const now = Date.UTC(2026, 10, 1);
  sqlite.prepare("insert into users (email, name, role, password_hash) values ('s@example.org', 'S', 'standards', 'x')").run();
  sqlite.prepare("insert into articles (slug, section, byline, status, first_published_at, first_public_version, created_by, created_at) values ('a', 'Politics', 'Ann Reporter', 'published', ?, 1, 1, ?)").run(now, now);
  sqlite
    .prepare("insert into versions (article_id, number, headline, standfirst, body, change_kind, note, saved_by, saved_at, content_hash, prev_hash, hash) values (1, 1, 'H', 'S', 'They lost 695 seats.', 'first_publication', '', 1, ?, 'c', '', 'h')")
    .run(now);
  const insert = sqlite.prepare("insert into corrections (article_id, kind, mode, wording, status, base_version_id, drafted_by, drafted_at, updated_at) values (1, 'correction', 'notice', ?, 'draft', 1, 1, ?, ?)");
  for (const wording of ['Published.', 'Withdrawn.', 'Still a draft.']) insert.run(wording, now, now);
  sqlite.prepare("update corrections set status = 'published', published_by = 1, published_at = ?, error_type = 'number', error_cause = 'reporting', found_by = 'reader' where id in (1, 2)").run(now + 1000);
  sqlite.prepare("update corrections set status = 'withdrawn', withdrawn_by = 1, withdrawn_at = ?, withdrawn_reason = 'It was right.' where id = 2").run(now + 2000);
  const before = sqlite.prepare('select * from corrections order by id').all() as Record<string, unknown>[];
  migrate(drizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
  const after = sqlite.prepare('select * from corrections order by id').all() as Record<string, unknown>[];

  it('gives the published and withdrawn ones their article’s section and byline, and drafts none', () => {
    expect(after.map((c) => [c.status, c.published_section, c.published_byline])).toEqual([
      ['published', 'Politics', 'Ann Reporter'],
      ['withdrawn', 'Politics', 'Ann Reporter'],
      ['draft', null, null],
    ]);
  });

  it('changes nothing else', () => {
    expect(after.map(({ published_section: _s, published_byline: _b, ...rest }) => rest)).toEqual(before);
  });

  it('puts the record’s guards back, each still answering with its own message', () => {
    const update = (set: string) => () => sqlite.prepare(`update corrections set ${set} where id = 1`).run();
    expect(update("wording = 'Quietly rewritten.'")).toThrow(/never edited/);
    expect(update('revision = 9')).toThrow(/keeps its last revision/);
    expect(update("error_type = 'name'")).toThrow(/keeps its classification/);
    expect(update("published_section = 'Sport'")).toThrow(/section and byline it was published under/);
    expect(update('amended_version_id = 1')).toThrow(/later version of its own article/);
    expect(() => sqlite.prepare('delete from corrections where id = 3').run()).toThrow(/never deleted/);
    sqlite.close();
  });
});
