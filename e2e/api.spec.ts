// /api/v1 from the outside, as a CMS calls it. The OpenAPI document the server serves validates;
// every route of the route table (lib/api/routes.ts, the one the document is generated from) is
// called: 401 with no token, 403 with a token lacking its scope, and its success path with one
// that has it — a route added to the table without a case here fails the suite. Then the edges:
// the one error shape for bad input, ETags, pages, rate limits, revoked tokens, the audit trail,
// and a legal version's text absent from every answer.
import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { API_ROUTES, type ApiRouteId } from '../lib/api/routes';
import { actionNamed, callAction, redirectOf } from './support/actions';
import { bearer, type CliToken, revokeFromCli, tokenFromCli } from './support/api-tokens';
import { signInAs } from './support/desk';
import { queryOne } from './support/e2e-db';

const run = Math.random().toString(36).replace(/[^a-z0-9]/g, '').slice(0, 6);
const SECRET = `Alderman Quill${run} took the harbour fees`;

let ingest: CliToken;
let reader: CliToken;
let drafter: CliToken;
let ingestOnly: CliToken;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  ingest = tokenFromCli(`cms-${run}`, ['ingest', 'read']);
  reader = tokenFromCli(`reader-${run}`, ['read']);
  drafter = tokenFromCli(`drafter-${run}`, ['corrections:write', 'read']);
  ingestOnly = tokenFromCli(`ingest-only-${run}`, ['ingest']);
});

const article = (over: Record<string, unknown> = {}) => ({
  headline: `Harbour fees ${run} under review`,
  standfirst: 'The council will look again at mooring charges.',
  byline: 'Api Test',
  section: 'Local',
  canonicalUrl: `https://cms.example/local/harbour-fees-${run}`,
  bodyFormat: 'html',
  body: `<p>Mooring fees rose by <strong>40 per cent</strong> this year.</p><p>${SECRET} in 2025, critics said.</p>`,
  ...over,
});

async function put(request: APIRequestContext, id: string, body: unknown, token: CliToken = ingest) {
  return request.put(`/api/v1/articles/${id}`, { headers: { ...bearer(token), 'content-type': 'application/json' }, data: JSON.stringify(body) });
}

function expectErrorShape(json: { error?: { code?: unknown; status?: unknown; message?: unknown } }, status: number) {
  expect(json.error, JSON.stringify(json)).toBeDefined();
  expect(typeof json.error?.code).toBe('string');
  expect(json.error?.status).toBe(status);
  expect(typeof json.error?.message).toBe('string');
}

