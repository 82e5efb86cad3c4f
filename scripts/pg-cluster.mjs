// A throw-away PostgreSQL cluster for the tests and the copy checks: initdb into a temporary folder,
// started on a free port on 127.0.0.1, owned by a non-root user (PostgreSQL refuses to run as root),
// stopped and removed when asked. Debian's package (apt-get install postgresql) provides the binaries.
//
//   node scripts/pg-cluster.mjs            starts one, prints its URL, stops it on Ctrl-C
//   import { startCluster } from './pg-cluster.mjs'   for scripts and test set-up
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RUN_AS = 'postgres';

/** The newest installed server's bin folder (Debian: /usr/lib/postgresql/N/bin), or null. */
export function findPostgresBin() {
  if (process.env.ERRATA_PG_BIN) return process.env.ERRATA_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(root, versions[0], 'bin') : null;
}

/** Installs Debian's PostgreSQL when it is missing and we are root (as CI is); says what to do otherwise. */
export function ensurePostgres({ install = false } = {}) {
  let bin = findPostgresBin();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!bin && install && isRoot && fs.existsSync('/usr/bin/apt-get')) {
    console.log("PostgreSQL is missing: installing Debian's postgresql with apt-get…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
    bin = findPostgresBin();
  }
  if (!bin) return { problem: 'PostgreSQL was not found. Install it (Debian/Ubuntu: `sudo apt-get install -y postgresql`) or set ERRATA_PG_BIN to its bin folder.' };
  return { bin };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the cluster's owner: as root, through runuser to the postgres account. */
function asOwner(bin, tool, args, options = {}) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const file = path.join(bin, tool);
  if (!isRoot) return execFileSync(file, args, { stdio: 'pipe', ...options });
  return execFileSync('runuser', ['-u', RUN_AS, '--', file, ...args], { stdio: 'pipe', ...options });
}

/**
 * Starts a scratch cluster (`durable`: with PostgreSQL's own durability settings, for benchmarks). Resolves to { url, port, dir, stop(), pause(), resume() }
 * (pause stops the server keeping its data, resume starts it again on the same port): the URL is for the superuser
 * `errata` on database `postgres`; make a database per test file with createDatabase.
 */
export async function startCluster({ bin = ensurePostgres().bin, log = () => {}, durable = false } = {}) {
  if (!bin) throw new Error(ensurePostgres().problem);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-pg-'));
  fs.chmodSync(dir, 0o700);
  if (isRoot) execFileSync('chown', [`${RUN_AS}:`, dir]);
  asOwner(bin, 'initdb', ['-D', path.join(dir, 'data'), '-U', 'errata', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dir}'`,
    // A throw-away cluster: speed over durability (the app servers' own crash tests kill the app, not this);
    // `durable` (the benchmark's) keeps PostgreSQL's defaults, every commit flushed to disk, with a
    // production-sized buffer cache.
    ...(durable ? ['-c shared_buffers=1GB'] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']),
    '-c max_connections=200',
  ].join(' ');
  const start = () => asOwner(bin, 'pg_ctl', ['-D', path.join(dir, 'data'), '-o', settings, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  start();
  log(`PostgreSQL scratch cluster on 127.0.0.1:${port} (${dir})`);
  const url = `postgres://errata@127.0.0.1:${port}/postgres`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    stopClusterAt(bin, dir);
  };
  // An outage and the recovery from it, as a restart takes the server away (the data stays).
  const pause = () => asOwner(bin, 'pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'stop']);
  const resume = () => start();
  return { url, port, dir, stop, pause, resume };
}

/** Stops the cluster in `dir` at once and removes its folder. */
function stopClusterAt(bin, dir) {
  try {
    asOwner(bin, 'pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  } catch {
    // Already gone: nothing to stop.
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Stops the cluster when process `pid` is gone, however it went: a detached watcher, for an owner
 * that may be killed with SIGKILL (Playwright ends its web servers so), whose exit handlers never run.
 */
export function stopWhenGone(cluster, pid = process.pid, bin = ensurePostgres().bin) {
  const watcher = spawn(process.execPath, [fileURLToPath(import.meta.url), '--stop-when-gone', String(pid), bin, cluster.dir], { detached: true, stdio: 'ignore' });
  watcher.unref();
}

/** Creates an empty database `name` on the cluster `url` names (as its superuser); resolves to its URL. */
export async function createDatabase(url, name) {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(url, name);
}

/** The URL of a database on the same cluster as `url`. */
export function databaseUrl(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function main() {
  if (process.argv[2] === '--stop-when-gone') {
    const [pid, bin, dir] = process.argv.slice(3);
    const alive = () => {
      try {
        process.kill(Number(pid), 0);
      } catch {
        return false;
      }
      // A killed process nobody has reaped yet (a zombie: its parent gone too, in a container whose
      // first process reaps nothing) still answers signal 0; on Linux, /proc says it is dead.
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        return !/^\d+ \(.*\) [ZX] /s.test(stat);
      } catch {
        return !fs.existsSync('/proc/self');
      }
    };
    const timer = setInterval(() => {
      if (alive()) return;
      clearInterval(timer);
      stopClusterAt(bin, dir);
    }, 1000);
    return;
  }
  const found = ensurePostgres({ install: process.argv.includes('--install') });
  if (found.problem) {
    console.error(found.problem);
    process.exit(1);
  }
  const cluster = await startCluster({ bin: found.bin, log: console.log });
  console.log(cluster.url);
  const end = () => {
    cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', end);
  process.on('SIGTERM', end);
  setInterval(() => {}, 1 << 30);
}

// No top-level await: scripts load this file from CommonJS (tsx).
if (import.meta.url === `file://${process.argv[1]}`) void main();
