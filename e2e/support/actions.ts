// Finds every server action and desk route handler by scanning the code, and calls them as an outsider would.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { actionBody, type ActionRef } from '../../scripts/support/app-client';

export { actionManifest } from '../../scripts/support/app-client';

export type Role = 'editor' | 'standards' | 'admin';
const RANK: Record<Role, number> = { editor: 1, standards: 2, admin: 3 };

export interface ScannedAction {
  file: string;
  name: string;
  /** The lowest role the action admits, read from its requireRole call; null when it is public. */
  role: Role | null;
}

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

export function scanServerActions(root = process.cwd()): ScannedAction[] {
  const files = [...walk(path.join(root, 'app')), ...walk(path.join(root, 'components'))];
  return files.flatMap((full) => {
    const source = fs.readFileSync(full, 'utf8');
    if (!/^\s*(\/\/[^\n]*\n\s*)*['"]use server['"]/.test(source)) return [];
    const file = path.relative(root, full).split(path.sep).join('/');
    const starts = [...source.matchAll(/export async function (\w+)/g)];
    return starts.map((match, i) => {
      const body = source.slice(match.index, starts[i + 1]?.index ?? source.length);
      if (/\/\/ access: public/.test(body)) return { file, name: match[1], role: null };
      const roles = [...body.matchAll(/requireRole(?:For)?\(([^;]*)/g)].flatMap((m) => [...m[1].matchAll(/'(editor|standards|admin)'/g)].map((r) => r[1] as Role));
      if (roles.length === 0) throw new Error(`${file} ${match[1]} neither calls requireRole nor says "// access: public"`);
      return { file, name: match[1], role: roles.sort((a, b) => RANK[a] - RANK[b])[0] };
    });
  });
}

export interface ScannedRoute {
  file: string;
  url: string;
  methods: string[];
}

/** Route handlers under the desk (app/desk/** and app/api/desk/**), with a concrete URL for each. */
export function scanDeskRoutes(root = process.cwd()): ScannedRoute[] {
  const dirs = [path.join(root, 'app', 'desk'), path.join(root, 'app', 'api', 'desk')].filter((d) => fs.existsSync(d));
  return dirs.flatMap(walk).flatMap((full) => {
    if (!/route\.ts$/.test(full)) return [];
    const source = fs.readFileSync(full, 'utf8');
    const methods = [...source.matchAll(/export (?:async )?function (GET|POST|PUT|PATCH|DELETE)/g)].map((m) => m[1]);
    const rel = path.relative(path.join(root, 'app'), path.dirname(full)).split(path.sep).join('/');
    const url = `/${rel}`.replace(/\[[^\]]+\]/g, '1').replace(/\/\([^)]+\)/g, '');
    return [{ file: path.relative(root, full), url, methods }];
  });
}

/** Calls a server action the way React's client does: [prevState, formData] encoded as a reply. */
export async function callAction(request: APIRequestContext, action: ActionRef, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return request.post(action.page, { headers: { 'Next-Action': action.id, ...headers }, multipart: actionBody(fields), maxRedirects: 0 });
}

/** A digest of every row of every table that holds the record (throttle counters and the derived search index excluded). */
export function fingerprint(databasePath: string): string {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not in ('throttle_events', 'sessions', '__drizzle_migrations') and name not like 'article_search%' order by name")
      .all() as { name: string }[];
    const hash = createHash('sha256');
    for (const { name } of tables) hash.update(name).update(JSON.stringify(db.prepare(`select * from "${name}" order by rowid`).all()));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
