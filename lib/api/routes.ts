// Every /api/v1 route: its method, path, scope, what it takes and what it answers. The handlers
// validate with these schemas (app/(api)/handler.ts) and the OpenAPI document is generated from
// this table, so a route cannot be documented one way and served another.
import type { z } from 'zod';
import type { ApiScope } from '../types';
import * as S from './schemas';

export interface ApiRoute {
  id: string;
  method: 'get' | 'put' | 'post';
  /** OpenAPI path, e.g. "/articles/{externalId}" (under /api/v1). */
  path: string;
  scope: ApiScope;
  summary: string;
  description?: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The 2xx answers. */
  ok: { status: 200 | 201; description: string; schema: z.ZodType }[];
  /** The 4xx answers this route gives besides 400, 401, 403, 413, 422, 429. */
  refusals?: (404 | 409)[];
}

export const API_ROUTES = [
  {
    id: 'listArticles',
    method: 'get',
    path: '/articles',
    scope: 'read',
    summary: 'List articles, newest first',
    query: S.PageQuery,
    ok: [{ status: 200, description: 'A page of articles.', schema: S.ArticlePage }],
  },
  {
    id: 'getArticle',
    method: 'get',
    path: '/articles/{externalId}',
    scope: 'read',
    summary: 'An article with its versions and corrections',
    description: 'The text of a version withheld for a legal reason is never in the answer.',
    params: S.ArticleParams,
    ok: [{ status: 200, description: 'The article.', schema: S.ArticleOut }],
    refusals: [404],
  },
  {
    id: 'putArticle',
    method: 'put',
    path: '/articles/{externalId}',
    scope: 'ingest',
    summary: 'Send a published revision of an article',
    description:
      'Creates the article on its first call and appends a version on each call whose headline, standfirst or body changed; an unchanged call changes nothing. HTML is converted to Markdown and sanitised. A revision whose facts changed is flagged on the desk until a correction or a reason covers it.',
    params: S.ArticleParams,
    body: S.IngestArticle,
    ok: [
      { status: 201, description: 'The article was created.', schema: S.IngestResult },
      { status: 200, description: 'A version was appended, or nothing had changed.', schema: S.IngestResult },
    ],
    refusals: [409],
  },
  {
    id: 'getVersion',
    method: 'get',
    path: '/articles/{externalId}/versions/{number}',
    scope: 'read',
    summary: 'One version of an article',
    params: S.VersionParams,
    ok: [{ status: 200, description: 'The version (its text null when withheld).', schema: S.VersionDetail }],
    refusals: [404],
  },
  {
    id: 'draftCorrection',
    method: 'post',
    path: '/articles/{externalId}/corrections',
    scope: 'corrections:write',
    summary: 'Draft a correction on claims quoted from the current version',
    description: 'The draft waits on the desk: a standards editor classifies, reviews and publishes it.',
    params: S.ArticleParams,
    body: S.DraftCorrection,
    ok: [{ status: 201, description: 'The draft.', schema: S.CorrectionOut }],
    refusals: [404, 409],
  },
  {
    id: 'listCorrections',
    method: 'get',
    path: '/corrections',
    scope: 'read',
    summary: 'Published and withdrawn corrections, newest first',
    query: S.PageQuery,
    ok: [{ status: 200, description: 'A page of corrections.', schema: S.CorrectionPage }],
  },
  {
    id: 'getCorrection',
    method: 'get',
    path: '/corrections/{id}',
    scope: 'read',
    summary: 'One correction',
    params: S.CorrectionParams,
    ok: [{ status: 200, description: 'The correction.', schema: S.CorrectionOut }],
    refusals: [404],
  },
  {
    id: 'getAnnotation',
    method: 'get',
    path: '/corrections/{id}/annotation',
    scope: 'read',
    summary: 'A published correction as a W3C Web Annotation (JSON-LD)',
    params: S.CorrectionParams,
    ok: [{ status: 200, description: 'The annotation.', schema: S.Annotation }],
    refusals: [404],
  },
  {
    id: 'importAns',
    method: 'post',
    path: '/import/ans',
    scope: 'ingest',
    summary: 'Import Arc XP ANS stories (one story, an array, or a result set)',
    description: 'Each story becomes an article (its revisions, oldest first, become versions) and its correction elements become published corrections with their kind and date.',
    body: S.AnsDocument,
    ok: [{ status: 200, description: 'What each story became.', schema: S.ImportResult }],
  },
] as const satisfies readonly ApiRoute[];

export type ApiRouteId = (typeof API_ROUTES)[number]['id'];

export function apiRoute(id: ApiRouteId): ApiRoute {
  const route = API_ROUTES.find((r) => r.id === id);
  if (!route) throw new Error(`no API route ${id}`);
  return route;
}
