import {
  consultationPlanWorkflowTable,
  type ConsultationPlanCommand,
  type ConsultationPlanState,
} from '@cppcc/shared';
import { consultationPlans } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { forbidden } from '../../lib/errors';
import { can, collectionOf } from '../../lib/policy';
import { commandsOf, defineWorkflow, type WorkflowStep, type WorkflowStepOutcome } from '../../lib/workflow';
import type { ConsultationPlanAccess } from '../../policies/consultation-plan';

export type PlanRow = typeof consultationPlans.$inferSelect;

export const planAccess = (row: PlanRow): ConsultationPlanAccess => ({
  committeeId: row.committeeId,
  state: row.state as ConsultationPlanState,
});

/** The plan's workflow: the shared transition table run by the generic runner (lib/workflow.ts). */
export const planWorkflow = defineWorkflow({
  resource: 'consultationPlan',
  table: consultationPlans,
  transitions: consultationPlanWorkflowTable,
  loadAccess: async (_tx, row) => planAccess(row),
  describe: (p) => p.title,
});

export type PlanStep = WorkflowStep<typeof consultationPlans, ConsultationPlanAccess, ConsultationPlanState>;
export type PlanStepOutcome = WorkflowStepOutcome<typeof consultationPlans, ConsultationPlanCommand, void>;

/** A plan command as the use case `(ctx, planId, input)`. */
export const planCommand = commandsOf(planWorkflow);

/**
 * The plans as a collection: a caller without the ability is refused outright (403) — the plan page is
 * not theirs, whichever plans exist.
 */
export function authorizePlans(actor: Actor, ability: 'read' | 'manage') {
  if (!can(actor, ability, 'consultationPlans', collectionOf(actor)))
    throw forbidden(ability === 'read' ? '没有权限查看年度协商计划' : '没有权限编制年度协商计划');
}
