// The production build `npm start` serves: whether it is missing or older than the source, and
// building it when it is. scripts/start.mjs asks before every start; a script that starts several
// servers at once asks first, once, so that they do not all build into the same .next together.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'db', 'lib'];
const SOURCE_FILES = ['next.config.js', 'package.json', 'proxy.ts', 'instrumentation.ts', 'tsconfig.json'];

function newestSourceTime(root) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  [...SOURCE_DIRS, ...SOURCE_FILES].forEach((p) => visit(path.join(root, p)));
  return newest;
}

/** True when there is no build in `root`, or the source changed after it was made. */
export function buildIsStale(root = process.cwd()) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  return !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceTime(root);
}

/** Builds when the build is stale (or `force`); returns the build's exit status (0 when nothing was needed). */
export function ensureBuild({ root = process.cwd(), force = false } = {}) {
  if (!force && !buildIsStale(root)) return 0;
  console.log('Building Errata (first run or changed source)…');
  const build = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  return build.status ?? 1;
}
