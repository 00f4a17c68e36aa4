import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  consultationPlanWorkflowTable,
  type ConsultationPlanCommand,
  type ConsultationPlanState,
} from '@cppcc/shared';
import { createTestApp, type TestContext } from '../../../test/harness';
import { testPassword } from '../../../test/factories';
import { hashPassword } from '../../lib/auth';
import { loadPlans } from '../../modules/consultation-plans/loader';
import { progressOf } from '../../modules/consultation-plans/presenter';
import * as s from '../schema';
import { seedActivities } from './activities';
import { seedConsultationPlan } from './consultation-plans';
import { seedOrganisation, type SeededOrganisation } from './organisation';

let t: TestContext;
let org: SeededOrganisation;
let seedMs = 0;
const now = new Date();

beforeAll(async () => {
  t = await createTestApp();
  org = await seedOrganisation(t.database.db, await hashPassword(testPassword), now);
  await seedActivities(t.database.db, org, now);
  const started = performance.now();
  await seedConsultationPlan(t.database.db, org, now);
  seedMs = performance.now() - started;
}, 120_000);
afterAll(() => t.close());

describe('demo consultation plan', () => {
  it("is this year's approved plan of about ten items over four quarters, done, in progress and not started", async () => {
    const [plan, ...others] = await loadPlans(t.database.db, org.countyId);
    console.log(`demo consultation plan: ${plan?.items.length} items in ${Math.round(seedMs)} ms`);
    expect(others).toHaveLength(0);
    expect(plan!.row).toMatchObject({ year: now.getFullYear(), state: 'approved' });
    expect(plan!.row.documentNumber).toMatch(/^金办发〔\d{4}〕6号$/);
    expect(plan!.items.length).toBeGreaterThanOrEqual(8);
    expect(new Set(plan!.items.map((i) => i.item.quarter))).toEqual(new Set([1, 2, 3, 4]));
    expect(plan!.items.every((i) => i.item.leadSpecialCommitteeId !== null)).toBe(true);
    const progress = plan!.items.map((i) => progressOf(i.activities));
    // The coming activities carry items out now; the first held one of the year is in March.
    expect(progress).toEqual(expect.arrayContaining(['inProgress', 'notStarted']));
    if (now > new Date(`${now.getFullYear()}-03-13T00:00:00+08:00`)) expect(progress).toContain('done');
    // Each linked activity is of the item's kind.
    for (const i of plan!.items)
      for (const a of i.activities) {
        const [row] = await t.database.db.select().from(s.activities).where(eq(s.activities.id, a.id));
        expect(row!.kind, a.topic).toBe(i.item.kind);
      }
    expect(seedMs).toBeLessThan(1000);
  });

  it('walked the plan through the workflow table', async () => {
    const [plan] = await loadPlans(t.database.db, org.countyId);
    const events = await t.database.db
      .select()
      .from(s.timelineEvents)
      .where(
        and(eq(s.timelineEvents.recordType, 'consultationPlan'), eq(s.timelineEvents.recordId, plan!.row.id)),
      )
      .orderBy(s.timelineEvents.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'submit', 'approve']);
    let state: ConsultationPlanState = 'draft';
    for (const e of events.slice(1)) {
      const row = consultationPlanWorkflowTable.find(state, e.action as ConsultationPlanCommand);
      expect(row, `${state} -${e.action}->`).toBeDefined();
      state = row!.to;
    }
    expect(state).toBe(plan!.row.state);
  });
});
