// The end-to-end suite's second app server, on PostgreSQL (playwright.config.ts, project "postgres"):
// a throw-away cluster (scripts/pg-cluster.mjs, as the postgres account when run as root), a fresh
// database "errata_e2e" in it, and the built app served on it (scripts/start.mjs with DATABASE_URL),
// which migrates it and seeds the demo newsroom as it starts. The cluster goes when this stops.
//
//   PORT=3102 node scripts/e2e-pg-server.mjs        (the rest of the app's settings from the environment)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, ensurePostgres, startCluster, stopWhenGone } from './pg-cluster.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const found = ensurePostgres({ install: true });
  if (found.problem) throw new Error(found.problem);
  const cluster = await startCluster({ bin: found.bin, log: console.log });
  // Playwright ends its web servers with SIGKILL: the cluster goes with this process however it ends.
  stopWhenGone(cluster, process.pid, found.bin);
  let server = null;
  let ending = false;
  const end = (code) => {
    if (ending) return;
    ending = true;
    if (server && server.exitCode === null) server.kill('SIGTERM');
    cluster.stop();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => end(0));
  process.on('exit', () => cluster.stop());
  try {
    const url = await createDatabase(cluster.url, 'errata_e2e');
    // The specs that read the server's database (e2e/support/e2e-db.ts) find it here.
    if (process.env.E2E_PG_URL_FILE) {
      fs.mkdirSync(path.dirname(process.env.E2E_PG_URL_FILE), { recursive: true });
      // With the psql the specs read it through (the cluster's own).
      fs.writeFileSync(process.env.E2E_PG_URL_FILE, JSON.stringify({ url, psql: path.join(found.bin, 'psql') }));
    }
    console.log(`e2e on PostgreSQL: ${url}`);
    const env = { ...process.env, DATABASE_URL: url };
    // Not a SQLite run: no file is made fresh, and the one named is in the cluster's folder, never used.
    delete env.ERRATA_FRESH_DB;
    env.DATABASE_PATH = path.join(cluster.dir, 'unused.db');
    server = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs')], { stdio: 'inherit', env, cwd: root });
    server.on('exit', (code) => end(code ?? 1));
  } catch (error) {
    console.error(error);
    end(1);
  }
}

void main();
