// The OpenAPI document is valid OpenAPI 3.1 (checked by @seriousme/openapi-schema-validator) and
// documents exactly the route table, each operation with its scope, bearer security and refusals.
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';
import { API_ROUTES } from './routes';

const doc = openApiDocument('https://errata.example');

describe('the OpenAPI document', () => {
  it('validates as OpenAPI 3.1', async () => {
    const result = await new Validator().validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
  });

  it('has one operation per route in the table, each needing a bearer token, and nothing else', () => {
    const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { operationId?: string; security?: unknown; responses?: Record<string, unknown>; 'x-scope'?: string }>).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort());
    for (const { op, path } of operations) {
      const route = API_ROUTES.find((r) => r.id === op.operationId);
      expect(route, path).toBeDefined();
      expect(op['x-scope']).toBe(route?.scope);
      expect(op.security).toEqual([{ bearer: [] }]);
      expect(Object.keys(op.responses ?? {})).toEqual(expect.arrayContaining(['400', '401', '403', '422', '429', '503']));
    }
  });

  it('describes the ingestion body from the schema that validates it', () => {
    const schemas = (doc.components?.schemas ?? {}) as Record<string, { required?: string[]; properties?: Record<string, unknown> }>;
    expect(schemas.IngestArticle.required).toEqual(expect.arrayContaining(['headline', 'byline', 'section', 'body', 'bodyFormat']));
    expect(Object.keys(schemas.IngestArticle.properties ?? {})).toEqual(expect.arrayContaining(['canonicalUrl', 'standfirst', 'changeKind', 'acknowledgeLegalVersion']));
    expect(doc.servers?.[0].url).toBe('https://errata.example/api/v1');
  });
});
