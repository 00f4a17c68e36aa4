import { sql } from 'drizzle-orm';
import { boolean, index, integer, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { committeeTable, createdAt, requiredReference, timestampTz, updatedAt, version } from './columns';
import { members } from './organisation';
import { users } from './accounts';
import { consultationPlanItems } from './activity-outcomes';

const activityId = () => requiredReference('activity_id', () => activities.id, { onDelete: 'cascade' });

/**
 * 履职活动: every kind (meetings, consultations, inspections, training, visits …), the kind a code of
 * the committee's setting `activityKinds`. `state` follows activityWorkflowTable in @cppcc/shared.
 * `sign_in_secret` keys the rotating sign-in code and never leaves the server.
 */
export const activities = committeeTable(
  'activities',
  {
    kind: text('kind').notNull(),
    topic: text('topic').notNull(),
    /** 'committee' | 'specialCommittee' | 'memberGroup' | 'contactPoint' */
    organiserType: text('organiser_type').notNull(),
    organiserId: integer('organiser_id'),
    startsAt: timestampTz('starts_at').notNull(),
    endsAt: timestampTz('ends_at').notNull(),
    place: text('place').notNull(),
    agenda: text('agenda'),
    minutes: text('minutes'),
    otherParticipants: text('other_participants'),
    residentCount: integer('resident_count').notNull().default(0),
    otherCount: integer('other_count').notNull().default(0),
    attachmentIds: integer('attachment_ids').array().notNull().default([]),
    /** 有事好商量: the residents' issue and whether it was resolved (null = not yet known). */
    residentIssue: text('resident_issue'),
    issueResolved: boolean('issue_resolved'),
    /** 走访: how many members or enterprises one visit (one 批次) reached (人次). */
    visitedCount: integer('visited_count'),
    /** Leaders' instructions on the activity's report (调研、视察报告的领导批示). */
    leaderInstructions: text('leader_instructions'),
    /** The item of the annual consultation plan this activity carries out. */
    planItemId: integer('plan_item_id').references(() => consultationPlanItems.id, { onDelete: 'set null' }),
    state: text('state').notNull().default('planned'),
    signInSecret: text('sign_in_secret').notNull(),
    cancelReason: text('cancel_reason'),
    createdBy: requiredReference('created_by', () => users.id),
    version: version(),
    publishedAt: timestampTz('published_at'),
    remindedAt: timestampTz('reminded_at'),
    closedAt: timestampTz('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activities_committee_starts_idx').on(t.committeeId, t.startsAt),
    index('activities_committee_state_starts_idx').on(t.committeeId, t.state, t.startsAt),
    index('activities_committee_kind_starts_idx').on(t.committeeId, t.kind, t.startsAt),
    index('activities_plan_item_idx').on(t.planItemId),
    index('activities_committee_updated_idx').on(t.committeeId, t.updatedAt),
  ],
);

/**
 * One invitee of an activity. `attendance` is set by a sign-in or a staff mark, and by closing for
 * everyone left (请假 when leave was approved, else 缺席); it is final while the activity is closed.
 */
export const activityInvitations = committeeTable(
  'activity_invitations',
  {
    activityId: activityId(),
    memberId: requiredReference('member_id', () => members.id),
    mandatory: boolean('mandatory').notNull().default(true),
    /** 'pending' | 'attending' | 'leave' */
    reply: text('reply').notNull().default('pending'),
    repliedAt: timestampTz('replied_at'),
    signedInAt: timestampTz('signed_in_at'),
    /** 'code' | 'qr' | 'staff' */
    signInMethod: text('sign_in_method'),
    /** 'present' | 'late' | 'leftEarly' | 'leave' | 'absent' */
    attendance: text('attendance'),
    /** Who set `attendance`: 'member' (sign-in), 'staff' (a mark) or 'close' (filled in by closing; undone on reopening). */
    attendanceSetBy: text('attendance_set_by'),
    markedBy: integer('marked_by').references(() => users.id),
    invitedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('activity_invitations_activity_member_key').on(t.activityId, t.memberId),
    index('activity_invitations_member_idx').on(t.committeeId, t.memberId),
  ],
);

/** 请假申请; `state` follows leaveWorkflowTable. At most one waiting or approved request per invitation. */
export const activityLeaveRequests = committeeTable(
  'activity_leave_requests',
  {
    activityId: activityId(),
    memberId: requiredReference('member_id', () => members.id),
    reason: text('reason').notNull(),
    state: text('state').notNull().default('requested'),
    decisionNote: text('decision_note'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestampTz('decided_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activity_leave_activity_member_idx').on(t.activityId, t.memberId),
    uniqueIndex('activity_leave_live_key')
      .on(t.activityId, t.memberId)
      .where(sql`${t.state} in ('requested', 'approved')`),
    index('activity_leave_committee_state_idx').on(t.committeeId, t.state),
  ],
);
