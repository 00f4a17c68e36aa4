import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('publishes the OpenAPI document of every API route and its docs page', async () => {
  const json = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
  expect(json.statusCode).toBe(200);
  const spec = json.json() as { openapi: string; paths: Record<string, unknown> };
  expect(spec.openapi).toMatch(/^3\./);
  const documented = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods as object).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
  for (const route of t.app.apiRoutes) expect(documented, route).toContain(route);
  const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
});
