import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServer, type TestServer } from './helpers.js';

let s: TestServer;
let doc: { openapi: string; paths: Record<string, Record<string, { operationId: string; parameters: { name: string; in: string; schema: object }[]; requestBody?: { content: Record<string, { schema: object }> } }>> };
beforeAll(async () => {
  s = await testServer({ withStore: true });
  doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
});
afterAll(() => s.close());

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and lists every route the server has', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths).flatMap(([p, o]) => Object.keys(o).map((m) => [m.toUpperCase(), p.replace(/\{(\w+)\}/gu, ':$1')] as const));
    expect(ops.length).toBeGreaterThanOrEqual(20);
    for (const [method, url] of ops) expect(s.app.hasRoute({ method, url }), `${method} ${url}`).toBe(true);
    const operationIds = Object.values(doc.paths).flatMap((o) => Object.values(o).map((x) => x.operationId));
    expect(new Set(operationIds).size).toBe(operationIds.length);
  });

  it('declares every path parameter', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/gu)].map((m) => m[1]);
      for (const op of Object.values(ops)) expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(names);
    }
  });

  it('uses the same schemas that validate requests', async () => {
    const body = doc.paths['/api/analyse']?.post?.requestBody?.content['application/json']?.schema as object;
    const validate = new Ajv({ strict: false }).compile(body);
    const cases: [unknown, boolean][] = [
      [{ text: 'abc' }, true],
      [{ text: 'abc', nope: 1 }, false],
      [{ text: 'abc', preset: 'nope' }, false],
      [{}, false],
    ];
    for (const [payload, ok] of cases) {
      expect(validate(payload)).toBe(ok);
      const res = await s.app.inject({ method: 'POST', url: '/api/analyse', payload: payload as object });
      expect(res.statusCode === 200).toBe(ok);
    }
  });

  it('describes the errors each route can answer, in the error shape', () => {
    type Op = { operationId: string; tags: string[]; requestBody?: object; responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> };
    const ops = Object.values(doc.paths).flatMap((o) => Object.values(o)) as unknown as Op[];
    for (const op of ops) {
      for (const [status, resp] of Object.entries(op.responses)) {
        if (Number(status) >= 400) expect(resp.content?.['application/json']?.schema.$ref, `${op.operationId} ${status}`).toBe('#/components/schemas/Error');
      }
      if (op.requestBody) expect(Object.keys(op.responses), op.operationId).toEqual(expect.arrayContaining(['413', '415']));
    }
    // Every route over the store can find it missing, locked or unreachable.
    const storeRoutes = ops.filter((op) => ['corpus', 'export', 'analyst', 'matching', 'stats'].includes(op.tags[0] as string));
    expect(storeRoutes.length).toBeGreaterThanOrEqual(14);
    for (const op of storeRoutes) expect(Object.keys(op.responses), op.operationId).toContain('503');
    expect(Object.keys(ops.find((op) => op.operationId === 'getDocument')?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '404', '503']));
  });

  it('has a reference page without any script', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/reference' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/u);
    expect(res.body).toContain('/api/analyse');
    expect(res.body).not.toMatch(/<script|\son\w+=/iu);
  });
});
