import { describe, expect, it } from 'vitest';
import { errorStatus } from '@cppcc/shared';
import { as, createTestApp, undeclaredResponses, type Session, postFormAs } from './harness';
import { useCommitteeApp } from './committee-app';
import { buildUser, testPassword } from './factories';
import { multipartFile, rosterFile } from '../src/modules/organisation/fixtures';

/** The OpenAPI document: who may read it, and that it declares the answers the routes give. */

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  security?: Record<string, string[]>[];
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }> };
}

const t = useCommitteeApp({
  users: { staff: ['proposalStaff', 'liaisonStaff', 'member'], secAdmin: ['securityAdmin'] },
});
const { staff, secAdmin } = t.users;

async function documentOf(app = t.app, session: Session | null = staff): Promise<Document> {
  const res = await app.inject({ method: 'GET', url: '/api/docs/json', headers: session ? as(session) : {} });
  expect(res.statusCode).toBe(200);
  return res.json();
}

describe('who may read the API docs', () => {
  it('answers the document and the docs page to a signed-in user only', async () => {
    for (const url of ['/api/docs/json', '/api/docs/yaml', '/api/docs/', '/api/docs']) {
      const anonymous = await t.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json(), url).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
    }
    expect((await documentOf()).openapi).toMatch(/^3\./);
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/', headers: as(staff) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('answers everyone when configured public', async () => {
    const open = await createTestApp({ apiDocsPublic: true });
    try {
      expect((await documentOf(open.app, null)).openapi).toMatch(/^3\./);
      expect((await open.app.inject({ method: 'GET', url: '/api/docs/' })).statusCode).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('what the document declares', () => {
  it('gives every operation its error answers with the shared error body, and its session', async () => {
    const doc = await documentOf();
    const body = doc.components.schemas.ErrorBody;
    expect(body?.properties?.code?.enum?.sort()).toEqual(Object.keys(errorStatus).sort());
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })),
    );
    expect(operations.length).toBeGreaterThan(100);
    for (const { route, op } of operations) {
      const statuses = Object.keys(op.responses);
      expect(
        statuses.some((s) => s.startsWith('2')),
        route,
      ).toBe(true);
      for (const status of ['400', '503']) expect(statuses, route).toContain(status);
      for (const status of statuses.filter((s) => Number(s) >= 400))
        expect(op.responses[status]?.content?.['application/json']?.schema?.$ref, `${route} ${status}`).toBe(
          '#/components/schemas/ErrorBody',
        );
    }
    const login = doc.paths['/api/auth/login']!.post!;
    expect(Object.keys(login.responses)).toEqual(expect.arrayContaining(['401', '429', '413', '415']));
    expect(login.security).toBeUndefined();
    expect(doc.paths['/api/health']!.get!.security).toBeUndefined();
    const accept = doc.paths['/api/proposals/{id}/accept']!.post!;
    expect(Object.keys(accept.responses)).toEqual(
      expect.arrayContaining(['400', '401', '403', '404', '409', '413', '415']),
    );
    expect(accept.security).toEqual([{ session: [], csrf: [] }]);
    expect(doc.paths['/api/proposals']!.get!.security).toEqual([{ session: [] }]);
    expect(Object.keys(doc.paths['/api/members/import']!.post!.responses)).toContain('422');
  });
});

describe('the answers routes give are the ones declared', () => {
  it('declares the statuses of ordinary flows: sign-in failures, refusals, conflicts, oversize, imports', async () => {
    const db = t.database.db;
    const login = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    const user = await buildUser(db, t.committeeId, ['member']);
    expect((await login({ login: user.username, password: testPassword })).statusCode).toBe(200);
    // Past the lockout too: whatever sign-in answers then must be declared.
    for (let i = 0; i < 7; i++) await login({ login: user.username, password: 'Wrong#Pass2024' });
    expect((await login({ login: 'nobody-here', password: 'Wrong#Pass2024' })).statusCode).toBe(401);
    expect((await login({ login: 'x\u0000', password: 'y' })).statusCode).toBe(400);

    const get = (url: string, session = staff) => t.app.inject({ method: 'GET', url, headers: as(session) });
    expect((await t.app.inject({ method: 'GET', url: '/api/proposals' })).statusCode).toBe(401);
    expect((await get('/api/proposals')).statusCode).toBe(200);
    expect((await get('/api/accounts')).statusCode).toBe(403);
    expect((await get('/api/proposals/123456')).statusCode).toBe(404);
    expect((await get('/api/terms/2147483648')).statusCode).toBe(400);
    const withoutCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/terms',
      headers: { cookie: staff.cookie },
      payload: {},
    });
    expect(withoutCsrf.statusCode).toBe(403);

    const post = (url: string, payload: object | string, contentType = 'application/json') =>
      t.app.inject({ method: 'POST', url, headers: { ...as(staff), 'content-type': contentType }, payload });
    const term = { number: 7, name: '第七届', startDate: '2027-01-01', endDate: '2031-12-31' };
    const created = await post('/api/terms', term);
    expect(created.statusCode, created.body).toBe(201);
    expect((await post('/api/terms', term)).statusCode).toBe(409);
    expect((await post('/api/terms', JSON.stringify({ name: 'x'.repeat(1_100_000) }))).statusCode).toBe(413);
    expect((await post('/api/terms', '<term/>', 'application/xml')).statusCode).toBe(415);

    const roster = multipartFile(await rosterFile([{ 姓名: '张三' }], ['姓名']), '委员名单.xlsx');
    const imported = await postFormAs(t, staff, '/api/members/import', roster);
    expect(imported.statusCode, imported.body).toBe(422);
    expect((await get('/api/accounts', secAdmin)).statusCode).toBe(200);

    expect(undeclaredResponses(t)).toEqual([]);
  });

  it('declares 429 where sign-in is rate limited', async () => {
    const limited = await createTestApp({ loginRateLimit: 2 });
    try {
      let last = 0;
      for (let i = 0; i < 3; i++)
        last = (
          await limited.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { login: 'nobody-here', password: 'Wrong#Pass2024' },
          })
        ).statusCode;
      expect(last).toBe(429);
      expect(undeclaredResponses(limited)).toEqual([]);
    } finally {
      await limited.close();
    }
  });
});
