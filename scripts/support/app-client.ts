// Drives a running Errata over HTTP as a browser would: signs in, and calls server actions by id.
// Used by the crash-safety test and the benchmarks.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

export interface ActionRef {
  id: string;
  /** A page that imports the action; the POST goes there. */
  page: string;
}

/** The value, or an error naming what was missing (a manifest entry, a demo account). */
export function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`missing ${what}`);
  return value;
}

/** Server actions in the build, by "file#export". */
export function actionManifest(root = process.cwd()): Map<string, ActionRef> {
  return manifestRefs(root, (name) => !name.startsWith('$$'));
}

/**
 * The 'use cache' functions Next registers as server references beside the actions (named
 * $$RSC_SERVER_CACHE_n): reads, never endpoints, so scripts/server.mjs refuses any request naming one.
 */
export function cacheReferences(root = process.cwd()): Map<string, ActionRef> {
  return manifestRefs(root, (name) => name.startsWith('$$RSC_SERVER_CACHE'));
}

function manifestRefs(root: string, keep: (exportedName: string) => boolean): Map<string, ActionRef> {
  const file = path.join(root, '.next', 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as { node: Record<string, ManifestEntry> };
  const byName = new Map<string, ActionRef>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!keep(entry.exportedName)) continue;
    const worker = Object.keys(entry.workers)[0] ?? 'app/page';
    const page = `/${worker.replace(/^app\//, '').replace(/\/?page$/, '')}`.replace(/\[[^\]]+\]/g, '1').replace(/\/\([^)]+\)/g, '');
    byName.set(`${entry.filename}#${entry.exportedName}`, { id, page });
  }
  return byName;
}

/** React's reply encoding for (prevState, formData): the form's entries first, then the root "0". */
export function actionBody(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
  form.append('0', '[{},"$K1"]');
  return form;
}

export interface ActionResult {
  status: number;
  /** Where a successful action redirected to, if it did. */
  redirect: string | null;
  text: string;
}

export async function postAction(base: string, cookie: string, action: ActionRef, fields: Record<string, string>): Promise<ActionResult> {
  const response = await fetch(`${base}${action.page}`, {
    method: 'POST',
    headers: { 'Next-Action': action.id, cookie, accept: 'text/x-component' },
    body: actionBody(fields),
    redirect: 'manual',
  });
  const redirect = response.headers.get('x-action-redirect')?.split(';')[0] ?? null;
  return { status: response.status, redirect, text: await response.text() };
}

/** Signs in with next-auth's credentials endpoint and returns the session cookie. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const csrfCookie = (csrf.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, json: 'true' }),
    redirect: 'manual',
  });
  const session = (response.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('next-auth.session-token='));
  if (!session) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return session;
}

/** The server's heap cap, as `npm start` sets it: the V8 heap collects sooner, so memory stays low. */
export const SERVER_HEAP_MB = 256;

export interface RunningApp {
  base: string;
  child: ChildProcess;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
  /** What the server has printed so far (the last 64 KB). */
  log: () => string;
}

/**
 * Starts the app as `npm start` does, as readers meet it: `node scripts/start.mjs` (which builds
 * when the build is missing or stale, caps the heap and runs scripts/server.mjs, the front server
 * with its guards, CSP hashes and compression), in its own process group, listening on 127.0.0.1
 * as `npm start` binds it; waits for /api/health. (Not HOSTNAME=127.0.0.1: with it, the proxy's rewrites
 * answered 404 on 2 December 2026, every /corrections list and comparison.)
 */
export async function startApp(options: { port: number; databasePath: string; env?: Record<string, string> }): Promise<RunningApp> {
  const base = `http://127.0.0.1:${options.port}`;
  const child = spawn(process.execPath, [path.join('scripts', 'start.mjs')], {
    env: { ...process.env, DATABASE_PATH: options.databasePath, PORT: String(options.port), NEXT_TELEMETRY_DISABLED: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  const keep = (d: Buffer) => {
    log += d;
    if (log.length > 128 * 1024) log = log.slice(-64 * 1024);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // Long enough for start.mjs to rebuild a stale build first.
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited while starting:\n${log}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the app did not start within 10 minutes:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    try {
      process.kill(-(child.pid as number), signal);
    } catch {
      child.kill(signal);
    }
    await exited;
  };
  return { base, child, stop, log: () => log.slice(-64 * 1024) };
}

/**
 * The resident memory of the app's server, in bytes: every process in its group but the
 * launcher (scripts/start.mjs, which only waits for the server).
 */
export function serverRss(app: RunningApp): number {
  const out = execFileSync('ps', ['-o', 'pid=,rss=', '-g', String(app.child.pid)], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
    .filter(([pid, rss]) => pid > 0 && pid !== app.child.pid && rss > 0)
    .reduce((sum, [, rss]) => sum + rss * 1024, 0);
}
