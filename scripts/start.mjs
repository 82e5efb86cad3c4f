// `npm start`: builds the app when the build is missing or older than the source, then serves it.
// Migrations and the demo newsroom are applied by the server itself as it starts (instrumentation.ts).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const buildId = path.join(root, '.next', 'BUILD_ID');
const sourceDirs = ['app', 'components', 'db', 'lib'];
const sourceFiles = ['next.config.js', 'package.json', 'proxy.ts', 'instrumentation.ts', 'tsconfig.json'];

function newestSourceTime() {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  [...sourceDirs, ...sourceFiles].forEach((p) => visit(path.join(root, p)));
  return newest;
}

const stale = !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceTime();
if (stale || process.env.ERRATA_REBUILD === '1') {
  console.log('Building Errata (first run or changed source)…');
  const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

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
server.on('exit', (code) => process.exit(code ?? 0));
