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
// The invariant suites compare whole-database fingerprints (e2e/support/e2e-db.ts), so on PostgreSQL
// too they run once the project's other specs have finished writing, one after the other.
const fingerprinted = /(^|\/)(access|action-invariants)\.spec\.ts$/;
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
  projects: [
    { name: 'main', testIgnore: /(access|xss|csp|surfaces|action-invariants|correction-amendment|cache-edition|settings|desk-a11y|discoverability|statement-figures)\.spec\.ts/ },
    // Generates and publishes a column edition (one draft at a time), so it waits for the column spec.
    { name: 'amendment', testMatch: /correction-amendment\.spec\.ts/, dependencies: ['main'] },
    // Publishes a column edition and watches the column's pages stay put otherwise: after the amendment flow.
    { name: 'cache-edition', testMatch: /cache-edition\.spec\.ts/, dependencies: ['amendment'] },
    // Generates and publishes column editions (one draft at a time), so it waits for the column spec.
    { name: 'surfaces', testMatch: /surfaces\.spec\.ts/, dependencies: ['cache-edition'] },
    // xss publishes its own column edition and csp loads the column spec's: both wait for main and surfaces.
    { name: 'xss', testMatch: /(xss|csp)\.spec\.ts/, dependencies: ['surfaces'] },
    // Compares whole-database fingerprints, so it runs once every other spec has finished writing.
    { name: 'access', testMatch: /(^|\/)access\.spec\.ts/, dependencies: ['xss'] },
    // Actions × roles × field shapes: also compares fingerprints, so it runs after the access spec.
    { name: 'invariants', testMatch: /action-invariants\.spec\.ts/, dependencies: ['access'] },
    // Last: renames the newsroom and checks every page says so (no other spec reads a page meanwhile),
    // and checks every desk page and the sitemap once the other specs have made editions and articles.
    { name: 'finish', testMatch: /(^|\/)(settings|desk-a11y|discoverability|statement-figures)\.spec\.ts/, dependencies: ['invariants'] },
    // Every other spec again, against the same build serving a PostgreSQL database of its own (its
    // own demo newsroom, so it runs beside the projects above without touching their record).
    { name: 'postgres', testIgnore: [sqliteOnly, fingerprinted], ...onPostgres },
    { name: 'postgres-access', testMatch: /(^|\/)access\.spec\.ts$/, dependencies: ['postgres'], ...onPostgres },
    { name: 'postgres-invariants', testMatch: /(^|\/)action-invariants\.spec\.ts$/, dependencies: ['postgres-access'], ...onPostgres },
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
