// `npm test`: lint, type-check, unit tests, a production build and the end-to-end suite in Chromium,
// then one line summing every result: "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const results = { passed: 0, failed: 0, skipped: 0 };
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-test-'));
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function run(label, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  console.log(`=== ${label} ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

/** As run, without blocking: the command's output is kept and printed in one piece when it ends. */
function runBuffered({ name, label, cmd, args }) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    let ended = false;
    const done = (status) => {
      if (ended) return; // 'error' may come before 'close'
      ended = true;
      console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
      process.stdout.write(Buffer.concat(out));
      console.log(`=== ${label} ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      resolve({ name, ok: status === 0 });
    };
    child.on('error', (error) => {
      out.push(Buffer.from(`${error.message}\n`));
      done(1);
    });
    child.on('close', (status) => done(status));
  });
}

function check(label, ok) {
  if (ok) results.passed += 1;
  else results.failed += 1;
  if (!ok) console.log(`!!! ${label} failed`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Playwright's JSON report, counted by project: { name: { passed, failed } }. */
function playwrightByProject(report) {
  const counts = {};
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const c = (counts[t.projectName] ??= { passed: 0, failed: 0 });
        if (t.status === 'expected' || t.status === 'flaky') c.passed += 1;
        else if (t.status === 'unexpected') c.failed += 1;
      }
    }
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return counts;
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    console.log('Chromium is missing: installing Debian\'s chromium with apt-get…');
    spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  console.log('Chromium was not found. Install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH.');
  return null;
}

/** nginx and its cache purge module, for the nginx end-to-end spec (installed with apt-get as root, like Chromium). */
async function findNginxForTests() {
  const { findNginx } = await import('./nginx.mjs');
  const found = findNginx({ install: true });
  if (found.problem) console.log(found.problem);
  return !found.problem;
}

const PARTS = ['lint', 'typecheck', 'unit', 'e2e', 'crash', 'webhook-crash', 'two-servers', 'store-down'];
const only = process.argv.slice(2);
// A mistyped part must fail, not pass by running nothing.
const unknown = only.filter((part) => !PARTS.includes(part));
if (unknown.length > 0) {
  console.error(`Unknown part${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. The parts are ${PARTS.join(', ')}.`);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}
const wants = (step) => only.length === 0 || only.includes(step);

// Lint and the type-check each keep one core busy: they run side by side, each one's output printed whole when it ends.
const checks = [
  wants('lint') && { name: 'lint', label: 'lint', cmd: 'npx', args: ['eslint', '.'] },
  wants('typecheck') && { name: 'typecheck', label: 'type-check', cmd: 'npx', args: ['tsc', '--noEmit'] },
].filter(Boolean);
for (const { name, ok } of await Promise.all(checks.map((c) => runBuffered(c)))) check(name, ok);

if (wants('unit')) {
  // The database suites run on PostgreSQL too: vitest's set-up starts a scratch cluster of it, and the
  // 'postgres' project runs every test file that opens the app's store again on it (vitest.config.mts).
  const { ensurePostgres } = await import('./pg-cluster.mjs');
  const postgres = ensurePostgres({ install: true });
  if (postgres.problem) console.log(postgres.problem);
  const file = path.join(outDir, 'vitest-projects.json');
  const ok = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=./scripts/vitest-projects-reporter.mjs'], { VITEST_PROJECTS_REPORT: file });
  const report = readJson(file);
  if (report) {
    let failed = report.unhandledErrors;
    for (const name of new Set(['sqlite', 'postgres', ...Object.keys(report.projects)])) {
      const p = report.projects[name];
      if (!p || p.passed + p.failed === 0) {
        // A project that ran no test proves nothing: one failure for it.
        console.log(`!!! unit tests: the ${name} project ran no tests`);
        failed += 1;
        continue;
      }
      console.log(`=== unit tests on ${name}: ${p.passed} passed, ${p.failed} failed${p.skipped ? `, ${p.skipped} skipped` : ''} (${p.files} files${p.brokenFiles ? `, ${p.brokenFiles} failed outside any test` : ''})`);
      results.passed += p.passed;
      results.skipped += p.skipped;
      failed += p.failed + p.brokenFiles;
    }
    // vitest failed for a reason no count shows (a global set-up, a crash): one failure for it.
    results.failed += failed + (ok || failed > 0 ? 0 : 1);
  } else check('unit tests', false);
}

