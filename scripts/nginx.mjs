// Runs nginx as a caching reverse proxy in front of Errata, from deploy/nginx/errata.conf.template:
// renders the template into a prefix directory (pid, logs, temp files and the cache all inside it),
// then starts `nginx -p PREFIX -c CONF -g 'daemon off;'` as a child. Works as root (workers run as
// www-data, or nobody) and as any other user. The cache starts empty every time: the app's record
// of which paths it served (for purging) does not survive a restart either.
//
//   node scripts/nginx.mjs --port 8080 --upstream 3000 [--prefix DIR]   (--upstream 3000,3001: several app servers)
//
// or, from code (tests, benchmarks): `const nginx = await startNginx({ listenPort, upstreamPort }); … await nginx.stop();`
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const TEMPLATE = path.join(root, 'deploy', 'nginx', 'errata.conf.template');
const MODULE = 'ngx_http_cache_purge_module.so';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function moduleIn(dir) {
  const file = path.join(dir, MODULE);
  return fs.existsSync(file) ? file : null;
}

/** nginx and the cache purge module, installed with apt-get when missing and `install` is set (root only). */
export function findNginx({ install = false } = {}) {
  const binaries = () => [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx'].filter(Boolean);
  const modules = () => moduleIn(process.env.NGINX_MODULES_DIR ?? '/usr/lib/nginx/modules');
  let binary = binaries().find((p) => fs.existsSync(p));
  let purgeModule = modules();
  if ((!binary || !purgeModule) && install && isRoot() && fs.existsSync('/usr/bin/apt-get')) {
    console.log('nginx or its cache purge module is missing: installing Debian\'s nginx and libnginx-mod-http-cache-purge with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'nginx', 'libnginx-mod-http-cache-purge'], { stdio: 'inherit', env });
    binary = binaries().find((p) => fs.existsSync(p));
    purgeModule = modules();
  }
  if (!binary || !purgeModule) {
    return { binary: null, purgeModule: null, problem: 'nginx with the cache purge module was not found. Install them (Debian/Ubuntu: `sudo apt-get install -y nginx libnginx-mod-http-cache-purge`) or set NGINX_PATH and NGINX_MODULES_DIR.' };
  }
  return { binary, purgeModule, problem: null };
}

function workerUser() {
  const passwd = fs.existsSync('/etc/passwd') ? fs.readFileSync('/etc/passwd', 'utf8') : '';
  for (const name of ['www-data', 'nobody']) {
    const line = passwd.split('\n').find((l) => l.startsWith(`${name}:`));
    if (line) {
      const [, , uid, gid] = line.split(':');
      return { name, uid: Number(uid), gid: Number(gid) };
    }
  }
  return null;
}

/** The app servers' ports: one, or several (a list, or "3000,3001"); each a port number. */
export function upstreamPorts(upstreamPort) {
  const ports = (Array.isArray(upstreamPort) ? upstreamPort : String(upstreamPort).split(',')).map((p) => Number(String(p).trim()));
  if (ports.length === 0 || ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) throw new Error(`upstream ports must be port numbers, not ${JSON.stringify(upstreamPort)}`);
  return ports;
}

/** The config text for these settings (exported for tests and for a system install). */
export function renderNginxConfig({ listenPort, upstreamPort, prefix, purgeModule, user = null, staticDir = null, accessLog = false }) {
  const mime = fs.existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : 'types { text/html html; text/css css; application/javascript js; application/json json; }';
  const staticLocation = staticDir
    ? `    # Benchmarks only: files served by nginx itself, for comparison.\n    location ^~ /__static/ {\n      alias ${staticDir}/;\n    }\n`
    : '';
  const values = {
    module: purgeModule,
    user: user ? `user ${user};` : '',
    prefix,
    listen: `127.0.0.1:${listenPort}`,
    upstream_servers: upstreamPorts(upstreamPort)
      .map((port) => `    server 127.0.0.1:${port};`)
      .join('\n'),
    mime_types: mime,
    access_log: accessLog ? `access_log ${prefix}/logs/access.log;` : 'access_log off;',
    static_location: staticLocation,
  };
  return fs.readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`unknown placeholder {{${key}}} in ${TEMPLATE}`);
    return values[key];
  });
}

function waitForPort(port, child, errorLog, timeoutMs = 10_000) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    let exited = null;
    child.once('exit', (code) => (exited = code ?? -1));
    const attempt = () => {
      if (exited !== null) {
        const log = fs.existsSync(errorLog) ? fs.readFileSync(errorLog, 'utf8').trim().split('\n').slice(-5).join('\n') : '';
        return reject(new Error(`nginx exited (${exited}) before listening on ${port}\n${log}`));
      }
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() - started > timeoutMs) reject(new Error(`nginx did not listen on ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Starts nginx on 127.0.0.1:listenPort in front of the app on 127.0.0.1:upstreamPort (a port, or a
 * list of them for several app servers on one database).
 * `prefix`: a directory to keep its files in (a new temporary one by default, removed by stop()).
 * `staticDir`: also serve that directory's files under /__static/ (benchmarks).
 */
export async function startNginx({ listenPort, upstreamPort, prefix, staticDir = null, accessLog = false, install = false }) {
  const { binary, purgeModule, problem } = findNginx({ install });
  if (problem) throw new Error(problem);
  const temporary = !prefix;
  const dir = path.resolve(prefix ?? fs.mkdtempSync(path.join(os.tmpdir(), 'errata-nginx-')));
  fs.rmSync(path.join(dir, 'cache'), { recursive: true, force: true });
  for (const sub of ['logs', 'cache', 'temp', 'temp/body', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  let user = null;
  if (isRoot()) {
    // The master stays root; workers drop to an unprivileged account, which must reach the prefix.
    const account = workerUser();
    if (account) {
      user = account.name;
      fs.chmodSync(dir, 0o755);
      for (const sub of ['cache', 'temp', 'temp/body', 'temp/proxy', 'temp/fastcgi', 'temp/uwsgi', 'temp/scgi']) fs.chownSync(path.join(dir, sub), account.uid, account.gid);
    } else user = 'root';
  }
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(conf, renderNginxConfig({ listenPort, upstreamPort, prefix: dir, purgeModule, user, staticDir: staticDir ? path.resolve(staticDir) : null, accessLog }));
  const errorLog = path.join(dir, 'logs', 'error.log');
  // -e: the error log before the config is read (otherwise nginx tries /var/log/nginx first).
  const child = spawn(binary, ['-p', dir, '-c', conf, '-e', errorLog, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    await waitForPort(listenPort, child, errorLog);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  let stopping = null;
  return {
    prefix: dir,
    url: `http://127.0.0.1:${listenPort}`,
    pid: child.pid,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          // SIGQUIT: finish the requests in flight, then exit; SIGKILL if that takes too long.
          child.kill('SIGQUIT');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        if (temporary) fs.rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

function argument(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

async function main() {
  const listenPort = Number(argument('port', process.env.NGINX_PORT ?? 8080));
  const upstreamPort = argument('upstream', process.env.PORT ?? '3000');
  const prefix = argument('prefix', undefined);
  try {
    const nginx = await startNginx({ listenPort, upstreamPort, prefix, accessLog: process.argv.includes('--access-log'), install: process.argv.includes('--install') });
    console.log(`nginx is serving on ${nginx.url}, caching the app on ${upstreamPorts(upstreamPort).map((p) => `127.0.0.1:${p}`).join(', ')} (files in ${nginx.prefix})`);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => nginx.stop().then(() => process.exit(0)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

// No top-level await: benchmarks load this file from CommonJS.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
