// Two projects over the same tests. 'sqlite' runs every unit, database and invariant test, as the
// app runs by default. 'postgres' runs again each test file that opens the app's store (calls
// initStore()), with DATABASE_URL naming a fresh PostgreSQL database of its own (vitest.pg-store.mts).
//
// What 'postgres' leaves out, and why:
// - Pure unit tests (lib/**, scripts/support/** bar the feed below) open no store: the store cannot
//   change what they do, so one run, in 'sqlite', is enough.
// - Tests that open a database themselves rather than the app's store choose their stores in the
//   test. db/pg/* set up PostgreSQL (and SQLite beside it, to compare) on their own. The rest are
//   about SQLite itself, so they stay SQLite-only: they open it with openDatabase/better-sqlite3 to
//   reach what only SQLite has — db/store.test.ts its one write connection's lock, BEGIN IMMEDIATE
//   and the gated read connection (PostgreSQL's transactions are drizzle's own on the pool);
//   db/record.test.ts its pragmas and triggers by raw statement, and db/record-stamp.test.ts the
//   stamp of a freshly migrated file (the PostgreSQL twins of every trigger: db/pg/record-guards);
//   db/verify.test.ts a trigger dropped to alter a version behind the app's back; db/backup.test.ts
//   the SQLite backup API; db/migration-0020.test.ts a SQLite migration on old rows;
//   db/seed/demo-content.test.ts an in-memory SQLite seed (on PostgreSQL: db/pg/services.test.ts);
//   scripts/support/shared-invalidations.test.ts the invalidation feed on the SQLite file.
// - SQLITE_ONLY below: files that do open the app's store, yet test SQLite itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const TEST_DIRS = ['lib', 'db', 'scripts'];

/** Test files that open the app's store yet are about SQLite itself: 'sqlite' only, each with its reason. */
const SQLITE_ONLY: Record<string, string> = {
  // Runs SQLite's EXPLAIN QUERY PLAN on every statement the app prepares, on a SQLite archive from
  // bench/scale.ts (PostgreSQL's planner is another question, with other statistics).
  'db/query-plans.test.ts': 'SQLite query plans',
};

/** Every test file, as a path from the root ('db/queries/cases.test.ts'). */
function testFiles(): string[] {
  return TEST_DIRS.flatMap((dir) =>
    (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => path.posix.join(dir, name.split(path.sep).join('/'))),
  ).sort();
}

/** The files 'postgres' runs: each that opens the app's store with initStore(), bar SQLITE_ONLY. */
function storeTestFiles(): string[] {
  return testFiles().filter((file) => !(file in SQLITE_ONLY) && /\binitStore\(/.test(fs.readFileSync(path.join(root, file), 'utf8')));
}

const shared = {
  resolve: { alias: { '@': root } },
} satisfies TestProjectInlineConfiguration;

const sharedTest = { environment: 'node', pool: 'forks' } as const;

export default defineConfig({
  ...shared,
  test: {
    ...sharedTest,
    // One scratch PostgreSQL cluster for the whole run (both projects: 'sqlite' has the db/pg tests).
    // A root-level global set-up runs once, and what it provides reaches every project; the projects
    // below do not extend this file, so they do not run it again.
    globalSetup: ['./vitest.pg-setup.mts'],
    // vitest's default is one worker fewer than the cores: on two cores, one file at a time. The
    // database files spend much of their time waiting on PostgreSQL and on the processes they start,
    // so two side by side (on 2 cores, 2 December 2026: both projects in 39 s, against 67 s one at a time).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        ...shared,
        extends: false,
        test: { ...sharedTest, name: 'sqlite', include: TEST_DIRS.map((dir) => `${dir}/**/*.test.ts`) },
      },
      {
        ...shared,
        extends: false,
        test: { ...sharedTest, name: 'postgres', include: storeTestFiles(), setupFiles: ['./vitest.pg-store.mts'] },
      },
    ],
  },
});
