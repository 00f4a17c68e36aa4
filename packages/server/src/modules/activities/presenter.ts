import {
  activityCommandLabels,
  activityStateLabels,
  attendanceLabels,
  attendanceResults,
  attendedResults,
  invitationReplyLabels,
  leaveStateLabels,
  signInMethodLabels,
  type ActivityDetail,
  type ActivityKind,
  type ActivityOrganiserType,
  type ActivityState,
  type AttendanceResult,
  type CommitteeSettings,
  type InvitationReply,
  type LeaveState,
  type SignInMethod,
} from '@cppcc/shared';
import type { ServiceContext } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { authorize, can, presentPolicies } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import { presentTimeline } from '../../lib/timeline';
import { loadActivityDetail, type ActivityDetailData } from './loader';
import { kindOf, leaveDeadline, signInWindow } from './rules';
import { activityWorkflow, leaveWorkflow, type ActivityRow } from './workflow';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const timelineLabels: Record<string, string> = {
  ...activityCommandLabels,
  create: '新建活动',
  reply: '回复参加',
  requestLeave: '请假',
};

/** The result closing would give an invitee now: the mark, else 请假 (leave approved) or 缺席. */
export function expectedResult(
  attendance: string | null,
  leaveState: string | null,
  kind: Pick<ActivityKind, 'tracksAttendance'>,
): AttendanceResult {
  if (attendance) return attendance as AttendanceResult;
  if (leaveState === 'approved') return 'leave';
  return kind.tracksAttendance ? 'absent' : 'present';
}

export const organiserLabel = (type: string, name: string | null) =>
  type === 'committee' ? '政协机关' : (name ?? '—');

/** The fields of the list item, from the row and its counts. */
export function listFields(
  row: ActivityRow,
  settings: CommitteeSettings,
  extra: { organiserName: string | null; invitedCount: number; attendedCount: number; leaveCount: number },
) {
  const kind = kindOf(settings, row.kind);
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: kind.label,
    category: kind.category,
    topic: row.topic,
    organiserType: row.organiserType as ActivityOrganiserType,
    organiserName: organiserLabel(row.organiserType, extra.organiserName),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    place: row.place,
    state: row.state as ActivityState,
    stateLabel: activityStateLabels[row.state as ActivityState],
    invitedCount: extra.invitedCount,
    attendedCount: extra.attendedCount,
    leaveCount: extra.leaveCount,
    version: row.version,
  };
}

/** The viewer's own invitation as lists and the detail show it. */
export function myInvitation(i: {
  mandatory: boolean;
  reply: string;
  attendance: string | null;
  signedInAt: Date | null;
  leaveState: string | null;
}) {
  return {
    mandatory: i.mandatory,
    reply: i.reply as InvitationReply,
    replyLabel: invitationReplyLabels[i.reply as InvitationReply],
    attendance: i.attendance as AttendanceResult | null,
    attendanceLabel: i.attendance ? attendanceLabels[i.attendance as AttendanceResult] : null,
    signedInAt: iso(i.signedInAt),
    leaveState: i.leaveState as LeaveState | null,
    leaveStateLabel: i.leaveState ? leaveStateLabels[i.leaveState as LeaveState] : null,
  };
}

