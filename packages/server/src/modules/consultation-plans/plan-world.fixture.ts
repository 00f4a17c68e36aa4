import { expect } from 'vitest';
import type { ConsultationPlanState, PlanItemInput } from '@cppcc/shared';
import { caller } from '../../../test/committee-app';
import type { TestContext } from '../../../test/harness';
import type { ActivityWorld } from '../activities/activity-world.fixture';

export { useActivityWorld as usePlanWorld } from '../activities/activity-world.fixture';

/** Each plan of a test file its own year: one plan per committee and year. */
let lastYear = 2030;
export const freshYear = () => ++lastYear;

/** A valid new plan of `year` with three items over three quarters, the first led by the world's special committee. */
export const validPlan = (w: ActivityWorld, year: number, o: Record<string, unknown> = {}) => ({
  year,
  title: `永宁县政协${year}年度协商计划`,
  items: [
    {
      topic: '推进乡村振兴产业发展',
      kind: 'topicalConsultation',
      leadSpecialCommitteeId: w.specialCommittee.id,
      quarter: 1,
    },
    { topic: '优化县域营商环境', kind: 'counterpartConsultation', quarter: 2, note: '与县发改局对口协商' },
    { topic: '老旧小区改造民主监督', kind: 'supervision', quarter: 3 },
  ] as PlanItemInput[],
  ...o,
});

const approval = { approvedOn: '2026-02-10', documentNumber: '永党办〔2026〕5号' };

/** A new plan created by the world's staff and walked to `to`: draft, submitted or approved. */
export async function walkPlan(
  t: TestContext,
  w: ActivityWorld,
  to: ConsultationPlanState = 'draft',
  body: Record<string, unknown> = {},
) {
  const call = caller(t);
  const created = await call(w.users.staff, 'POST', '/consultation-plans', validPlan(w, freshYear(), body));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  let plan = created.body;
  const step = async (path: string, payload: Record<string, unknown>) => {
    const res = await call(w.users.staff, 'POST', `/consultation-plans/${plan.id}/${path}`, {
      ...payload,
      version: plan.version,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    plan = res.body;
  };
  if (to === 'submitted' || to === 'approved') await step('submit', {});
  if (to === 'approved') await step('approve', approval);
  return plan;
}
