import { codesOf } from '../codes';
import { activityCommandLabels, activityStateLabels, leaveCommandLabels, leaveStateLabels } from '../labels';
import { defineWorkflowTable, transitionBuilders, type Transition } from '../workflow';

/** Activity (履职活动) and leave-request states, commands, permissions and workflow tables. */

export const activityStates = codesOf(activityStateLabels);
export type ActivityState = (typeof activityStates)[number];
export const activityCommands = codesOf(activityCommandLabels);
export type ActivityCommand = (typeof activityCommands)[number];

/** Abilities of the `activity` policy: manage = liaison staff of the record's committee. */
export const activityPermissions = ['manage'] as const;
export type ActivityPermission = (typeof activityPermissions)[number];
export type ActivityTransition = Transition<ActivityState, ActivityCommand, ActivityPermission>;

const activityRows = transitionBuilders<ActivityState, ActivityCommand, ActivityPermission>();
const open = ['planned', 'published'] as const;

/**
 * An activity is prepared (筹备中), published to its invitees (invitations and reminders go out),
 * held (sign-in, attendance marks) and closed: closing makes every invitee's result final and writes
 * the duty records; reopening takes them back until it is closed again. A closed activity is not edited;
 * what comes after it (minutes, the report, leaders' instructions, whether the issue was resolved) is
 * recorded as its outcome.
 */
export const activityWorkflowTable = defineWorkflowTable({
  label: '活动',
  stateLabels: activityStateLabels,
  commandLabels: activityCommandLabels,
  transitions: [
    ...activityRows.stay(open, 'update', 'manage'),
    ...activityRows.stay(open, 'invite', 'manage'),
    ...activityRows.stay(open, 'removeInvitation', 'manage'),
    ...activityRows.move(['planned'], 'publish', 'published', 'manage'),
    ...activityRows.stay(['published'], 'markAttendance', 'manage'),
    ...activityRows.stay(['published', 'closed'], 'recordOutcome', 'manage'),
    ...activityRows.move(['published'], 'close', 'closed', 'manage'),
    ...activityRows.move(['closed'], 'reopen', 'published', 'manage'),
    ...activityRows.move(open, 'cancel', 'cancelled', 'manage'),
  ],
});

export const leaveStates = codesOf(leaveStateLabels);
export type LeaveState = (typeof leaveStates)[number];
export const leaveCommands = codesOf(leaveCommandLabels);
export type LeaveCommand = (typeof leaveCommands)[number];

/**
 * Abilities of the `activityLeave` policy: decide = the committee's configured approver (setting
 * `leaveApprover`); requester = the member who asked.
 */
export const leavePermissions = ['decide', 'requester'] as const;
export type LeavePermission = (typeof leavePermissions)[number];

const leaveRows = transitionBuilders<LeaveState, LeaveCommand, LeavePermission>();

/** A leave request (请假): asked with a reason, approved or refused; the member may withdraw it while it waits. */
export const leaveWorkflowTable = defineWorkflowTable({
  label: '请假申请',
  stateLabels: leaveStateLabels,
  commandLabels: leaveCommandLabels,
  transitions: [
    ...leaveRows.move(['requested'], 'approve', 'approved', 'decide'),
    ...leaveRows.move(['requested'], 'refuse', 'refused', 'decide'),
    ...leaveRows.move(['requested'], 'withdraw', 'withdrawn', 'requester'),
  ],
});
