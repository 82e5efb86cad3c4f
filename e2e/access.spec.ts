// Every desk server action and route handler, found by scanning the code, refuses the anonymous and
// the under-privileged, and leaves the database exactly as it was. Runs after the other specs
// (its own Playwright project) so nothing else writes while it compares the database.
import { expect, request as playwrightRequest, test } from '@playwright/test';
import { actionManifest, allows, cacheReferences, callAction, scanDeskRoutes, scanServerActions } from './support/actions';
import { fingerprint, queryAll, queryOne } from './support/e2e-db';
import { signInAs } from './support/desk';

/** Fields that would make each action do real work if it let the caller through. */
function probeFields(): Record<string, string> {
  const article = queryOne("select id from articles where status = 'published' order by id limit 1") as { id: number };
  const latest = queryOne('select max(number) as n from versions where article_id = ?', article.id) as { n: number };
  const user = queryOne("select id from users where role = 'editor' order by id limit 1") as { id: number };
  const correction = queryOne("select id from corrections where status = 'draft' order by id limit 1") as { id: number } | undefined;
  const report = queryOne("select id from reports order by id limit 1") as { id: number } | undefined;
  const column = queryOne("select id from columns order by id limit 1") as { id: number } | undefined;
  const stamp = Date.now().toString(36);
  return {
    articleId: String(article.id),
    baseNumber: String(latest.n),
    slug: `access-probe-${stamp}`,
    section: 'Local',
    byline: 'Probe',
    headline: 'Access probe',
    standfirst: 'Should never be saved',
    body: 'This text must never reach the database.',
    changeKind: 'legal',
    note: 'probe',
    withhold: '1',
    legalReason: 'probe',
    reason: 'probe reason',
    userId: String(user.id),
    role: 'admin',
    disabled: 'true',
    email: `probe-${stamp}@example.org`,
    name: 'Probe',
    password: 'a long enough probe password',
    correctionId: String(correction?.id ?? 1),
    reportId: String(report?.id ?? 1),
    columnId: String(column?.id ?? 1),
    kind: 'correction',
    mode: 'notice',
    wording: 'Probe wording',
  };
}

