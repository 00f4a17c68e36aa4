import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/harness';
import { testPassword } from '../../../test/factories';
import { hashPassword } from '../../lib/auth';
import * as s from '../schema';
import { seedActivities } from './activities';
import { seedOrganisation, type SeededOrganisation } from './organisation';

let t: TestContext;
let org: SeededOrganisation;
let seedMs = 0;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrganisation(t.database.db, await hashPassword(testPassword));
  const started = performance.now();
  await seedActivities(t.database.db, org);
  seedMs = performance.now() - started;
}, 120_000);
afterAll(() => t.close());

describe('demo activities', () => {
  it('holds a year of activities of many kinds, closed with attendance, leave and duty records, and some to come', async () => {
    const rows = await t.database.db
      .select()
      .from(s.activities)
      .where(eq(s.activities.committeeId, org.countyId));
    console.log(`demo activities: ${rows.length} in ${Math.round(seedMs)} ms`);
    expect(new Set(rows.map((r) => r.state))).toEqual(
      new Set(['planned', 'published', 'closed', 'cancelled']),
    );
    expect(new Set(rows.map((r) => r.kind)).size).toBeGreaterThanOrEqual(12);
    const invitations = await t.database.db
      .select()
      .from(s.activityInvitations)
      .where(eq(s.activityInvitations.committeeId, org.countyId));
    const results = new Set(invitations.map((i) => i.attendance));
    for (const r of ['present', 'late', 'leftEarly', 'leave', 'absent']) expect(results).toContain(r);
    const duty = await t.database.db
      .select()
      .from(s.dutyRecords)
      .where(eq(s.dutyRecords.sourceType, 'activity'));
    expect(new Set(duty.map((d) => d.kind))).toEqual(
      new Set(['activity.attended', 'activity.leave', 'activity.absent', 'service.volunteer']),
    );
    const leave = await t.database.db.select().from(s.activityLeaveRequests);
    expect(new Set(leave.map((l) => l.state))).toEqual(new Set(['approved', 'requested']));
  });
});
