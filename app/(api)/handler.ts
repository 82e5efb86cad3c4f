// Every /api/v1 route handler, built from its row of the route table (lib/api/routes.ts): the
// bearer token (401), its scope (403) and its rate limit (429) first, then the input parsed once
// with the route's own schemas (400/422), then the service, whose refusals (the one typed error)
// keep their codes. Every answer has the one error shape, an ETag on reads, and each call is
// audited against the token's account. A store that cannot be reached, at any step, is a 503 with
// Retry-After, not an empty 500.
import 'server-only';
import type { z } from 'zod';
import { matchingValidator, strongEtag } from '@/scripts/support/http-cache.mjs';
import { findLiveToken, touchToken, type AuthenticatedToken } from '@/db/queries/api-tokens';
import { recordAudit } from '@/db/queries/audit';
import { getDb } from '@/db/index';
import { countRecentAttempts, countThenRecord, recordAttempt } from '@/db/queries/throttle';
import { bearerSecret, hasScope, SCOPE_PERMISSIONS } from '@/lib/api/tokens';
import { type ApiErrorBody, problem, problemFromError, problemFromZod } from '@/lib/api/problem';
import { MISSING_API_FIELD_MESSAGE, missingFieldError } from '@/lib/form-fields';
import { apiRoute, type ApiRoute, type ApiRouteId } from '@/lib/api/routes';
import { REQUEST_MAX_BYTES } from '@/lib/api/schemas';
import { ErrataError, refusalFromDatabase, storeUnavailable, UNAVAILABLE_RETRY_SECONDS } from '@/lib/errors';
import { logIfUnavailable } from './unavailable';
import { can, type Permission } from '@/lib/roles';
import { addressGroup } from '@/lib/net/client-address';
import { clientIp } from '@/app/(auth)/client-ip';

const MINUTE = 60_000;
/** Calls with a missing or wrong token one address may make in a minute before it is told to wait. */
export const UNAUTHENTICATED_PER_MINUTE = 60;

export interface ApiContext<P, Q, B> {
  request: Request;
  token: AuthenticatedToken;
  params: P;
  query: Q;
  body: B;
  ip: string;
  /** Whether this token may use a permission: its scopes grant it and the role table allows it to the token's account. */
  allows: (permission: Permission) => boolean;
}

export interface ApiAnswer {
  status?: 200 | 201;
  json: unknown;
  headers?: Record<string, string>;
  /** What the audit row records of the call besides its route and status. */
  audit?: Record<string, unknown>;
}

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-cache', ...headers } });
}

function refusal(body: ApiErrorBody, headers: Record<string, string> = {}): Response {
  return json(body.error.status, body, headers);
}

/** The store unavailable (lib/errors.ts storeUnavailable): logged in one line with the driver's error, answered 503. */
function unavailable(route: ApiRoute, error: ErrataError, headers: Record<string, string> = {}): Response {
  logIfUnavailable(route.id, error);
  return refusal(problemFromError(error), { ...headers, 'retry-after': String(UNAVAILABLE_RETRY_SECONDS) });
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) return { ok: false, response: refusal(problem('bad_request', 'Send the body as JSON, with Content-Type: application/json.', { body: ['Expected application/json.'] })) };
  const buffer = Buffer.from(await request.arrayBuffer());
  if (buffer.length > REQUEST_MAX_BYTES) return { ok: false, response: refusal(problem('too_large', `The body is over ${REQUEST_MAX_BYTES / 1024 / 1024} MB.`)) };
  try {
    return { ok: true, value: JSON.parse(buffer.toString('utf8')) };
  } catch {
    return { ok: false, response: refusal(problem('bad_request', 'The body is not valid JSON.', { body: ['Not valid JSON.'] })) };
  }
}

function parse<S extends z.ZodType | undefined>(schema: S, value: unknown, where: 'body' | 'query' | 'path'): { ok: true; data: Infer<S> } | { ok: false; response: Response } {
  if (!schema) return { ok: true, data: undefined as Infer<S> };
  const parsed = schema.safeParse(value, { error: missingFieldError(MISSING_API_FIELD_MESSAGE) });
  if (!parsed.success) return { ok: false, response: refusal(problemFromZod(parsed.error, where)) };
  return { ok: true, data: parsed.data as Infer<S> };
}

function permissionsOf(token: AuthenticatedToken): (permission: Permission) => boolean {
  return (permission) => token.token.scopes.split(' ').some((s) => (SCOPE_PERMISSIONS[s as keyof typeof SCOPE_PERMISSIONS] ?? []).includes(permission)) && can(token.actor.role, permission);
}

async function audit(token: AuthenticatedToken, route: ApiRoute, status: number, ip: string, extra?: Record<string, unknown>): Promise<void> {
  await recordAudit(getDb(), { actorId: token.actor.id, action: 'api.call', entityType: 'token', entityId: token.token.id, after: { route: route.id, method: route.method.toUpperCase(), status, ...extra }, ip });
}