export function presentActivityDetail(
  ctx: ServiceContext,
  data: ActivityDetailData,
  settings: CommitteeSettings,
): ActivityDetail {
  const { row, access } = data;
  const kind = kindOf(settings, row.kind);
  const seeRoster = can(ctx.actor, 'seeRoster', 'activity', access);
  const all = data.invitations.map(({ i, memberName, sectorName, groupName, leaveState }) => {
    const expected = expectedResult(i.attendance, leaveState, kind);
    return {
      memberId: i.memberId,
      memberName,
      sectorName,
      groupName,
      mandatory: i.mandatory,
      reply: i.reply as InvitationReply,
      replyLabel: invitationReplyLabels[i.reply as InvitationReply],
      signedInAt: iso(i.signedInAt),
      signInMethod: i.signInMethod as SignInMethod | null,
      signInMethodLabel: i.signInMethod ? signInMethodLabels[i.signInMethod as SignInMethod] : null,
      attendance: i.attendance as AttendanceResult | null,
      attendanceLabel: i.attendance ? attendanceLabels[i.attendance as AttendanceResult] : null,
      expectedAttendance: expected,
      expectedAttendanceLabel: attendanceLabels[expected],
      leaveState: leaveState as LeaveState | null,
    };
  });
  const own = all.find((i) => i.memberId === ctx.actor.memberId) ?? null;
  const byResult = Object.fromEntries(attendanceResults.map((r) => [r, 0])) as Record<
    AttendanceResult,
    number
  >;
  for (const i of all) byResult[i.expectedAttendance] += 1;
  const window = signInWindow(row, settings);
  const approver = settings.leaveApprover;
  const leaveRequests = data.leaveRequests
    .filter(({ l }) => seeRoster || l.memberId === ctx.actor.memberId)
    .map(({ l, memberName, decidedByName }) => ({
      id: l.id,
      memberId: l.memberId,
      memberName,
      reason: l.reason,
      state: l.state as LeaveState,
      stateLabel: leaveStateLabels[l.state as LeaveState],
      decisionNote: l.decisionNote,
      decidedByName,
      requestedAt: l.createdAt.toISOString(),
      decidedAt: iso(l.decidedAt),
      version: l.version,
      policies: leaveWorkflow.commandPolicies(ctx, l, {
        committeeId: l.committeeId,
        state: l.state as LeaveState,
        memberId: l.memberId,
        approver,
      }),
    }));
  const attended = all.filter((i) => attendedResults.includes(i.attendance as AttendanceResult)).length;
  return {
    ...listFields(row, settings, {
      organiserName: data.organiserName,
      invitedCount: all.length,
      attendedCount: attended,
      leaveCount: byResult.leave,
    }),
    mine: own ? myInvitation({ ...own, signedInAt: own.signedInAt ? new Date(own.signedInAt) : null }) : null,
    organiserId: row.organiserId,
    agenda: row.agenda,
    minutes: row.minutes,
    otherParticipants: row.otherParticipants,
    residentCount: row.residentCount,
    otherCount: row.otherCount,
    residentIssue: row.residentIssue,
    issueResolved: row.issueResolved,
    visitedCount: row.visitedCount,
    leaderInstructions: row.leaderInstructions,
    planItemId: row.planItemId,
    tracksAttendance: kind.tracksAttendance,
    attachments: data.files,
    attachmentIds: row.attachmentIds,
    signInWindow: {
      opensAt: window.opensAt.toISOString(),
      closesAt: window.closesAt.toISOString(),
      open: window.open,
    },
    leaveDeadline: leaveDeadline(row, settings).toISOString(),
    invitations: seeRoster ? all : own ? [own] : [],
    leaveRequests,
    summary: {
      invited: all.length,
      mandatory: all.filter((i) => i.mandatory).length,
      replied: all.filter((i) => i.reply !== 'pending').length,
      signedIn: all.filter((i) => i.signedInAt !== null).length,
      byResult,
    },
    cancelReason: row.cancelReason,
    closedAt: iso(row.closedAt),
    timeline: presentTimeline(data.timeline, timelineLabels),
    policies: {
      ...presentPolicies(ctx.actor, 'activity', access),
      ...activityWorkflow.commandPolicies(ctx, row, access),
    },
  };
}

/** The activity as the caller may see it; one they may not know exists is not found. */
export async function readActivity(ctx: ServiceContext, id: number) {
  const data = await loadActivityDetail(ctx.db, ctx.actor.committeeId, id);
  if (!data) throw notFound('活动');
  authorize(ctx.actor, 'read', 'activity', data.access);
  return presentActivityDetail(ctx, data, await getSettings(ctx.db, ctx.actor.committeeId));
}

/** The activity after a step, as its actor now sees it. */
export const presentActivity = (ctx: ServiceContext, row: { id: number }) => readActivity(ctx, row.id);
