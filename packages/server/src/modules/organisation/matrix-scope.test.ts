import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestContext } from '../../../test/harness';
import { buildCommittee, signedInUser } from '../../../test/factories';
import { matrix } from './organisation.matrix';

/**
 * Runs this module's matrix entries the way test/authorization-matrix.test.ts does, reusing one
 * signed-in user per role set: the shared test signs in once per route and meets the login rate limit.
 */
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('organisation routes across committees', () => {
  it('refuses or hides every record of another committee and changes nothing', async () => {
    const committeeA = await buildCommittee(t.database.db);
    const sessions = new Map<string, Session>();
    for (const entry of matrix) {
      const check = entry.crossCommittee!;
      const key = check.roles.join(',');
      if (!sessions.has(key)) sessions.set(key, await signedInUser(t.app, committeeA.id, check.roles));
      const committeeB = await buildCommittee(t.database.db);
      const request = await check.foreign(t.database.db, committeeB.id);
      const before = await request.snapshot?.(t.database.db);
      const [method] = entry.route.split(' ') as [string];
      const res = await t.app.inject({
        method: method as 'GET',
        url: request.url,
        headers: { ...as(sessions.get(key)!), ...request.headers },
        payload: request.payload as string | undefined,
      });
      if (request.mustNotContain) {
        expect(res.statusCode, `${entry.route}: ${res.body}`).toBeLessThan(500);
        expect(res.body, `${entry.route} leaked committee B data`).not.toContain(request.mustNotContain);
      } else {
        expect([403, 404], `${entry.route} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
      }
      if (request.snapshot)
        expect(await request.snapshot(t.database.db), `${entry.route} changed data`).toEqual(before);
    }
  });
});
