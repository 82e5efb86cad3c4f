// Actions × roles × field shapes: every desk server action (found by scanning the code, checked
// against the build's manifest) is called anonymously and as each role, with its valid fields and
// with each field duplicated, each required field missing, each field oversized and an unknown
// field added. A call is accepted (it really writes) exactly when the role table allows the caller
// and the shape is valid; otherwise it is refused with a 4xx (400 for a repeated field, 401, 403,
// and 422 with field errors and no redirect for a signed-in caller's invalid field), and the
// whole-database fingerprint is unchanged. Runs last (its own project): it compares fingerprints.
import { type APIRequestContext, expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { actionFixtures, type ValidCall } from './support/action-fixtures';
import { actionManifest, allows, callActionEntries, type Role, type ScannedAction, scanDeskRoutes, scanServerActions } from './support/actions';
import { e2eStore, fingerprint } from './support/e2e-db';
import { can } from '../lib/roles';
import { newSession } from './support/desk';
import { extraFieldShape, invalidShapes, type Shape, validShape } from './support/field-shapes';

const CALLERS = [null, 'editor', 'standards', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

test.describe.configure({ mode: 'serial' });

const actions = scanServerActions().filter((a) => a.role !== null);
const manifest = actionManifest();
let tried = 0;
let accepted = 0;

/**
 * "Did anyone write?": the record's fingerprint against the one at reset. On SQLite the file's
 * data_version (it moves when another connection commits) saves taking it when nothing committed.
 */
class WriteWatch {
  private store = e2eStore();
  private db = this.store.kind === 'sqlite' ? new Database(this.store.path, { readonly: true }) : null;
  private version = this.current();
  private base = fingerprint();
  private current(): number | null {
    return this.db ? (this.db.pragma('data_version', { simple: true }) as number) : null;
  }
  reset() {
    this.version = this.current();
    this.base = fingerprint();
  }
  /** True when the record changed since reset (throttle counters and the search index aside). */
  changed(): boolean {
    const version = this.current();
    if (version !== null && version === this.version) return false;
    this.version = version;
    return fingerprint() !== this.base;
  }
  close() {
    this.db?.close();
  }
}

let sessions: Record<Exclude<Caller, null>, APIRequestContext>;
let anonymous: APIRequestContext;
let closers: (() => Promise<void>)[] = [];

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  const opened = await Promise.all((['editor', 'standards', 'admin'] as const).map((role) => newSession(browser, role)));
  sessions = { editor: opened[0].page.request, standards: opened[1].page.request, admin: opened[2].page.request };
  anonymous = await playwright.request.newContext({ baseURL });
  closers = [...opened.map((s) => () => s.context.close()), () => anonymous.dispose()];
});

test.afterAll(async () => {
  for (const close of closers) await close();
  console.log(`action invariants: ${tried} calls (${accepted} accepted) over ${actions.length} actions × ${CALLERS.length} callers × field shapes`);
});

test('the suite covers every server action the build knows of', () => {
  const scanned = new Set(scanServerActions().map((a) => `${a.file}#${a.name}`));
  for (const key of manifest.keys()) expect(scanned, `${key} was not found by the scan`).toContain(key);
  for (const key of scanned) expect(manifest.has(key), `${key} is not in the build`).toBe(true);
  const fixtures = actionFixtures(sessions.admin);
  for (const action of actions) expect(Object.keys(fixtures), `${action.name} has no valid fields in e2e/support/action-fixtures.ts`).toContain(action.name);
});

