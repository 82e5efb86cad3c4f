// `npm start`: builds the app when the build is missing or older than the source, then serves it.
// Migrations and the demo newsroom are applied by the server itself as it starts (instrumentation.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild } from './support/build.mjs';

const root = process.cwd();
const built = ensureBuild({ root, force: process.env.ERRATA_REBUILD === '1' });
if (built !== 0) process.exit(built);

if (process.env.ERRATA_FRESH_DB === '1') {
  // Throw-away databases for tests: start from nothing every time.
  const db = process.env.DATABASE_PATH;
  if (!db) throw new Error('ERRATA_FRESH_DB needs DATABASE_PATH');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(db + suffix, { force: true });
}

const port = process.env.PORT || '3000';
// A capped heap: V8 collects sooner and the server's memory stays well under 400 MB at load.
const nodeOptions = [process.env.NODE_OPTIONS, '--max-old-space-size=256'].filter(Boolean).join(' ');
const server = spawn(process.execPath, [path.join(root, 'scripts', 'server.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port, NODE_ENV: 'production', NODE_OPTIONS: nodeOptions, NEXT_TELEMETRY_DISABLED: '1' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
// A server that stopped on its own says how; one killed by a signal (kill -9, the OOM killer) is a
// failure, 128 + the signal's number as a shell reports it, so a supervisor restarts it.
server.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
