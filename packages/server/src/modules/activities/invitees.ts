import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ActivityKind, InviteeSelection } from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import {
  activityInvitations,
  memberGroups,
  memberSpecialCommittees,
  members,
  sectors,
  specialCommittees,
} from '../../db/schema';
import { invalidField } from '../../lib/errors';
import { checkMembers } from '../../lib/references';

const emptySelection: InviteeSelection = {
  memberIds: [],
  groupIds: [],
  sectorIds: [],
  specialCommitteeIds: [],
  standing: false,
  leaders: false,
  all: false,
};

/** The selection a kind invites by default (全体会议 → 全体委员, 常委会会议 → 全体常委 …). */
export function defaultSelection(kind: ActivityKind): InviteeSelection {
  return {
    ...emptySelection,
    all: kind.defaultInvitees === 'all',
    standing: kind.defaultInvitees === 'standing',
    leaders: kind.defaultInvitees === 'leaders',
  };
}

/** Every named group, sector and special committee must be the committee's own. */
async function checkNamed(db: DbOrTx, committeeId: number, s: InviteeSelection) {
  const lists = [
    { ids: s.groupIds, table: memberGroups, label: '活动小组', path: 'groupIds' },
    { ids: s.sectorIds, table: sectors, label: '界别', path: 'sectorIds' },
    { ids: s.specialCommitteeIds, table: specialCommittees, label: '专委会', path: 'specialCommitteeIds' },
  ];
  for (const { ids, table, label, path } of lists) {
    if (ids.length === 0) continue;
    const found = await db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.committeeId, committeeId), inArray(table.id, ids)));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0)
      throw invalidField(`selection.${path}`, `${label}不存在（编号 ${missing.join('、')}）`);
  }
}

/** The committee's serving members a selection names, each once. */
export async function resolveSelection(db: DbOrTx, committeeId: number, s: InviteeSelection) {
  await checkMembers(db, committeeId, s.memberIds, 'selection.memberIds');
  await checkNamed(db, committeeId, s);
  const any: SQL[] = [];
  if (s.all) any.push(sql`true`);
  if (s.memberIds.length) any.push(inArray(members.id, s.memberIds));
  if (s.groupIds.length) any.push(inArray(members.groupId, s.groupIds));
  if (s.sectorIds.length) any.push(inArray(members.sectorId, s.sectorIds));
  if (s.standing) any.push(eq(members.isStandingMember, true));
  if (s.leaders) any.push(eq(members.isLeader, true));
  if (s.specialCommitteeIds.length)
    any.push(
      inArray(
        members.id,
        db
          .select({ id: memberSpecialCommittees.memberId })
          .from(memberSpecialCommittees)
          .where(inArray(memberSpecialCommittees.specialCommitteeId, s.specialCommitteeIds)),
      ),
    );
  if (any.length === 0) return [];
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.committeeId, committeeId), eq(members.status, 'active'), or(...any)));
  return rows.map((r) => r.id);
}

/** Invites the members not yet invited; returns those newly invited. */
export async function addInvitations(
  db: DbOrTx,
  activity: { id: number; committeeId: number },
  memberIds: number[],
  mandatory: boolean,
) {
  if (memberIds.length === 0) return [];
  const rows = await db
    .insert(activityInvitations)
    .values(
      memberIds.map((memberId) => ({
        committeeId: activity.committeeId,
        activityId: activity.id,
        memberId,
        mandatory,
      })),
    )
    .onConflictDoNothing()
    .returning({ memberId: activityInvitations.memberId });
  return rows.map((r) => r.memberId);
}