if (wants('e2e')) {
  const chromium = findChromium();
  const nginx = await findNginxForTests();
  // The "postgres" project serves the same build on a scratch PostgreSQL cluster (scripts/e2e-pg-server.mjs).
  const { ensurePostgres } = await import('./pg-cluster.mjs');
  const postgres = ensurePostgres({ install: true });
  if (postgres.problem) console.log(postgres.problem);
  const built = run('build', 'npx', ['next', 'build']);
  check('build', built);
  if (!chromium || !nginx || !built) check('e2e', false);
  else {
    const file = path.join(outDir, 'playwright.json');
    const ok = run('end-to-end tests', 'npx', ['playwright', 'test'], { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: file });
    const report = readJson(file);
    const stats = report?.stats;
    if (stats) {
      results.passed += stats.expected + stats.flaky;
      results.failed += stats.unexpected + (ok || stats.unexpected > 0 ? 0 : 1);
      results.skipped += stats.skipped;
      // Each store's share, and a project that ran nothing (a server that never came up) fails once.
      const byProject = playwrightByProject(report);
      // The PostgreSQL projects are named postgres… (playwright.config.ts); both are counted even if absent.
      const pgProjects = ['postgres', 'postgres-invariants'];
      const onPg = (p) => p.startsWith('postgres');
      for (const [store, projects] of [['SQLite', Object.keys(byProject).filter((p) => !onPg(p))], ['PostgreSQL', [...new Set([...pgProjects, ...Object.keys(byProject).filter(onPg)])]]]) {
        const counts = projects.map((p) => byProject[p] ?? { passed: 0, failed: 0 }).reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }), { passed: 0, failed: 0 });
        console.log(`=== end-to-end tests on ${store}: ${counts.passed} passed, ${counts.failed} failed`);
        if (counts.passed + counts.failed === 0) check(`end-to-end tests on ${store} (none ran)`, false);
      }
    } else check('e2e', false);
  }
}

if (wants('crash')) {
  // Needs the production build made above (or by an earlier run).
  check('crash safety', run('crash safety (kill -9 mid-burst)', 'npx', ['tsx', 'scripts/crash-test.ts', '1']));
}

if (wants('webhook-crash')) {
  // Also on the production build: webhooks killed mid-send and right after a commit, then restarted.
  check('webhook crash safety', run('webhook crash safety (kill -9 mid-send and after commit)', 'npx', ['tsx', 'scripts/webhook-crash-test.ts']));
}

if (wants('two-servers')) {
  // Two app servers on one database with nginx in front of one: shared invalidation, lost updates,
  // kill -9. On each store (a SQLite file, a PostgreSQL scratch cluster), and each check counted.
  const { ensurePostgres } = await import('./pg-cluster.mjs');
  const postgres = ensurePostgres({ install: true });
  if (postgres.problem) console.log(postgres.problem);
  for (const store of ['sqlite', 'postgres']) {
    const file = path.join(outDir, `two-servers-${store}.json`);
    const ok = run(`two app servers on one ${store} database (shared invalidation, lost updates, kill -9)`, 'npx', ['tsx', 'scripts/two-servers-test.ts', '--store', store], { TWO_SERVERS_RESULTS: file });
    const report = readJson(file);
    const checks = (report?.checks ?? []).filter((c) => c.store === store);
    for (const c of checks) check(`two servers on ${store}: ${c.name}`, c.ok);
    // A run that stopped before its last check fails each check it never made; one that exited
    // non-zero with every check passed (or wrote no report) fails once more.
    const expected = report?.checksPerStore ?? 4;
    for (let i = checks.length; i < expected; i += 1) check(`two servers on ${store}: check ${i + 1} of ${expected} (never reached)`, false);
    if (!ok && checks.length >= expected && checks.every((c) => c.ok)) check(`two servers on ${store}`, false);
  }
}

if (wants('store-down')) {
  // PostgreSQL stopped under a running app server, then started again: every surface the registry
  // names answers 503 with Retry-After or what it cached, never a 500, and answers as before once it is back.
  const { ensurePostgres } = await import('./pg-cluster.mjs');
  const postgres = ensurePostgres({ install: true });
  if (postgres.problem) console.log(postgres.problem);
  check('the store down and back', run('the store down and back (every surface 503 or cached, never 500)', 'npx', ['tsx', 'scripts/store-down-test.ts']));
}

fs.rmSync(outDir, { recursive: true, force: true });
const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
console.log(`\n${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed === 0 ? 0 : 1);
