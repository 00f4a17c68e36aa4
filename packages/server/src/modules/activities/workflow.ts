import { and, eq, inArray } from 'drizzle-orm';
import {
  activityWorkflowTable,
  leaveWorkflowTable,
  type ActivityCommand,
  type ActivityState,
  type LeaveState,
} from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import { activities, activityInvitations, activityLeaveRequests } from '../../db/schema';
import { getSettings } from '../../lib/settings';
import { commandsOf, defineWorkflow, type WorkflowStep, type WorkflowStepOutcome } from '../../lib/workflow';
import type { ActivityAccess, LeaveAccess } from '../../policies/activity';

export type ActivityRow = typeof activities.$inferSelect;
export type LeaveRow = typeof activityLeaveRequests.$inferSelect;

/** The access facts of activities, their invitees read in one query. */
export async function activityAccesses(
  db: DbOrTx,
  rows: ActivityRow[],
): Promise<Map<number, ActivityAccess>> {
  const invitees =
    rows.length === 0
      ? []
      : await db
          .select({ activityId: activityInvitations.activityId, memberId: activityInvitations.memberId })
          .from(activityInvitations)
          .where(
            inArray(
              activityInvitations.activityId,
              rows.map((r) => r.id),
            ),
          );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        committeeId: row.committeeId,
        state: row.state as ActivityState,
        inviteeMemberIds: invitees.filter((i) => i.activityId === row.id).map((i) => i.memberId),
      },
    ]),
  );
}

export const activityAccess = async (db: DbOrTx, row: ActivityRow): Promise<ActivityAccess> =>
  (await activityAccesses(db, [row])).get(row.id)!;

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
export const activityCommand = commandsOf(activityWorkflow);

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

export const leaveCommand = commandsOf(leaveWorkflow);

/** The activity of a committee, or undefined. */
export async function findActivity(db: DbOrTx, committeeId: number, id: number) {
  const [row] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.id, id), eq(activities.committeeId, committeeId)));
  return row;
}
