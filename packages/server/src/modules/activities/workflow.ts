import { and, eq } from 'drizzle-orm';
import {
  activityWorkflowTable,
  leaveWorkflowTable,
  type ActivityCommand,
  type ActivityState,
  type LeaveCommand,
  type LeaveState,
} from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { activities, activityInvitations, activityLeaveRequests } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { getSettings } from '../../lib/settings';
import { defineWorkflow, type WorkflowStep, type WorkflowStepOutcome } from '../../lib/workflow';
import type { ActivityAccess, LeaveAccess } from '../../policies/activity';

export type ActivityRow = typeof activities.$inferSelect;
export type LeaveRow = typeof activityLeaveRequests.$inferSelect;

export async function activityAccess(db: DbOrTx, row: ActivityRow): Promise<ActivityAccess> {
  const invitees = await db
    .select({ memberId: activityInvitations.memberId })
    .from(activityInvitations)
    .where(eq(activityInvitations.activityId, row.id));
  return {
    committeeId: row.committeeId,
    state: row.state as ActivityState,
    inviteeMemberIds: invitees.map((i) => i.memberId),
  };
}

/** The activity workflow: the shared transition table run by the generic runner (lib/workflow.ts). */
export const activityWorkflow = defineWorkflow({
  resource: 'activity',
  table: activities,
  transitions: activityWorkflowTable,
  loadAccess: activityAccess,
  describe: (a) => a.topic,
});

export type ActivityStep = WorkflowStep<typeof activities, ActivityAccess, ActivityState>;
export type ActivityStepOutcome = WorkflowStepOutcome<typeof activities, ActivityCommand, void>;

/** An activity command as the use case `(ctx, activityId, input)`. */
export function activityCommand<I extends object>(
  command: ActivityCommand,
  apply: (step: ActivityStep, input: I) => Promise<ActivityStepOutcome | void>,
) {
  return async (ctx: ServiceContext, id: number, input: I & { version?: number }) =>
    (await activityWorkflow.run(ctx, { id, command, version: input.version }, (step) => apply(step, input)))
      .record;
}

/** A leave request's small workflow, run by the same engine; the approver comes from the committee's setting. */
export const leaveWorkflow = defineWorkflow({
  resource: 'activityLeave',
  table: activityLeaveRequests,
  transitions: leaveWorkflowTable,
  loadAccess: async (tx, row): Promise<LeaveAccess> => ({
    committeeId: row.committeeId,
    state: row.state as LeaveState,
    memberId: row.memberId,
    approver: (await getSettings(tx, row.committeeId)).leaveApprover,
  }),
  describe: () => '请假申请',
});

export type LeaveStep = WorkflowStep<typeof activityLeaveRequests, LeaveAccess, LeaveState>;

export function leaveCommand<I extends object>(
  command: LeaveCommand,
  apply: (
    step: LeaveStep,
    input: I,
  ) => Promise<WorkflowStepOutcome<typeof activityLeaveRequests, LeaveCommand, void> | void>,
) {
  return async (ctx: ServiceContext, id: number, input: I & { version?: number }) =>
    (await leaveWorkflow.run(ctx, { id, command, version: input.version }, (step) => apply(step, input)))
      .record;
}

/** The activity of a committee, or undefined. */
export async function findActivity(db: DbOrTx, committeeId: number, id: number) {
  const [row] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), eq(activities.committeeId, committeeId)));
  return row;
}
