import type { ActivityState, LeaveState } from '@cppcc/shared';
import { hasRole, type Actor } from '../lib/actor';
import { defineCollectionPolicy, definePolicy } from '../lib/policy';

/**
 * What the activity rules need to know about one activity. Whether a step is allowed in a state is
 * the workflow table's job (activityWorkflowTable); whether this actor may take it is this policy's.
 */
export interface ActivityAccess {
  committeeId: number;
  state: ActivityState;
  inviteeMemberIds: number[];
}

const isStaff = (a: Actor) => hasRole(a, 'liaisonStaff');
const isInvitee = (a: Actor, r: ActivityAccess) =>
  a.memberId !== null && r.inviteeMemberIds.includes(a.memberId);
/** Invitees learn of an activity when it is published; until then it is the staff's draft. */
const inviteeSees = (a: Actor, r: ActivityAccess) => isInvitee(a, r) && r.state !== 'planned';
const attending = (a: Actor, r: ActivityAccess) => inviteeSees(a, r) && r.state === 'published';

export const activityPolicy = definePolicy<ActivityAccess>({
  resource: 'activity',
  label: '活动',
  abilities: {
    read: (a, r) => isStaff(a) || hasRole(a, 'leader') || inviteeSees(a, r),
    manage: (a) => isStaff(a),
    /** The projector's rotating code, and the whole roster. */
    showCode: (a) => isStaff(a),
    seeRoster: (a) => isStaff(a) || hasRole(a, 'leader'),
    reply: attending,
    requestLeave: attending,
    signIn: attending,
  },
});

/** Collection abilities: who runs activities, who reads them all, who attends, who decides leave. */
export const activityCollectionPolicy = defineCollectionPolicy({
  resource: 'activities',
  label: '活动',
  abilities: {
    read: () => true,
    manage: (a) => isStaff(a),
    overview: (a) => isStaff(a) || hasRole(a, 'leader'),
    attend: (a) => hasRole(a, 'member') && a.memberId !== null,
    decideLeave: (a) => isStaff(a) || hasRole(a, 'leader'),
  },
});

/** A leave request: decided by the committee's configured approver (setting `leaveApprover`). */
export interface LeaveAccess {
  committeeId: number;
  state: LeaveState;
  memberId: number;
  approver: 'liaisonStaff' | 'leader';
}

export const activityLeavePolicy = definePolicy<LeaveAccess>({
  resource: 'activityLeave',
  label: '请假申请',
  abilities: {
    read: (a, l) => isStaff(a) || hasRole(a, 'leader') || a.memberId === l.memberId,
    decide: (a, l) => hasRole(a, l.approver),
    requester: (a, l) => a.memberId === l.memberId,
  },
});

export const activityPolicies = [activityPolicy, activityCollectionPolicy, activityLeavePolicy];
