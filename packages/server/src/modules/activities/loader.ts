import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ActivityState } from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import {
  activities,
  activityInvitations,
  activityLeaveRequests,
  attachments,
  contactPoints,
  memberGroups,
  members,
  sectors,
  specialCommittees,
  timelineEvents,
  users,
} from '../../db/schema';
import { jsonRows, outer, rowFromJson } from '../../lib/json-rows';
import type { ActivityAccess } from '../../policies/activity';
import type { ActivityRow } from './workflow';

type Json = Record<string, unknown>;
const asRows = (v: unknown) => v as Json[];
const of = (fields: SQL) => sql`jsonb_build_object(${fields})`;
const where = (activityIdColumn: AnyPgColumn) => sql`where ${activityIdColumn} = ${outer(activities.id)}`;

/** The organiser's name: the special committee, group or contact point; the office otherwise. */
export const organiserName = (activityTable = activities) => sql<
  string | null
>`(case ${activityTable.organiserType}
  when 'specialCommittee' then (select name from ${specialCommittees} where id = ${activityTable.organiserId})
  when 'memberGroup' then (select name from ${memberGroups} where id = ${activityTable.organiserId})
  when 'contactPoint' then (select name from ${contactPoints} where id = ${activityTable.organiserId})
  end)`;

/**
 * Everything the detail of one activity shows, in one round trip: the activity with its invitations
 * (member, sector, group and the live leave request of each), leave requests, files and timeline.
 */
export async function loadActivityDetail(db: DbOrTx, committeeId: number, id: number) {
  const [found] = await db
    .select({
      activity: activities,
      organiserName: organiserName(),
      invitations: jsonRows(
        of(sql`'row', to_jsonb(${activityInvitations}), 'memberName', ${members.name}, 'sectorName', ${sectors.name},
          'groupName', (select name from ${memberGroups} where id = ${members.groupId}),
          'leaveState', (select l.state from ${activityLeaveRequests} l where l.activity_id = ${activityInvitations.activityId}
            and l.member_id = ${activityInvitations.memberId} order by l.id desc limit 1)`),
        sql`from ${activityInvitations} join ${members} on ${members.id} = ${activityInvitations.memberId}
          join ${sectors} on ${sectors.id} = ${members.sectorId} ${where(activityInvitations.activityId)}`,
        sql`${members.name}, ${activityInvitations.id}`,
      ).mapWith(asRows),
      leaveRequests: jsonRows(
        of(sql`'row', to_jsonb(${activityLeaveRequests}), 'memberName', ${members.name},
          'decidedByName', (select display_name from ${users} where id = ${activityLeaveRequests.decidedBy})`),
        sql`from ${activityLeaveRequests} join ${members} on ${members.id} = ${activityLeaveRequests.memberId} ${where(activityLeaveRequests.activityId)}`,
        sql`${activityLeaveRequests.id}`,
      ).mapWith(asRows),
      timeline: jsonRows(
        sql`to_jsonb(${timelineEvents})`,
        sql`from ${timelineEvents} where ${timelineEvents.committeeId} = ${outer(activities.committeeId)} and ${timelineEvents.recordType} = 'activity' and ${timelineEvents.recordId} = ${outer(activities.id)}`,
        sql`${timelineEvents.id}`,
      ).mapWith(asRows),
      files: jsonRows(
        of(sql`'id', ${attachments.id}, 'fileName', ${attachments.fileName}, 'size', ${attachments.size}`),
        sql`from ${attachments} where ${attachments.committeeId} = ${outer(activities.committeeId)} and ${attachments.id} = any(${outer(activities.attachmentIds)})`,
        sql`${attachments.id}`,
      ).mapWith(asRows),
    })
    .from(activities)
    .where(and(eq(activities.id, id), eq(activities.committeeId, committeeId)));
  if (!found) return null;
  const row: ActivityRow = found.activity;
  const invitations = found.invitations.map((i) => ({
    i: rowFromJson(activityInvitations, i.row as Json),
    memberName: i.memberName as string,
    sectorName: i.sectorName as string,
    groupName: i.groupName as string | null,
    leaveState: i.leaveState as string | null,
  }));
  const access: ActivityAccess = {
    committeeId: row.committeeId,
    state: row.state as ActivityState,
    inviteeMemberIds: invitations.map(({ i }) => i.memberId),
  };
  return {
    row,
    access,
    organiserName: found.organiserName,
    invitations,
    leaveRequests: found.leaveRequests.map((l) => ({
      l: rowFromJson(activityLeaveRequests, l.row as Json),
      memberName: l.memberName as string,
      decidedByName: l.decidedByName as string | null,
    })),
    timeline: found.timeline.map((t) => rowFromJson(timelineEvents, t)),
    files: found.files as { id: number; fileName: string; size: number }[],
  };
}
export type ActivityDetailData = NonNullable<Awaited<ReturnType<typeof loadActivityDetail>>>;