test.describe('access control on every desk endpoint', () => {
  const actions = scanServerActions();
  const manifest = actionManifest();

  test('the scan finds every server action the build knows of, and each asks the role table or says it is public', () => {
    expect(actions.length).toBeGreaterThan(0);
    const scanned = new Set(actions.map((a) => `${a.file}#${a.name}`));
    for (const key of manifest.keys()) expect(scanned, `${key} was not found by the scan`).toContain(key);
    for (const key of scanned) expect(manifest.has(key), `${key} is not in the build`).toBe(true);
  });

  test("the build's 'use cache' functions, which Next registers as server references, cannot be called as actions", async ({ page }) => {
    const references = [...cacheReferences().entries()];
    // Every cached read of app/(cache)/reads.ts and the feeds and sitemaps is one.
    expect(references.length).toBeGreaterThan(10);
    await signInAs(page, 'admin');
    const before = fingerprint();
    for (const client of [page.request, await playwrightRequest.newContext({ baseURL: test.info().project.use.baseURL })]) {
      for (const [key, ref] of references) {
        // A caller would choose the arguments: a slug, a filter object, anything JSON can say.
        const response = await client.post(ref.page, { headers: { 'Next-Action': ref.id }, multipart: { '0': JSON.stringify(['local-elections-results', '$K1']), '1_x': 'y' }, maxRedirects: 0 });
        expect(response.status(), key).toBe(400);
        expect(await response.text(), key).toContain('not one of the desk’s forms');
        // The same without JavaScript: a form that names the reference in its fields.
        const byField = await client.post(ref.page, { multipart: { [`$ACTION_ID_${ref.id}`]: '', slug: 'local-elections-results' }, maxRedirects: 0 });
        expect(byField.status(), `${key} by $ACTION_ID_`).toBe(400);
        const byRef = await client.post(ref.page, { multipart: { '$ACTION_REF_1': '', '$ACTION_1:0': JSON.stringify({ id: ref.id, bound: null }), '$ACTION_1:1': '[]' }, maxRedirects: 0 });
        expect(byRef.status(), `${key} by $ACTION_REF_`).toBe(400);
      }
    }
    expect(fingerprint()).toBe(before);
  });

  test('anonymous calls to every server action are refused and change nothing', async ({ request }) => {
    const fields = probeFields();
    const before = fingerprint();
    for (const action of actions.filter((a) => a.role !== null)) {
      const target = manifest.get(`${action.file}#${action.name}`);
      expect(target, action.name).toBeTruthy();
      const response = await callAction(request, target!, fields);
      expect(response.status(), `${action.name}`).toBe(401);
    }
    expect(fingerprint()).toBe(before);
  });

  test('calls the role table does not allow are refused with a 403 and change nothing', async ({ page }) => {
    const fields = probeFields();
    for (const role of ['editor', 'standards'] as const) {
      await page.context().clearCookies();
      await signInAs(page, role);
      // Taken after signing in: a sign-in is itself on the record.
      const before = fingerprint();
      for (const action of actions.filter((a) => a.role !== null && !allows(a, role, fields))) {
        const response = await callAction(page.request, manifest.get(`${action.file}#${action.name}`)!, fields);
        expect(response.status(), `${action.name} as ${role}`).toBe(403);
      }
      if (role === 'editor') {
        // An editor may save versions, but not a legal one.
        const save = actions.find((a) => a.name === 'saveVersionAction')!;
        const response = await callAction(page.request, manifest.get(`${save.file}#${save.name}`)!, { ...fields, changeKind: 'legal' });
        expect(response.status()).toBe(403);
      }
      expect(fingerprint()).toBe(before);
    }
  });

  test('every desk route handler refuses the anonymous and changes nothing', async ({ request }) => {
    const before = fingerprint();
    for (const route of scanDeskRoutes()) {
      for (const method of route.methods) {
        const response = await request.fetch(route.url, { method, maxRedirects: 0, data: probeFields() });
        expect([401, 403, 307, 308], `${method} ${route.url}`).toContain(response.status());
      }
    }
    expect(fingerprint()).toBe(before);
  });

  test('a server action posted with a forged Origin is refused', async ({ page }) => {
    await signInAs(page, 'editor');
    const before = fingerprint();
    const create = actions.find((a) => a.name === 'createArticleAction')!;
    const fields = { ...probeFields(), changeKind: 'update' };
    const response = await callAction(page.request, manifest.get(`${create.file}#${create.name}`)!, fields, { Origin: 'https://attacker.example' });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(fingerprint()).toBe(before);
  });
});

test.describe('the published record through server actions', () => {
  test('no server action rewrites or deletes a published correction; withdrawal keeps its words', async ({ page }) => {
    const actions = scanServerActions();
    const manifest = actionManifest();
    expect(actions.filter((a) => /delete|remove|destroy/i.test(a.name))).toEqual([]);
    const row = queryOne<{ id: number }>("select id from corrections where status = 'published' order by id limit 1");
    const snapshot = () =>
      JSON.stringify([
        queryOne('select kind, mode, wording, article_id, published_at, published_by, amended_version_id from corrections where id = ?', row.id),
        queryAll('select exact, prefix, suffix, start, "end", replacement, version_id from claims where correction_id = ? order by position', row.id),
      ]);
    const before = snapshot();
    await signInAs(page, 'admin');
    const fields = { ...probeFields(), correctionId: String(row.id), wording: 'Quietly rewritten.', replacement0: 'rewritten', kind: 'clarification', mode: 'notice', reason: '', changeKind: 'update', role: 'editor', disabled: 'false' };
    for (const action of actions.filter((a) => a.role !== null)) {
      const response = await callAction(page.request, manifest.get(`${action.file}#${action.name}`)!, fields);
      expect(response.status(), action.name).toBeLessThan(500);
    }
    expect(snapshot()).toBe(before);
  });
});