async function attempt(action: ScannedAction, caller: Caller, shape: Shape, watch: WatchLike, fields: Record<string, string>) {
  const ref = manifest.get(`${action.file}#${action.name}`)!;
  const request = caller ? sessions[caller] : anonymous;
  const response = await callActionEntries(request, ref, shape.entries);
  const status = response.status();
  const label = `${action.name} as ${caller ?? 'anonymous'} with ${shape.name} → ${status}`;
  tried++;
  const allowed = allows(action, caller as Role | null, fields);
  const wrote = watch.changed();
  expect(status, label).toBeLessThan(500);
  if (allowed && shape.valid) {
    accepted++;
    expect(status, label).toBeLessThan(400);
    expect(wrote, `${label}: the role table allows it, but nothing was written`).toBe(true);
    return;
  }
  expect(wrote, `${label}: refused calls must change nothing`).toBe(false);
  const twice = shape.name.endsWith('twice');
  // Refused before the form is parsed: a repeated field (the proxy, 400), nobody signed in (401), a
  // fixed permission the caller lacks (403). A permission read from the parsed value (the change
  // kind) is checked after parsing: 403 for a valid form, the form's field errors otherwise.
  const expected = twice ? 400 : !caller ? 401 : !action.byChangeKind && !allowed ? 403 : shape.valid ? 403 : null;
  if (expected !== null) {
    expect(status, label).toBe(expected);
  } else {
    // A signed-in caller's bad field comes back as the form's field errors with a 422, not a redirect.
    expect(response.headers()['x-action-redirect'], label).toBeUndefined();
    expect(status, label).toBe(422);
  }
}
type WatchLike = Pick<WriteWatch, 'changed'>;

/** A deterministic sample (same seed, same picks), so a failure can be rerun. */
function sample<T>(items: T[], count: number, seed: number): T[] {
  let state = (seed * 2654435761) >>> 0;
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) {
    state = (state * 1664525 + 1013904223) >>> 0;
    picked.push(pool.splice(state % pool.length, 1)[0]);
  }
  return picked;
}

for (const action of actions) {
  test(`${action.name}: accepted exactly when the role table says so, for every caller and field shape`, async () => {
    test.setTimeout(120_000);
    const fixtures = actionFixtures(sessions.admin)[action.name];
    const watch = new WriteWatch();
    try {
      for (const [index, [variant, fixture]] of Object.entries(fixtures).entries()) {
        const first = index === 0;
        for (const caller of CALLERS) {
          let call: ValidCall = await fixture();
          watch.reset();
          const allowed = allows(action, caller as Role | null, call.fields);
          // Every shape where the shape decides (the caller gets past the checks made before parsing),
          // on an action's first variant; elsewhere a seeded sample (the refusal comes first anyway).
          const shapes = invalidShapes(call);
          const full = first && caller !== null && (action.byChangeKind || allowed);
          for (const shape of full ? shapes : sample(shapes, 3, tried)) await attempt(action, caller, shape, watch, call.fields);
          await attempt(action, caller, extraFieldShape(call), watch, call.fields);
          if (allowed) {
            // The last call wrote: the valid call needs fresh things to act on.
            call = await fixture();
            watch.reset();
          }
          await attempt(action, caller, validShape(call), watch, call.fields);
          test.info().annotations.push({ type: 'combination', description: `${action.name} [${variant}] as ${caller ?? 'anonymous'}` });
        }
      }
    } finally {
      watch.close();
    }
  });
}

test('every desk route handler refuses callers the role table does not allow, and changes nothing', async () => {
  const watch = new WriteWatch();
  try {
    for (const route of scanDeskRoutes()) {
      for (const method of route.methods) {
        for (const caller of CALLERS) {
          if (caller && can(caller, route.permission)) continue;
          const response = await (caller ? sessions[caller] : anonymous).fetch(route.url, { method, maxRedirects: 0, data: { unexpectedField: 'x' } });
          tried++;
          expect(response.status(), `${method} ${route.url} as ${caller ?? 'anonymous'}`).toBe(caller ? 403 : 401);
          expect(watch.changed(), `${method} ${route.url}`).toBe(false);
        }
      }
    }
  } finally {
    watch.close();
  }
  test.info().annotations.push({ type: 'combinations', description: `${tried} calls, ${accepted} accepted, over ${actions.length} server actions and ${scanDeskRoutes().length} desk route handlers` });
});
