import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, createTestApp, type TestContext } from '../../../test/harness';
import { buildCommittee, signedInUser } from '../../../test/factories';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it('publishes the OpenAPI document of every API route and its docs page to signed-in users', async () => {
  const committee = await buildCommittee(t.database.db);
  const headers = as(await signedInUser(t.app, committee.id, ['member']));
  const json = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers });
  expect(json.statusCode).toBe(200);
  const spec = json.json() as { openapi: string; paths: Record<string, unknown> };
  expect(spec.openapi).toMatch(/^3\./);
  const documented = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods as object).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
  );
  for (const route of t.app.apiRoutes) expect(documented, route).toContain(route);
  const page = await t.app.inject({ method: 'GET', url: '/api/docs/', headers });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
});
