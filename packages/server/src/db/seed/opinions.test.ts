import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/harness';
import { testPassword } from '../../../test/factories';
import { hashPassword } from '../../lib/auth';
import * as s from '../schema';
import { seedOrganisation, type SeededOrganisation } from './organisation';
import { seedOpinions } from './opinions';

let t: TestContext;
let org: SeededOrganisation;
let seedMs = 0;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrganisation(t.database.db, await hashPassword(testPassword));
  const started = performance.now();
  await seedOpinions(t.database.db, org);
  seedMs = performance.now() - started;
}, 120_000);
afterAll(() => t.close());

const db = () => t.database.db;

describe('demo opinions', () => {
  it('writes about 120 opinions of the district in every state and by every kind of submitter', async () => {
    const rows = await db().select().from(s.opinions).where(eq(s.opinions.committeeId, org.countyId));
    console.log(`demo opinions: ${rows.length} in ${Math.round(seedMs)} ms`);
    expect(rows.length).toBeGreaterThanOrEqual(110);
    expect(new Set(rows.map((r) => r.state))).toEqual(
      new Set(['draft', 'submitted', 'editing', 'returned', 'withdrawn', 'archived', 'adopted', 'combined']),
    );
    expect(new Set(rows.map((r) => r.submitterType))).toEqual(new Set(['member', 'organisation', 'liaison']));
  });

  it('carries reports up to the city, the province and 全国政协, with the outcomes back on the district’s articles', async () => {
    const atCity = await db()
      .select()
      .from(s.opinions)
      .where(and(eq(s.opinions.committeeId, org.cityId), isNotNull(s.opinions.sourceOpinionId)));
    expect(atCity.length).toBeGreaterThanOrEqual(10);
    const ledger = await db()
      .select()
      .from(s.opinionLedger)
      .where(eq(s.opinionLedger.committeeId, org.countyId));
    const kinds = new Set(ledger.map((l) => `${l.event}.${l.level}`));
    for (const k of [
      'adopted.county',
      'adopted.city',
      'adopted.province',
      'adopted.national',
      'instructed.county',
      'instructed.city',
      'reported.national',
    ])
      expect(kinds, k).toContain(k);
  });

  it('publishes issues of both series and forwards items to 12345 in every state', async () => {
    const issues = await db()
      .select()
      .from(s.opinionIssues)
      .where(eq(s.opinionIssues.committeeId, org.countyId));
    expect(new Set(issues.map((i) => i.series))).toEqual(new Set(['社情民意', '社情民意专报']));
    expect(new Set(issues.map((i) => i.state))).toEqual(new Set(['draft', 'sent']));
    const forwarded = await db()
      .select()
      .from(s.opinionForwardings)
      .where(
        and(eq(s.opinionForwardings.committeeId, org.countyId), eq(s.opinionForwardings.channel, 'hotline')),
      );
    expect(new Set(forwarded.map((f) => f.state))).toEqual(
      new Set(['forwarded', 'acknowledged', 'answered', 'returned', 'accepted']),
    );
    expect(forwarded.some((f) => f.deadline < new Date() && f.state === 'forwarded')).toBe(true);
  });
});
