/// <reference types="vite/client" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type Session, type TestContext } from './harness';
import { buildCommittee, signedInUser } from './factories';
import type { MatrixEntry } from './matrix';

const modules = import.meta.glob<{ matrix: MatrixEntry[] }>('../src/**/*.matrix.ts', { eager: true });
const entries = new Map<string, MatrixEntry>();
for (const [file, mod] of Object.entries(modules)) {
  for (const entry of mod.matrix) {
    if (entries.has(entry.route)) throw new Error(`${entry.route} listed twice (${file})`);
    entries.set(entry.route, entry);
  }
}

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('authorization matrix', () => {
  it('has an entry for every registered route', () => {
    const routes = t.app.apiRoutes;
    expect(routes.length).toBeGreaterThan(3);
    const missing = routes.filter((r) => !entries.has(r));
    expect(missing, 'routes without a matrix entry').toEqual([]);
    const stale = [...entries.keys()].filter((r) => !routes.includes(r));
    expect(stale, 'matrix entries without a route').toEqual([]);
    console.log(`authorization matrix: ${routes.length} routes`);
  });

  it('refuses anonymous requests on every non-public route', async () => {
    for (const [route, entry] of entries) {
      if (entry.public) continue;
      const [method, path] = route.split(' ') as [string, string];
      const url = path.replace(/:[a-zA-Z]+/g, '1');
      const res = await t.app.inject({ method: method as 'GET', url });
      expect([401], `${route} as anonymous → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
    }
  }, 120_000);

  it('refuses reads and writes of another committee’s records', async () => {
    const committeeA = await buildCommittee(t.database.db);
    const sessions = new Map<string, Session>();
    for (const [route, entry] of entries) {
      if (!entry.crossCommittee) {
        expect(entry.public || entry.selfOnly, `${route} needs a crossCommittee check`).toBe(true);
        continue;
      }
      const committeeB = await buildCommittee(t.database.db);
      const request = await entry.crossCommittee.foreign(t.database.db, committeeB.id);
      // One signed-in user per role set: signing in costs an argon2 verification.
      const roleKey = entry.crossCommittee.roles.join(',');
      const session =
        sessions.get(roleKey) ?? (await signedInUser(t.app, committeeA.id, entry.crossCommittee.roles));
      sessions.set(roleKey, session);
      const before = await request.snapshot?.(t.database.db);
      const [method] = route.split(' ') as [string];
      const res = await t.app.inject({
        method: method as 'GET',
        url: request.url,
        headers: { ...as(session), ...request.headers },
        payload: request.payload as string | undefined,
      });
      if (request.mustNotContain) {
        expect(res.statusCode, `${route}: ${res.body}`).toBeLessThan(500);
        expect(res.body, `${route} leaked committee B data`).not.toContain(request.mustNotContain);
      } else {
        expect(
          request.refusedWith ?? [403, 404],
          `${route} across committees → ${res.statusCode} ${res.body}`,
        ).toContain(res.statusCode);
      }
      if (request.snapshot)
        expect(await request.snapshot(t.database.db), `${route} changed data`).toEqual(before);
    }
  }, 300_000);

  it('hides records that only some people of the committee may see', async () => {
    let cases = 0;
    const wrong: string[] = [];
    for (const [route, entry] of entries) {
      for (const visibility of entry.visibility ?? []) {
        const committee = await buildCommittee(t.database.db);
        const { url, readers, hidden } = await visibility.build(t.database.db, committee.id, t.config);
        const [method] = route.split(' ') as [string];
        for (const person of [...readers, ...hidden]) {
          const session = await signedInUser(t.app, committee.id, person.roles, {
            memberId: person.memberId ?? null,
            unitId: person.unitId ?? null,
          });
          const res = await t.app.inject({ method: method as 'GET', url, headers: as(session) });
          const reads = readers.includes(person);
          if (reads ? res.statusCode >= 300 : res.statusCode !== 404)
            wrong.push(`${route}, ${visibility.name}, as ${person.label} → ${res.statusCode}`);
        }
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(0);
    // Readers get the record; everyone else gets 404, as for another committee's record.
    expect(wrong).toEqual([]);
  }, 300_000);
});
