import { eq, sql } from 'drizzle-orm';
import { consultationPlanCommandRoutes, type ConsultationPlanState } from '@cppcc/shared';
import type { Db } from '../../db/client';
import * as s from '../../db/schema';
import type { MatrixEntry, VisibilityCase } from '../../../test/matrix';
import { buildSpecialCommittee, buildUser, buildMember } from '../../../test/factories';

/** A plan of `committeeId` with one item, in `state`, written directly. */
async function planOf(
  db: Db,
  committeeId: number,
  state: ConsultationPlanState = 'submitted',
  title?: string,
) {
  const createdBy = (await buildUser(db, committeeId, ['liaisonStaff'])).id;
  const [plan] = await db
    .insert(s.consultationPlans)
    .values({
      committeeId,
      year: 2026,
      title: title ?? '乙方政协年度协商计划',
      state,
      createdBy,
    })
    .returning();
  await db.insert(s.consultationPlanItems).values({
    committeeId,
    planId: plan!.id,
    position: 1,
    topic: '乙方政协的协商议题',
    kind: 'research',
    quarter: 2,
  });
  return plan!;
}

/** Everything a refused request must leave alone: the plan, its items and history. */
const snapshotOf = (planId: number) => async (db: Db) => {
  const [p] = await db.select().from(s.consultationPlans).where(eq(s.consultationPlans.id, planId));
  const rest = await db.execute(sql`select
      (select jsonb_agg(to_jsonb(i) order by i.id) from consultation_plan_items i where plan_id = ${planId}) as items,
      (select count(*)::int from timeline_events where record_type = 'consultationPlan' and record_id = ${planId}) as timeline`);
  return { p, rest: rest.rows[0] };
};

const strongest: NonNullable<MatrixEntry['crossCommittee']>['roles'] = ['liaisonStaff', 'leader'];

const commandCases: Record<keyof typeof consultationPlanCommandRoutes, [ConsultationPlanState, unknown]> = {
  submit: ['draft', {}],
  approve: ['submitted', { approvedOn: '2026-02-10', documentNumber: '乙党办〔2026〕1号' }],
  withdraw: ['submitted', { reason: '退回' }],
};

const commandEntries = (
  Object.entries(consultationPlanCommandRoutes) as [
    keyof typeof consultationPlanCommandRoutes,
    { path: string },
  ][]
).map(([command, route]): MatrixEntry => ({
  route: `POST /api/consultation-plans/:id/${route.path}`,
  crossCommittee: {
    roles: strongest,
    async foreign(db, committeeBId) {
      const [state, payload] = commandCases[command];
      const plan = await planOf(db, committeeBId, state);
      return {
        url: `/api/consultation-plans/${plan.id}/${route.path}`,
        payload,
        snapshot: snapshotOf(plan.id),
      };
    },
  },
}));

/** The plan is the liaison staff's and the leaders' to read; members and other staff do not learn of it. */
const planVisibility: VisibilityCase[] = [
  {
    name: '年度协商计划',
    async build(db, committeeId) {
      const plan = await planOf(db, committeeId, 'approved');
      const member = await buildMember(db, committeeId);
      return {
        url: `/api/consultation-plans/${plan.id}`,
        readers: [
          { label: '委员联络工作人员', roles: ['liaisonStaff'] },
          { label: '主席会议成员', roles: ['leader'] },
        ],
        hidden: [
          { label: '委员', roles: ['member'], memberId: member.id },
          { label: '提案工作人员', roles: ['proposalStaff'] },
          { label: '社情民意工作人员', roles: ['opinionStaff'] },
        ],
      };
    },
  },
];

const readEntry = (suffix: string): MatrixEntry => ({
  route: `GET /api/consultation-plans/:id${suffix}`,
  crossCommittee: {
    roles: strongest,
    async foreign(db, committeeBId) {
      const plan = await planOf(db, committeeBId);
      return { url: `/api/consultation-plans/${plan.id}${suffix}` };
    },
  },
  ...(suffix === '' ? { visibility: planVisibility } : {}),
});

export const matrix: MatrixEntry[] = [
  {
    route: 'GET /api/consultation-plans',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        await planOf(db, committeeBId, 'approved', '乙方政协的秘密计划');
        return { url: '/api/consultation-plans', mustNotContain: '乙方政协的秘密计划' };
      },
    },
  },
  {
    route: 'GET /api/consultation-plans/item-options',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const plan = await planOf(db, committeeBId, 'approved');
        return {
          url: `/api/consultation-plans/item-options?year=${plan.year}`,
          mustNotContain: '乙方政协的协商议题',
        };
      },
    },
  },
  {
    route: 'POST /api/consultation-plans',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const lead = await buildSpecialCommittee(db, committeeBId, '乙方政协的专委会');
        return {
          url: '/api/consultation-plans',
          payload: {
            year: 2099,
            title: '借用别人专委会的计划',
            items: [{ topic: '跨组织议题', kind: 'research', quarter: 1, leadSpecialCommitteeId: lead.id }],
          },
          refusedWith: [400],
          snapshot: async (d) =>
            (await d.execute(sql`select count(*)::int as n from consultation_plans`)).rows[0],
        };
      },
    },
  },
  readEntry(''),
  readEntry('/document.docx'),
  {
    route: 'PATCH /api/consultation-plans/:id',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const plan = await planOf(db, committeeBId, 'draft');
        return {
          url: `/api/consultation-plans/${plan.id}`,
          payload: { items: [{ topic: '改掉别人的计划', kind: 'research', quarter: 1 }] },
          snapshot: snapshotOf(plan.id),
        };
      },
    },
  },
  ...commandEntries,
];