test('the served OpenAPI document is valid OpenAPI 3.1 and names every route of the table', async ({ request }) => {
  const response = await request.get('/api/v1/openapi.json');
  expect(response.status()).toBe(200);
  const doc = await response.json();
  const result = await new Validator().validate(doc);
  expect(result.errors ?? []).toEqual([]);
  const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m} ${p}`));
  expect(documented.sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
});

// The external id and correction id the success paths use, made by the earlier cases.
const made = { externalId: `cms-${run}`, correctionId: 0, publishedCorrectionId: 0 };

/** One successful call per route; the keys must be exactly the route table's ids. */
const SUCCESS: Record<ApiRouteId, (request: APIRequestContext) => Promise<void>> = {
  putArticle: async (request) => {
    const created = await put(request, made.externalId, article());
    expect(created.status(), await created.text()).toBe(201);
    const json = await created.json();
    expect(json.outcome).toBe('created');
    expect(json.article.current.body).toContain('Mooring fees rose by **40 per cent** this year.');
    const again = await put(request, made.externalId, article());
    expect((await again.json()).outcome).toBe('unchanged');
    const revised = await put(request, made.externalId, article({ body: `<p>Mooring fees rose by <strong>45 per cent</strong> this year.</p><p>${SECRET} in 2025, critics said.</p>` }));
    expect(revised.status()).toBe(200);
    expect(await revised.json()).toMatchObject({ outcome: 'appended', version: 2, flagged: true });
  },
  getArticle: async (request) => {
    const r = await request.get(`/api/v1/articles/${made.externalId}`, { headers: bearer(reader) });
    expect(r.status()).toBe(200);
    const json = await r.json();
    expect(json.versions.map((v: { number: number; flagged: boolean }) => [v.number, v.flagged])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(json.canonicalUrl).toBe(`https://cms.example/local/harbour-fees-${run}`);
  },
  getVersion: async (request) => {
    const r = await request.get(`/api/v1/articles/${made.externalId}/versions/1`, { headers: bearer(reader) });
    expect(r.status()).toBe(200);
    expect((await r.json()).body).toContain('40 per cent');
  },
  listArticles: async (request) => {
    const first = await request.get('/api/v1/articles?limit=1', { headers: bearer(reader) });
    const page1 = await first.json();
    expect(page1.items).toHaveLength(1);
    expect(page1.next).toMatch(/^\d+$/);
    const page2 = await (await request.get(`/api/v1/articles?limit=1&cursor=${page1.next}`, { headers: bearer(reader) })).json();
    expect(page2.items[0].slug).not.toBe(page1.items[0].slug);
  },
  draftCorrection: async (request) => {
    const r = await request.post(`/api/v1/articles/${made.externalId}/corrections`, {
      headers: { ...bearer(drafter), 'content-type': 'application/json' },
      data: JSON.stringify({ kind: 'correction', wording: 'Mooring fees rose by 45 per cent, not 40.', claims: [{ exact: '45 per cent' }] }),
    });
    expect(r.status(), await r.text()).toBe(201);
    const json = await r.json();
    expect(json).toMatchObject({ kind: 'correction', status: 'draft', url: null });
    made.correctionId = json.id;
  },
  listCorrections: async (request) => {
    const r = await request.get('/api/v1/corrections?limit=5', { headers: bearer(reader) });
    expect(r.status()).toBe(200);
    const json = await r.json();
    expect(json.items.length).toBeGreaterThan(0);
    // Drafts are the desk's: never listed.
    expect(json.items.every((c: { status: string }) => c.status !== 'draft')).toBe(true);
  },
  getCorrection: async (request) => {
    const r = await request.get(`/api/v1/corrections/${made.publishedCorrectionId}`, { headers: bearer(reader) });
    expect(r.status()).toBe(200);
    expect((await r.json()).status).toBe('published');
    // A draft is not readable through the API.
    expect((await request.get(`/api/v1/corrections/${made.correctionId}`, { headers: bearer(reader) })).status()).toBe(404);
  },
  getAnnotation: async (request) => {
    const r = await request.get(`/api/v1/corrections/${made.publishedCorrectionId}/annotation`, { headers: bearer(reader) });
    expect(r.status(), await r.text()).toBe(200);
    const json = await r.json();
    expect(json['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(json.type).toBe('Annotation');
    const selectors = [json.target].flat().flatMap((t: { selector: unknown }) => [t.selector].flat()) as { type: string }[];
    expect(selectors.map((s) => s.type)).toEqual(expect.arrayContaining(['TextQuoteSelector', 'TextPositionSelector']));
  },
  importAns: async (request) => {
    const fixture = fs.readFileSync(path.join(process.cwd(), 'lib/ingest/fixtures/ans-story.json'), 'utf8').replaceAll('QH2V5ZK3JBF7DNGM4XRT6WYLCE', `ANS${run.toUpperCase()}X`);
    const r = await request.post('/api/v1/import/ans', { headers: { ...bearer(ingest), 'content-type': 'application/json' }, data: fixture });
    expect(r.status(), await r.text()).toBe(200);
    const json = await r.json();
    expect(json.errors).toEqual([]);
    expect(json.stories).toEqual([{ externalId: `ANS${run.toUpperCase()}X`, outcome: 'created', versions: 1, corrections: 1 }]);
  },
};

test('every route answers 401 without a token, 403 without its scope, and its success path with it', async ({ request }) => {
  expect(Object.keys(SUCCESS).sort()).toEqual(API_ROUTES.map((r) => r.id).sort());
  // A published correction for the correction routes (the demo newsroom has some).
  made.publishedCorrectionId = queryOne<{ id: number }>("select id from corrections where status = 'published' order by id limit 1").id;
  for (const route of API_ROUTES) {
    const url = `/api/v1${route.path.replace('{externalId}', made.externalId).replace('{number}', '1').replace('{id}', String(made.publishedCorrectionId))}`;
    const send = (headers: Record<string, string>) => request.fetch(url, { method: route.method.toUpperCase(), headers: { ...headers, 'content-type': 'application/json' }, data: route.method === 'get' ? undefined : '{}' });
    const none = await send({});
    expect(none.status(), `${route.id} without a token`).toBe(401);
    expectErrorShape(await none.json(), 401);
    const wrongToken = await send({ authorization: 'Bearer errata_0000000000000000000000000000000000000000000' });
    expect(wrongToken.status(), `${route.id} with an unknown token`).toBe(401);
    const lacking = route.scope === 'read' ? ingestOnly : reader;
    const forbidden = await send(bearer(lacking));
    expect(forbidden.status(), `${route.id} with a token lacking ${route.scope}`).toBe(403);
    expectErrorShape(await forbidden.json(), 403);
  }
  // The article is sent first, so the reads have it to read.
  const ordered = [...API_ROUTES].sort((a, b) => Number(b.id === 'putArticle') - Number(a.id === 'putArticle'));
  for (const route of ordered) await test.step(route.id, () => SUCCESS[route.id](request));
});

test('bad input gets the one error shape, beside its field, and writes nothing', async ({ request }) => {
  const before = queryOne<{ n: number }>('select count(*) as n from versions').n;
  const cases: [unknown, number, string][] = [
    [{ ...article(), headline: '' }, 422, 'headline'],
    [{ ...article(), bodyFormat: 'docx' }, 422, 'bodyFormat'],
    [{ ...article(), canonicalUrl: 'javascript:alert(1)' }, 422, 'canonicalUrl'],
    [{ ...article(), surprise: true }, 422, 'surprise'],
    [{ ...article(), body: '<script>alert(1)</script><iframe src="https://x.example"></iframe>' }, 422, 'body'],
    [['not', 'an', 'object'], 400, 'body'],
  ];
  for (const [body, status, field] of cases) {
    const r = await put(request, `bad-${run}`, body);
    expect(r.status(), JSON.stringify(body).slice(0, 80)).toBe(status);
    const json = await r.json();
    expectErrorShape(json, status);
    if (status === 422 && field !== 'body') expect(Object.keys(json.error.fields ?? {})).toContain(field);
  }
  const notJson = await request.put(`/api/v1/articles/bad-${run}`, { headers: { ...bearer(ingest), 'content-type': 'application/json' }, data: '{"headline":' });
  expect(notJson.status()).toBe(400);
  expectErrorShape(await notJson.json(), 400);
  const badId = await put(request, 'no spaces allowed', article());
  expect(badId.status()).toBe(422);
  const huge = await request.put(`/api/v1/articles/huge-${run}`, { headers: { ...bearer(ingest), 'content-type': 'application/json' }, data: JSON.stringify(article({ body: `<p>${'x'.repeat(1_100_000)}</p>` })) });
  expect(huge.status()).toBe(413);
  expectErrorShape(await huge.json(), 413);
  expect(queryOne<{ n: number }>('select count(*) as n from versions').n).toBe(before);
  const ambiguous = await request.post(`/api/v1/articles/${made.externalId}/corrections`, {
    headers: { ...bearer(drafter), 'content-type': 'application/json' },
    data: JSON.stringify({ kind: 'correction', wording: 'x', claims: [{ exact: 'fees' }, { exact: 'not in the article at all' }] }),
  });
  expect(ambiguous.status()).toBe(422);
  const refused = await ambiguous.json();
  expect(Object.keys(refused.error.fields)).toEqual(['claims.0.exact']);
  expect(refused.error.message).toMatch(/more than once/);
});

test('reads carry an ETag a client can revalidate with', async ({ request }) => {
  const first = await request.get(`/api/v1/articles/${made.externalId}`, { headers: bearer(reader) });
  const etag = first.headers()['etag'];
  expect(etag).toMatch(/^"/);
  expect(first.headers()['cache-control']).toBe('private, no-cache');
  const again = await request.get(`/api/v1/articles/${made.externalId}`, { headers: { ...bearer(reader), 'if-none-match': etag } });
  expect(again.status()).toBe(304);
});

test('a token over its rate is told to wait; a revoked token is refused; every call is audited', async ({ request }) => {
  const slow = tokenFromCli(`slow-${run}`, ['read'], 3);
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await request.get('/api/v1/corrections', { headers: bearer(slow) })).status());
  expect(statuses).toEqual([200, 200, 200, 429, 429]);
  const limited = await request.get('/api/v1/corrections', { headers: bearer(slow) });
  expect(limited.headers()['retry-after']).toBe('60');
  expectErrorShape(await limited.json(), 429);
  const actor = queryOne<{ actor_id: number }>('select actor_id from api_tokens where id = ?', slow.id).actor_id;
  expect(queryOne<{ n: number }>("select count(*) as n from audit_events where actor_id = ? and action = 'api.call'", actor).n).toBe(6);
  expect(queryOne<{ last_used_at: number | null }>('select last_used_at from api_tokens where id = ?', slow.id).last_used_at).not.toBeNull();
  revokeFromCli(reader.id);
  const revoked = await request.get('/api/v1/corrections', { headers: bearer(reader) });
  expect(revoked.status()).toBe(401);
  reader = tokenFromCli(`reader2-${run}`, ['read']);
});

