// Finds every server action and desk route handler by scanning the code, reads who may call each
// from the one role table (lib/roles.ts), and calls them as an outsider would.
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { can, PERMISSIONS, type Permission, rolesFor, versionPermission } from '../../lib/roles';
import { actionBody, actionManifest, type ActionRef, cacheReferences } from '../../scripts/support/app-client';
import { EXPIRE_AGAIN_AFTER_MS } from '../../scripts/support/shared-invalidations.mjs';

export { actionManifest, cacheReferences };

export type Role = 'editor' | 'standards' | 'admin';

export interface ScannedAction {
  file: string;
  name: string;
  /** The permission the action asks the role table for; null when public or when it depends on the change kind. */
  permission: Permission | null;
  /** True when the permission is read from the parsed change kind (versionPermission). */
  byChangeKind: boolean;
  /** The lowest role the role table admits to the action; null when it is public. */
  role: Role | null;
}

/** Whether the role table lets this role make this call (with these fields, for a change-kind action). */
export function allows(action: ScannedAction, role: Role | null, fields: Record<string, string> = {}): boolean {
  if (action.role === null) return true;
  if (role === null) return false;
  if (action.byChangeKind) {
    const kind = fields.changeKind;
    return VERSION_KINDS.includes(kind as never) && can(role, versionPermission(kind as (typeof VERSION_KINDS)[number]));
  }
  return action.permission !== null && can(role, action.permission);
}

const VERSION_KINDS = ['update', 'correction', 'clarification', 'minor_edit', 'legal'] as const;

function lowest(permissions: Permission[]): Role | null {
  const roles = permissions.flatMap((p) => rolesFor(p).slice(0, 1));
  return roles.sort((a, b) => RANK[a] - RANK[b])[0] ?? null;
}
const RANK: Record<Role, number> = { editor: 1, standards: 2, admin: 3 };

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
    return starts.map((match, i): ScannedAction => {
      const body = source.slice(match.index, starts[i + 1]?.index ?? source.length);
      if (/\/\/ access: public/.test(body)) return { file, name: match[1], permission: null, byChangeKind: false, role: null };
      // Every desk action asks the one role table through authorize(formData, schema, needs).
      const fixed = /authorize\(\s*formData\s*,\s*\w+\s*,\s*'([\w.]+)'/.exec(body);
      if (fixed) {
        if (!PERMISSIONS.includes(fixed[1] as Permission)) throw new Error(`${file} ${match[1]} asks for an unknown permission ${fixed[1]}`);
        const permission = fixed[1] as Permission;
        return { file, name: match[1], permission, byChangeKind: false, role: lowest([permission]) };
      }
      if (/authorize\(\s*formData\s*,\s*\w+\s*,\s*\(\w+\)\s*=>\s*versionPermission\(/.test(body)) {
        return { file, name: match[1], permission: null, byChangeKind: true, role: lowest(VERSION_KINDS.map(versionPermission)) };
      }
      throw new Error(`${file} ${match[1]} neither calls authorize(formData, schema, permission) nor says "// access: public"`);
    });
  });
}

export interface ScannedRoute {
  file: string;
  url: string;
  methods: string[];
  /** The permission the handler asks the role table for (requirePermission('…')). */
  permission: Permission;
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
    const asked = /requirePermission\('([\w.]+)'\)/.exec(source)?.[1];
    if (!asked || !PERMISSIONS.includes(asked as Permission)) throw new Error(`${path.relative(root, full)} must authorize through requirePermission('…') from the role table`);
    return [{ file: path.relative(root, full), url, methods, permission: asked as Permission }];
  });
}

/** Calls a server action the way React's client does: [prevState, formData] encoded as a reply. */
export async function callAction(request: APIRequestContext, action: ActionRef, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return request.post(action.page, { headers: { 'Next-Action': action.id, ...headers }, multipart: actionBody(fields), maxRedirects: 0 });
}

/** Like callAction, but with the form's entries as a list, so a field can be sent twice. */
export async function callActionEntries(request: APIRequestContext, action: ActionRef, entries: [string, string][]) {
  const form = new FormData();
  for (const [key, value] of entries) form.append(`_1_${key}`, value);
  form.append('0', '[{},"$K1"]');
  return request.post(action.page, { headers: { 'Next-Action': action.id }, multipart: form, maxRedirects: 0 });
}

/** A server action of the build by its export name (each name is used once in the app). */
export function actionNamed(name: string): ActionRef {
  const found = [...actionManifest().entries()].find(([key]) => key.endsWith(`#${name}`));
  if (!found) throw new Error(`no server action named ${name} in the build`);
  return found[1];
}

/** The path a server action redirected to, if it did. */
export async function redirectOf(response: { headers(): Record<string, string>; text(): Promise<string> }): Promise<string | null> {
  const header = response.headers()['x-action-redirect'];
  if (header) return header.split(';')[0];
  return null;
}

/**
 * Waits out a write's later re-expiries of its tags (EXPIRE_AGAIN_AFTER_MS, app/(cache)/invalidate.ts),
 * so that what a test caches next stays cached unless the write it is watching drops it.
 */
export function settleReExpiries(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(...EXPIRE_AGAIN_AFTER_MS) + 500));
}
