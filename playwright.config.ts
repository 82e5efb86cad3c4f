import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { NGINX_PORT } from './e2e/support/nginx';

const port = Number(process.env.E2E_PORT ?? 3100);
const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');
// The same app on PostgreSQL (scripts/e2e-pg-server.mjs): a throw-away cluster, served on its own port.
const pgPort = Number(process.env.E2E_PG_PORT ?? port + 2);

// The specs the "postgres" project leaves to SQLite, each for a reason of its own; every other spec
// (a new one too) runs on both stores. They read or write the server's database file directly (its
// fingerprint, a fixture row, a count) with better-sqlite3, or read through the nginx in front of the
// SQLite server, or start servers of their own on SQLite files.
const SQLITE_ONLY: Record<string, string> = {
  abuse: "counts the throttle's rows in the database file",
  api: 'reads tokens and rows from the database file',
  'cache-edition': 'reads the column from the database file, through nginx',
  cache: 'reads the database file to pick its pages',
  casebook: 'reads cases from the database file',
  cms: 'reads deliveries from the database file',
  'correction-amendment': 'reads the record from the database file',
  csp: 'reads the column from the database file',
  'desk-a11y': 'reads ids from the database file',
  discoverability: 'reads the sitemap\'s rows from the database file',
  embed: 'reads the database file, through nginx',
  lighthouse: 'reads the database file',
  nginx: 'reads through the nginx in front of the SQLite server',
  'record-promises': 'reads the database file',
  settings: 'reads the settings from the database file',
  'site-address': 'starts a server of its own on a SQLite file',
  standards: 'reads the record from the database file',
  'statement-figures': 'starts a server of its own on a SQLite file',
  surfaces: 'writes and reads fixtures in the database file',
  xss: 'reads the database file',
};
const sqliteOnly = new RegExp(`(^|/)(${Object.keys(SQLITE_ONLY).join('|')})\\.spec\\.ts$`);
// Specs of the browser and the server in front of Next, not of the store: they run once, on SQLite.
const STORE_FREE: Record<string, string> = {
  'claim-picker': "the claim picker's selection in the browser, which reads nothing the other specs do not",
  redirects: 'callback URLs checked by the proxy and next-auth, before any query',
};
const storeFree = new RegExp(`(^|/)(${Object.keys(STORE_FREE).join('|')})\\.spec\\.ts$`);
// The invariant suites compare whole-database fingerprints (e2e/support/e2e-db.ts), so on each store
// they run once the other specs writing it have finished, one after the other (one worker).
const fingerprinted = /(^|\/)(access|action-invariants)\.spec\.ts$/;
// The specs that generate and publish column editions (one draft at a time): one after another.
const columnEditions = /(^|\/)(correction-amendment|cache-edition|surfaces|xss|csp)\.spec\.ts$/;
// Last on SQLite: renames the newsroom and checks every page says so, and checks every desk page
// and the sitemap once the other specs have made editions and articles.
const lastOnSqlite = /(^|\/)(settings|desk-a11y|discoverability|statement-figures)\.spec\.ts$/;
const onPostgres = { use: { baseURL: `http://127.0.0.1:${pgPort}` }, metadata: { store: 'postgres' } };

export default defineConfig({
  testDir: './e2e',
  // Two cores run the app server, its SQLite writes and two browser workers at once: a desk flow
  // that signs in two or three accounts (each a deliberate password hash) takes 15–30 s here, so
  // 30 s was a coin toss under CI. Expectations keep their own 10 s.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'],
    },
  },
  // Playwright runs projects in phases (a project starts once its dependencies have finished), so
  // each phase pairs a SQLite project with a PostgreSQL one of about its length, the two workers busy:
  //   1. main + postgres (every other spec, each store its own server and database);
  //   2. column (SQLite, one worker) + postgres-invariants (one worker);
  //   3. invariants (SQLite, one worker);
  //   4. finish (SQLite).
  projects: [
    { name: 'main', testIgnore: [fingerprinted, columnEditions, lastOnSqlite] },
    // Every other spec again, against the same build serving a PostgreSQL database of its own (its
    // own demo newsroom, so it runs beside the SQLite projects without touching their record).
    { name: 'postgres', testIgnore: [sqliteOnly, storeFree, fingerprinted], ...onPostgres },
    // The column edition specs, one at a time (one draft edition at a time); csp loads the column spec's edition.
    { name: 'column', testMatch: columnEditions, workers: 1, dependencies: ['main'] },
    // Access and actions × roles × field shapes on PostgreSQL, once the postgres project has stopped writing.
    { name: 'postgres-invariants', testMatch: fingerprinted, workers: 1, dependencies: ['postgres'], ...onPostgres },
    // The same on SQLite, once every other SQLite spec but the last ones has finished writing.
    { name: 'invariants', testMatch: fingerprinted, workers: 1, dependencies: ['column'] },
    // Last: no other spec reads a page meanwhile.
    { name: 'finish', testMatch: lastOnSqlite, dependencies: ['invariants'] },
  ],
  webServer: [
    {
      // The built app on a throw-away database, migrated and seeded with the demo newsroom at start.
      command: 'node scripts/start.mjs',
      url: `http://127.0.0.1:${port}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(port),
        DATABASE_PATH: databasePath,
        ERRATA_FRESH_DB: '1',
        ERRATA_SITE_URL: `http://127.0.0.1:${port}`,
        // The suite attacks sign-in from many addresses in parallel specs; one shared global bucket
        // would make them trip each other (its logic is unit-tested in lib/auth/sign-in-throttle.test.ts).
        ERRATA_SIGN_IN_GLOBAL_LIMIT: '10000',
        // Every change readers can see is purged from the nginx below (e2e/nginx.spec.ts reads through it).
        ERRATA_PURGER: 'nginx',
        // The casebook spec moves the desk's clock forward to see a case go overdue (app/(auth)/clock.ts).
        ERRATA_TEST_CLOCK: '1',
        // The CMS specs' webhook receivers listen on 127.0.0.1, which a real subscription may not name.
        ERRATA_WEBHOOK_ALLOW_PRIVATE: '1',
        ERRATA_PURGE_URL: `http://127.0.0.1:${NGINX_PORT}/__purge`,
      },
    },
    {
      // The same build on PostgreSQL: a throw-away cluster (as the postgres account under root), a
      // database migrated and seeded with the demo newsroom as the server starts; no cache in front.
      command: 'node scripts/e2e-pg-server.mjs',
      url: `http://127.0.0.1:${pgPort}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(pgPort),
        // Where the specs that read the database find it (e2e/support/e2e-db.ts).
        E2E_PG_URL_FILE: path.join(path.dirname(databasePath), 'postgres.json'),
        ERRATA_SITE_URL: `http://127.0.0.1:${pgPort}`,
        ERRATA_SIGN_IN_GLOBAL_LIMIT: '10000',
        ERRATA_TEST_CLOCK: '1',
        ERRATA_WEBHOOK_ALLOW_PRIVATE: '1',
      },
    },
    {
      // The deployment recipe (deploy/nginx) in front of the app: installed from Debian's packages where missing, as root.
      command: `node scripts/nginx.mjs --install --port ${NGINX_PORT} --upstream ${port}`,
      port: NGINX_PORT,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
  ],
});
