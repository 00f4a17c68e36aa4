import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { createTestApp, type TestContext } from '../../../test/harness';
import { testPassword } from '../../../test/factories';
import { hashPassword } from '../../lib/auth';
import * as s from '../schema';
import { seedActivities } from './activities';
import { seedActivityOutcomes } from './activity-outcomes';
import { seedOrganisation, type SeededOrganisation } from './organisation';

let t: TestContext;
let org: SeededOrganisation;
let seedMs = 0;
let outcomesMs = 0;

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrganisation(t.database.db, await hashPassword(testPassword));
  const started = performance.now();
  await seedActivities(t.database.db, org);
  seedMs = performance.now() - started;
  // The outcomes step builds on the activities; seeded here once rather than again in its own file.
  const outcomesStarted = performance.now();
  await seedActivityOutcomes(t.database.db, org);
  outcomesMs = performance.now() - outcomesStarted;
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

describe('demo activity outcomes', () => {
  it('has suggestions in every state, speeches, reading notes and the issues of 有事好商量, with their duty records', async () => {
    const db = t.database.db;
    const suggestions = await db
      .select()
      .from(s.activitySuggestions)
      .where(eq(s.activitySuggestions.committeeId, org.countyId));
    console.log(`demo outcomes: ${suggestions.length} suggestions in ${Math.round(outcomesMs)} ms`);
    expect(new Set(suggestions.map((r) => r.state))).toEqual(
      new Set(['proposed', 'sent', 'notAdopted', 'adopted', 'implemented']),
    );
    expect(suggestions.filter((r) => r.state === 'implemented').length).toBeGreaterThanOrEqual(10);
    expect(suggestions.some((r) => r.state === 'sent' && r.deadline! < new Date())).toBe(true);
    const speeches = await db.select().from(s.activitySpeeches);
    expect(new Set(speeches.map((r) => r.state))).toEqual(new Set(['accepted', 'selected', 'declined']));
    const speechDuty = await db
      .select()
      .from(s.dutyRecords)
      .where(and(eq(s.dutyRecords.kind, 'speech.given'), isNull(s.dutyRecords.withdrawnAt)));
    expect(speechDuty).toHaveLength(speeches.filter((r) => r.state !== 'declined').length);
    const notes = await db.select().from(s.readingNotes);
    expect(new Set(notes.map((n) => n.state))).toEqual(new Set(['submitted', 'returned']));
    const grassroots = await db
      .select()
      .from(s.activities)
      .where(
        and(eq(s.activities.committeeId, org.countyId), eq(s.activities.kind, 'grassrootsConsultation')),
      );
    const closed = grassroots.filter((a) => a.state === 'closed');
    expect(closed.every((a) => a.residentIssue !== null)).toBe(true);
    expect(new Set(closed.map((a) => a.issueResolved))).toEqual(new Set([true, false]));
  });
});