test('a legal version withheld on the desk is withheld from the API too, and the CMS must acknowledge it', async ({ page, request }) => {
  await signInAs(page, 'standards');
  const articleId = queryOne<{ id: number }>('select id from articles where external_id = ?', made.externalId).id;
  const latest = queryOne<{ number: number }>('select max(number) as number from versions where article_id = ?', articleId).number;
  const saved = await callAction(page.request, actionNamed('saveVersionAction'), {
    articleId: String(articleId),
    baseNumber: String(latest),
    changeKind: 'legal',
    note: 'Removed on legal advice',
    withhold: Array.from({ length: latest }, (_, i) => i + 1).join(','),
    legalReason: 'Solicitors’ letter (API test)',
    headline: `Harbour fees ${run} under review`,
    standfirst: 'The council will look again at mooring charges.',
    body: 'Mooring fees rose by **45 per cent** this year.',
  });
  expect(await redirectOf(saved)).toContain(`saved=${latest + 1}`);
  const secretWord = `Quill${run}`;
  for (const url of [`/api/v1/articles/${made.externalId}`, ...Array.from({ length: latest + 1 }, (_, i) => `/api/v1/articles/${made.externalId}/versions/${i + 1}`), '/api/v1/articles?limit=100', '/api/v1/corrections?limit=100']) {
    const r = await request.get(url, { headers: bearer(reader) });
    expect(r.status(), url).toBe(200);
    expect(await r.text(), url).not.toContain(secretWord);
  }
  const one = await (await request.get(`/api/v1/articles/${made.externalId}/versions/1`, { headers: bearer(reader) })).json();
  expect(one).toMatchObject({ withheld: true, body: null, headline: null, standfirst: null });
  // The CMS still has the old text: its next revision is refused until it says it removed the words.
  const stale = await put(request, made.externalId, article());
  expect(stale.status()).toBe(409);
  expect(Object.keys((await stale.json()).error.fields)).toEqual(['acknowledgeLegalVersion']);
  // Acknowledging the legal version does not let the withheld words back in.
  const resent = await put(request, made.externalId, article({ acknowledgeLegalVersion: latest + 1 }));
  expect(resent.status()).toBe(409);
  expect(Object.keys((await resent.json()).error.fields)).toEqual(['body']);
  const cleaned = await put(request, made.externalId, article({ body: '<p>Mooring fees rose by <strong>45 per cent</strong> this year, the council said.</p>', acknowledgeLegalVersion: latest + 1 }));
  expect(cleaned.status(), await cleaned.text()).toBe(200);
});
