import { audiences } from '@crux/api/audiences';
import { statusOf } from '@crux/api/errors';
import { IDEMPOTENCY_HEADER } from '@crux/api/headers';
import { schemasOf } from '@crux/api/route-schemas';
import { type Route, routeKey, routes, takesBody } from '@crux/api/routes';
import { openApiDocument, pathParameterNames, UndocumentedRoute } from '@crux/functions/openapi/document';
import { referencePage } from '@crux/functions/openapi/reference-page';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';

type Operation = {
  operationId: string;
  'x-roles': string[];
  tags: string[];
  description: string;
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { required: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};
const document = openApiDocument() as unknown as {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: {
    securitySchemes: Record<string, unknown>;
    schemas: Record<string, { properties: Record<string, unknown> }>;
  };
  security: unknown;
};
const operationOf = (r: Route) => document.paths[r.path]?.[r.method.toLowerCase()] as Operation;

async function validate(doc: unknown) {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc) as never);
  return { ...result, version: validator.version };
}

describe('the OpenAPI document, generated from the route table and its schemas', () => {
  it('validates as OpenAPI 3.1', async () => {
    const result = await validate(document);
    expect(result.errors).toBeUndefined();
    expect(result).toMatchObject({ valid: true, version: '3.1' });
  });

  it('the validator refuses a broken document, so the check above can fail', async () => {
    const broken = structuredClone(document) as Record<string, unknown>;
    delete broken.info;
    expect((await validate(broken)).valid).toBe(false);
    const badParam = structuredClone(document);
    const first = Object.values(badParam.paths)[0] as Record<string, Operation>;
    (Object.values(first)[0] as Operation).parameters?.push({ in: 'body', name: 'x' });
    expect((await validate(badParam)).valid).toBe(false);
  });

  it('documents every route with its roles, audience, path parameters and bearer security', () => {
    const documented = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(routes.map(routeKey).sort());
    expect(document.security).toEqual([{ bearer: [] }]);
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const route of routes) {
      const op = operationOf(route);
      expect(op['x-roles'], routeKey(route)).toEqual([...route.roles]);
      expect(op.description).toContain(`Roles: ${route.roles.join(', ')}.`);
      expect(op.tags).toEqual([route.audience]);
      expect(Object.keys(audiences)).toContain(route.audience);
      const inPath = (op.parameters ?? []).filter((p) => p.in === 'path');
      expect(inPath.map((p) => p.name)).toEqual(pathParameterNames(route.path));
      expect(inPath.every((p) => p.required)).toBe(true);
    }
  });

  it('every write has its body schema, every POST its Idempotency-Key, every query its parameters', () => {
    for (const route of routes) {
      const op = operationOf(route);
      const schemas = schemasOf(routeKey(route));
      expect(Boolean(op.requestBody), routeKey(route)).toBe(takesBody(route));
      if (takesBody(route)) expect(op.requestBody?.content['application/json']?.schema).toBeTruthy();
      const header = (op.parameters ?? []).find((p) => p.in === 'header' && p.name === IDEMPOTENCY_HEADER);
      expect(header?.required ?? false, routeKey(route)).toBe(route.method === 'POST');
      const query = (op.parameters ?? []).filter((p) => p.in === 'query');
      expect(query.length > 0, routeKey(route)).toBe(Boolean(schemas.query));
    }
  });

  it('answers every refusal in the one error shape, with the codes of its status', () => {
    const error = document.components.schemas.Error;
    expect(Object.keys(error?.properties ?? {})).toEqual(['error']);
    expect(JSON.stringify(error)).toContain(JSON.stringify(Object.keys(statusOf)));
    for (const route of routes) {
      const op = operationOf(route);
      const statuses = Object.keys(op.responses);
      for (const s of ['400', '401', '403', '404', '500', '2XX'])
        expect(statuses, routeKey(route)).toContain(s);
      if (takesBody(route)) for (const s of ['409', '413', '415']) expect(statuses).toContain(s);
      if (route.method === 'POST') expect(statuses).toContain('422');
      for (const [status, answer] of Object.entries(op.responses)) {
        if (status === '2XX') continue;
        expect(answer.content?.['application/json']?.schema.$ref).toBe('#/components/schemas/Error');
      }
    }
  });

  it('refuses to document a route that lacks a schema it needs', () => {
    const write = {
      method: 'POST',
      path: '/api/centres/{centreId}/wishes',
      audience: 'centre',
      roles: ['staff'],
    };
    expect(() => openApiDocument([write as unknown as Route])).toThrow(UndocumentedRoute);
    expect(() => openApiDocument([write as unknown as Route])).toThrow(
      /POST \/api\/centres\/\{centreId\}\/wishes/,
    );
    const unknownParam = {
      method: 'GET',
      path: '/api/centres/{centreId}/wishes/{wishId}',
      audience: 'centre',
      roles: ['staff'],
    };
    expect(() => openApiDocument([unknownParam as unknown as Route])).toThrow(/\{wishId\}/);
  });

  it('renders a reference page naming every route, with no script', () => {
    const page = referencePage(document as never, '/api/docs/openapi.json');
    for (const route of routes) expect(page).toContain(`${route.path}</h3>`);
    expect(page).toContain('href="/api/docs/openapi.json"');
    expect(page).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
  });
});
