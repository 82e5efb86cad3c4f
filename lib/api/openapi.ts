// The OpenAPI 3.1 document of /api/v1, generated from the route table and its zod schemas.
import { OpenApiGeneratorV31, OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { API_ROUTES, type ApiRoute } from './routes';
import { ApiError } from './schemas';

const REFUSALS: Record<number, string> = {
  400: 'The request is not what this endpoint takes.',
  401: 'No token, or an unknown or revoked one.',
  403: 'The token lacks the scope this endpoint needs.',
  404: 'No such thing.',
  409: 'It conflicts with the record as it stands.',
  413: 'The request body is too large.',
  422: 'A field is refused; `fields` says which and why.',
  429: 'Too many calls: wait for Retry-After seconds.',
  503: 'The database is briefly unavailable: try again after Retry-After seconds.',
};

export function openApiDocument(serverUrl: string): ReturnType<OpenApiGeneratorV31['generateDocument']> {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'An API token made on the desk (Tokens) or with `npm run token:add`.' });
  registry.register('Error', ApiError);
  for (const route of API_ROUTES as readonly ApiRoute[]) {
    const codes = [400, 401, 403, ...(route.refusals ?? []), ...(route.body ? [413, 422] : [422]), 429, 503].sort();
    registry.registerPath({
      operationId: route.id,
      method: route.method,
      path: route.path,
      summary: route.summary,
      description: route.description,
      security: [{ [bearer.name]: [] }],
      tags: [route.path.split('/')[1]],
      'x-scope': route.scope,
      request: {
        params: route.params,
        query: route.query,
        body: route.body ? { required: true, content: { 'application/json': { schema: route.body } } } : undefined,
      },
      responses: Object.fromEntries([
        ...route.ok.map((o) => [String(o.status), { description: o.description, headers: { ETag: { schema: { type: 'string' as const } } }, content: { 'application/json': { schema: o.schema } } }]),
        ...[...new Set(codes)].map((c) => [String(c), { description: REFUSALS[c], content: { 'application/json': { schema: ApiError } } }]),
      ]),
    } as Parameters<OpenAPIRegistry['registerPath']>[0]);
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Errata API',
      version: '1.0.0',
      description: 'The corrections layer of your CMS: send each published revision, read versions and corrections, draft corrections, import ANS. Every call needs a bearer token with the scope the operation names (x-scope).',
    },
    servers: [{ url: `${serverUrl.replace(/\/+$/, '')}/api/v1` }],
  });
}
