// Two app servers (or more) on one PostgreSQL database, behind nginx: the deployment recipe of README
// "PostgreSQL and several app servers" on one machine.
//
//   DATABASE_URL=postgres://… NEXTAUTH_SECRET=… node scripts/deploy-two.mjs [--port 8080] [--app-ports 3000,3001]
//   node scripts/deploy-two.mjs                 a throw-away PostgreSQL cluster (scripts/pg-cluster.mjs),
//                                               removed when this stops; a random NEXTAUTH_SECRET
//
// Options: --port N (nginx, 8080), --app-ports A,B[,…] (the app servers, 3000,3001), --prefix DIR
// (nginx's files: pid, logs, cache; a temporary folder otherwise), --install (as root: apt-get install
// nginx and its purge module, or PostgreSQL for the throw-away cluster, when missing).
//
// What it does: builds once if the build is stale (before any server starts, so they do not all build
// into one .next); starts every app server at once, each with the same DATABASE_URL and
// NEXTAUTH_SECRET, a name of its own (ERRATA_INSTANCE) and nginx as its purger; the servers migrate
// and prepare the database under its start-up lock (db/pg/connection.ts), so one of them migrates
// (and seeds an empty database, unless ERRATA_SEED=none) and the others find it done; waits until each
// answers /api/health; then starts nginx in front of all of them (deploy/nginx, scripts/nginx.mjs).
// A server that exits is reported and nginx sends its requests to the others; Ctrl-C (or SIGTERM)
// stops everything. Every other setting (ERRATA_SITE_URL, ERRATA_ADMIN_*, ERRATA_PG_POOL_SIZE, …) is
// passed to every server as it is.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { upstreamPorts, startNginx } from './nginx.mjs';
import { createDatabase, ensurePostgres, startCluster } from './pg-cluster.mjs';
import { ensureBuild } from './support/build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const POSTGRES_URL = /^postgres(ql)?:\/\//;
const HEALTH_TIMEOUT_MS = 10 * 60_000;

function argument(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

/** The URL with its password, if any, hidden (for printing). */
export function redacted(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** Each line a child prints, prefixed with its name. */
function relay(stream, name, out) {
  let rest = '';
  stream.on('data', (chunk) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) out.write(`[${name}] ${line}\n`);
  });
  stream.on('end', () => rest && out.write(`[${name}] ${rest}\n`));
}

async function healthy(port, child, deadline) {
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) return false;
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function main() {
  const install = process.argv.includes('--install');
  const nginxPort = Number(argument('port', process.env.NGINX_PORT ?? '8080'));
  const appPorts = upstreamPorts(argument('app-ports', '3000,3001'));
  if (!Number.isInteger(nginxPort) || nginxPort < 1 || nginxPort > 65535) throw new Error(`--port must be a port number, not ${argument('port')}`);
  if (new Set([nginxPort, ...appPorts]).size !== appPorts.length + 1) throw new Error('nginx and every app server need ports of their own');

  const cleanups = [];
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error(error instanceof Error ? error.message : error);
      }
    }
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stopAll(0));

  try {
    // The database: the one DATABASE_URL names, or a throw-away cluster with a database "errata".
    let url = process.env.DATABASE_URL;
    let secret = process.env.NEXTAUTH_SECRET;
    if (url) {
      if (!POSTGRES_URL.test(url)) throw new Error('DATABASE_URL must be a postgres:// URL: several app servers share one PostgreSQL database (a SQLite file serves one server).');
      if (!secret) throw new Error('Set NEXTAUTH_SECRET, the same on every server (e.g. `openssl rand -base64 32`): a session signed by one server must be valid on the others, and after a restart.');
    } else {
      const found = ensurePostgres({ install });
      if (found.problem) throw new Error(found.problem);
      const cluster = await startCluster({ bin: found.bin, log: console.log });
      cleanups.push(() => cluster.stop());
      url = await createDatabase(cluster.url, 'errata');
      console.log(`A throw-away PostgreSQL database (removed when this stops): ${url}`);
      if (!secret) {
        secret = randomBytes(32).toString('base64url');
        console.log('NEXTAUTH_SECRET was not set: using a random one shared by the servers (sessions end when this stops).');
      }
    }

    // Built once, before any server starts.
    const built = ensureBuild({ root });
    if (built !== 0) throw new Error('the production build failed');

    const servers = appPorts.map((port, i) => {
      const name = `app-${i + 1}`;
      const env = {
        ...process.env,
        DATABASE_URL: url,
        NEXTAUTH_SECRET: secret,
        PORT: String(port),
        ERRATA_INSTANCE: process.env.ERRATA_INSTANCE ? `${process.env.ERRATA_INSTANCE}-${name}` : `${os.hostname()}-${name}`,
        // Behind the nginx on this machine only: other hosts reach the app through it, never around its cache.
        HOSTNAME: '127.0.0.1',
        ERRATA_PURGER: 'nginx',
        ERRATA_PURGE_URL: `http://127.0.0.1:${nginxPort}/__purge`,
        // nginx on this machine appends the peer to X-Forwarded-For.
        ERRATA_TRUSTED_PROXIES: process.env.ERRATA_TRUSTED_PROXIES ?? '127.0.0.1',
        NEXT_TELEMETRY_DISABLED: '1',
      };
      const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
      relay(child.stdout, name, process.stdout);
      relay(child.stderr, name, process.stderr);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      cleanups.push(async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
      });
      return { name, port, child };
    });
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    const up = await Promise.all(servers.map((s) => healthy(s.port, s.child, deadline)));
    const down = servers.filter((_, i) => !up[i]).map((s) => s.name);
    if (down.length > 0) throw new Error(`${down.join(', ')} did not start (see its output above)`);

    const nginx = await startNginx({ listenPort: nginxPort, upstreamPort: appPorts, prefix: argument('prefix', undefined), install });
    cleanups.push(() => nginx.stop());

    let running = servers.length;
    for (const s of servers) {
      s.child.once('exit', (code, signal) => {
        if (stopping) return;
        running -= 1;
        console.error(`${s.name} (port ${s.port}) exited (${signal ?? code}); nginx sends its requests to the others. ${running} of ${servers.length} still serving.`);
        if (running === 0) void stopAll(1);
      });
    }
    console.log(`Errata is serving on ${nginx.url} (nginx, files in ${nginx.prefix}), in front of ${servers.map((s) => `${s.name} on 127.0.0.1:${s.port}`).join(' and ')}, on ${redacted(url)}. Ctrl-C stops it.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stopAll(1);
  }
}

// No top-level await: scripts load .mjs files from CommonJS too.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
