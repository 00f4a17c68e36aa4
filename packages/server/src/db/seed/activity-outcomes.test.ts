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

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrganisation(t.database.db, await hashPassword(testPassword));
  await seedActivities(t.database.db, org);
  const started = performance.now();
  await seedActivityOutcomes(t.database.db, org);
  seedMs = performance.now() - started;
}, 120_000);
afterAll(() => t.close());

describe('demo activity outcomes', () => {
  it('has suggestions in every state, speeches, reading notes and the issues of 有事好商量, with their duty records', async () => {
    const db = t.database.db;
    const suggestions = await db
      .select()
      .from(s.activitySuggestions)
      .where(eq(s.activitySuggestions.committeeId, org.countyId));
    console.log(`demo outcomes: ${suggestions.length} suggestions in ${Math.round(seedMs)} ms`);
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
