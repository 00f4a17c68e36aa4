import type { ConsultationPlanState } from '@cppcc/shared';
import { hasRole, type Actor } from '../lib/actor';
import { defineCollectionPolicy, definePolicy } from '../lib/policy';

/**
 * What the plan's rules need to know about one plan. Whether a step is allowed in a state is the
 * workflow table's job (consultationPlanWorkflowTable); whether this actor may take it is this policy's.
 */
export interface ConsultationPlanAccess {
  committeeId: number;
  state: ConsultationPlanState;
}

/** The liaison staff draw up the plan; leaders read it; members and everyone else see nothing of it. */
const isStaff = (a: Actor) => hasRole(a, 'liaisonStaff');
const reads = (a: Actor) => isStaff(a) || hasRole(a, 'leader');

export const consultationPlanPolicy = definePolicy<ConsultationPlanAccess>({
  resource: 'consultationPlan',
  label: '年度协商计划',
  abilities: {
    read: (a) => reads(a),
    manage: (a) => isStaff(a),
  },
});

/** Collection abilities: who opens the plan page, who creates a plan. */
export const consultationPlanCollectionPolicy = defineCollectionPolicy({
  resource: 'consultationPlans',
  label: '年度协商计划',
  abilities: {
    read: (a) => reads(a),
    manage: (a) => isStaff(a),
  },
});

export const consultationPlanPolicies = [consultationPlanPolicy, consultationPlanCollectionPolicy];