/** A Next route handler for one row of the route table. */
export function apiHandler<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  id: ApiRouteId,
  schemas: { params?: P; query?: Q; body?: B },
  run: (ctx: ApiContext<Infer<P>, Infer<Q>, Infer<B>>) => ApiAnswer | Promise<ApiAnswer>,
) {
  const route: ApiRoute = apiRoute(id);
  // The handler validates with the table's own schemas: a route file cannot pass others.
  if (schemas.params !== route.params || schemas.query !== route.query || schemas.body !== route.body) throw new Error(`${id}: the handler's schemas are not the route table's`);
  const handle = async (request: Request, segment: { params: Promise<Record<string, string>> }): Promise<Response> => {
    const ip = clientIp(request.headers);
    const secret = bearerSecret(request.headers.get('authorization'));
    const token = secret ? (await findLiveToken(secret)) : null;
    if (!token) {
      const key = addressGroup(ip);
      const throttled = await countThenRecord(async () => {
        if ((await countRecentAttempts({ bucket: 'api-unauthenticated', key, windowMs: MINUTE })) >= UNAUTHENTICATED_PER_MINUTE) return true;
        await recordAttempt({ bucket: 'api-unauthenticated', key });
        return false;
      });
      if (throttled) return refusal(problem('throttled', 'Too many calls without a valid token from this address; wait a minute.'), { 'retry-after': '60' });
      return refusal(problem('unauthenticated', secret ? 'That token is unknown or revoked.' : 'Send an API token: Authorization: Bearer errata_…'), { 'www-authenticate': 'Bearer realm="errata"' });
    }
    const limit = token.token.ratePerMinute;
    const used = await countThenRecord(async () => {
      const n = await countRecentAttempts({ bucket: 'api', key: String(token.token.id), windowMs: MINUTE });
      if (n < limit) await recordAttempt({ bucket: 'api', key: String(token.token.id) });
      return n;
    });
    if (used >= limit) {
      await audit(token, route, 429, ip);
      return refusal(problem('throttled', `This token may make ${limit} calls a minute; wait and try again.`), { 'retry-after': '60', 'ratelimit-limit': String(limit), 'ratelimit-remaining': '0' });
    }
    await touchToken(token.token);
    const rateHeaders = { 'ratelimit-limit': String(limit), 'ratelimit-remaining': String(Math.max(0, limit - used - 1)) };
    if (!hasScope(token.token.scopes, route.scope)) {
      await audit(token, route, 403, ip);
      return refusal(problem('forbidden', `This token lacks the "${route.scope}" scope.`), rateHeaders);
    }
    // Every answer from here on is audited, refusals and failures included.
    const refused = async (response: Response) => {
      await audit(token, route, response.status, ip, { refused: 'input' });
      return response;
    };
    const url = new URL(request.url);
    const params = parse(schemas.params, await segment.params, 'path');
    if (!params.ok) return refused(params.response);
    const query = parse(schemas.query, Object.fromEntries(url.searchParams), 'query');
    if (!query.ok) return refused(query.response);
    let rawBody: unknown;
    if (schemas.body) {
      const read = await readJson(request);
      if (!read.ok) return refused(read.response);
      rawBody = read.value;
    }
    const body = parse(schemas.body, rawBody, 'body');
    if (!body.ok) return refused(body.response);
    let answer: ApiAnswer;
    try {
      answer = await run({ request, token, params: params.data as Infer<P>, query: query.data as Infer<Q>, body: body.data as Infer<B>, ip, allows: permissionsOf(token) });
    } catch (thrown) {
      const error = thrown instanceof ErrataError ? thrown : (refusalFromDatabase(thrown) ?? storeUnavailable(thrown));
      if (!error) {
        await audit(token, route, 500, ip, { failed: thrown instanceof Error ? thrown.name : 'error' });
        throw thrown;
      }
      if (error.code === 'unavailable') {
        // The audit row goes to the store that just failed: written if it can be, never waited on.
        await audit(token, route, error.status, ip, { refused: error.code }).catch(() => {});
        return unavailable(route, error, rateHeaders);
      }
      await audit(token, route, error.status, ip, { refused: error.code });
      return refusal(problemFromError(error), rateHeaders);
    }
    const status = answer.status ?? 200;
    await audit(token, route, status, ip, answer.audit);
    const text = JSON.stringify(answer.json);
    const etag = strongEtag(text);
    if (route.method === 'get' && matchingValidator(request.headers.get('if-none-match') ?? undefined, etag)) return new Response(null, { status: 304, headers: { etag, 'cache-control': 'private, no-cache', ...rateHeaders } });
    return new Response(text, { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private, no-cache', etag, ...rateHeaders, ...answer.headers } });
  };
  // The token's lookup, the rate limit and each audit row read or write the store before and after the
  // service: its being unavailable at any of them is the same 503. Anything else stays a real error.
  return async (request: Request, segment: { params: Promise<Record<string, string>> }): Promise<Response> => {
    try {
      return await handle(request, segment);
    } catch (thrown) {
      const error = storeUnavailable(thrown);
      if (!error) throw thrown;
      return unavailable(route, error);
    }
  };
}
