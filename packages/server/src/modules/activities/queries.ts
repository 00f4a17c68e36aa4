import { and, count, desc, eq, ilike, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  attendanceLabels,
  attendedResults,
  leaveStateLabels,
  type AttendanceResult,
  type CommitteeSettings,
  type LeaveState,
  type ListActivitiesQuery,
  type ListAttendanceQuery,
} from '@cppcc/shared';
import {
  activities,
  activityInvitations,
  activityLeaveRequests,
  members,
  sectors,
  users,
} from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { outer } from '../../lib/json-rows';
import { likePattern, orderBy, pageOffset, toPage } from '../../lib/list';
import { authorize, collectionOf } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import { dayRangeConditions, periodConditions } from '../../lib/where';
import { memberSearch } from '../organisation/member-search';
import { organiserName } from './loader';
import { listFields, myInvitation } from './presenter';
import { kindOf } from './rules';
import { leaveWorkflow } from './workflow';

const attended = sql.raw(`(${attendedResults.map((r) => `'${r}'`).join(', ')})`);
const invitationCount = (filter: SQL) =>
  sql<number>`(select count(*)::int from ${activityInvitations} where ${activityInvitations.activityId} = ${outer(activities.id)} and ${filter})`;

/** The kinds of a category, as the committee's setting lists them. */
export const kindsOf = (settings: CommitteeSettings, category: string) =>
  settings.activityKinds.filter((k) => k.category === category).map((k) => k.code);

const ownInvitation = (memberId: number) =>
  sql`exists (select 1 from ${activityInvitations} where ${activityInvitations.activityId} = ${outer(activities.id)} and ${activityInvitations.memberId} = ${memberId})`;

/** The conditions of an activity list query (also the export's and each figure's). */
export function activityConditions(
  ctx: ServiceContext,
  query: ListActivitiesQuery,
  settings: CommitteeSettings,
) {
  const a = ctx.actor;
  const conditions: (SQL | undefined)[] = [eq(activities.committeeId, a.committeeId)];
  if (query.view === 'mine') {
    authorize(a, 'attend', 'activities', collectionOf(a));
    conditions.push(ownInvitation(a.memberId!), ne(activities.state, 'planned'));
  } else authorize(a, 'overview', 'activities', collectionOf(a));
  if (query.kind) conditions.push(eq(activities.kind, query.kind));
  if (query.category) conditions.push(inArray(activities.kind, [...kindsOf(settings, query.category), '']));
  if (query.state) conditions.push(eq(activities.state, query.state));
  if (query.organiserType) conditions.push(eq(activities.organiserType, query.organiserType));
  if (query.issueResolved) conditions.push(eq(activities.issueResolved, true));
  if (query.planItemId) conditions.push(eq(activities.planItemId, query.planItemId));
  conditions.push(...periodConditions(activities.startsAt, query, settings.timeZone));
  conditions.push(...dayRangeConditions(activities.startsAt, query, settings.timeZone));
  if (query.q)
    conditions.push(
      or(ilike(activities.topic, likePattern(query.q)), ilike(activities.place, likePattern(query.q))),
    );
  return and(...conditions);
}

export async function activityRows(
  ctx: ServiceContext,
  query: ListActivitiesQuery,
  settings: CommitteeSettings,
  paged = true,
) {
  const where = activityConditions(ctx, query, settings);
  const memberId = ctx.actor.memberId ?? -1;
  const base = ctx.db
    .select({
      activity: activities,
      organiserName: organiserName(),
      invitedCount: invitationCount(sql`true`),
      attendedCount: invitationCount(sql`${activityInvitations.attendance} in ${attended}`),
      leaveCount: invitationCount(sql`${activityInvitations.attendance} = 'leave'`),
      mine: sql<Record<
        string,
        unknown
      > | null>`(select jsonb_build_object('mandatory', i.mandatory, 'reply', i.reply,
          'attendance', i.attendance, 'signedInAt', i.signed_in_at,
          'leaveState', (select l.state from ${activityLeaveRequests} l where l.activity_id = i.activity_id and l.member_id = i.member_id order by l.id desc limit 1))
        from ${activityInvitations} i where i.activity_id = ${outer(activities.id)} and i.member_id = ${memberId})`,
    })
    .from(activities)
    .where(where)
    .orderBy(
      orderBy(
        query,
        { startsAt: activities.startsAt, topic: activities.topic, kind: activities.kind },
        activities.startsAt,
      ),
      desc(activities.id),
    );
  const rows = paged ? await base.limit(query.pageSize).offset(pageOffset(query)) : await base;
  const items = rows.map((r) => ({
    ...listFields(r.activity, settings, r),
    mine: r.mine
      ? myInvitation({
          mandatory: r.mine.mandatory as boolean,
          reply: r.mine.reply as string,
          attendance: r.mine.attendance as string | null,
          signedInAt: r.mine.signedInAt ? new Date(r.mine.signedInAt as string) : null,
          leaveState: r.mine.leaveState as string | null,
        })
      : null,
  }));
  return { items, where };
}

/** Activities a caller may list: the staff's and leaders' all, a member's own invitations. */
export async function listActivities(ctx: ServiceContext, query: ListActivitiesQuery) {
  // The upcoming first for a member; the newest first for the staff, unless a sort is asked.
  const q = query.sort ? query : { ...query, order: query.view === 'mine' ? query.order : ('desc' as const) };
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const { items, where } = await activityRows(ctx, q, settings);
  const [total] = await ctx.db
    .select({
      n: count(),
      residentCount: sql<number>`coalesce(sum(${activities.residentCount}), 0)::int`,
      visitedCount: sql<number>`coalesce(sum(${activities.visitedCount}), 0)::int`,
    })
    .from(activities)
    .where(where);
  return {
    ...toPage(items, total?.n ?? 0, query),
    sums: { residentCount: total?.residentCount ?? 0, visitedCount: total?.visitedCount ?? 0 },
  };
}

/** The conditions of the attendance rows (one per invitation); also each attendance figure's. */
/**
 * A row of attendance or leave by its member — as people search finds members (name, pinyin,
 * initials, sector, group; phones are not searched in these lists) — or by its activity's topic.
 */
const memberOrTopic = (q: string) =>
  or(memberSearch(q, { private: false })?.where, ilike(activities.topic, likePattern(q)))!;

export function attendanceConditions(
  ctx: ServiceContext,
  query: ListAttendanceQuery,
  settings: CommitteeSettings,
) {
  const a = ctx.actor;
  const mineOnly = query.memberId !== undefined && query.memberId === a.memberId;
  if (!mineOnly) authorize(a, 'overview', 'activities', collectionOf(a));
  const conditions: (SQL | undefined)[] = [
    eq(activityInvitations.committeeId, a.committeeId),
    ne(activities.state, 'planned'),
    ne(activities.state, 'cancelled'),
  ];
  if (query.activityId) conditions.push(eq(activityInvitations.activityId, query.activityId));
  if (query.memberId) conditions.push(eq(activityInvitations.memberId, query.memberId));
  if (query.kind) conditions.push(eq(activities.kind, query.kind));
  if (query.attendance) conditions.push(eq(activityInvitations.attendance, query.attendance));
  if (query.outcome === 'attended') conditions.push(sql`${activityInvitations.attendance} in ${attended}`);
  if (query.mandatory !== undefined) conditions.push(eq(activityInvitations.mandatory, query.mandatory));
  if (query.final) conditions.push(eq(activities.state, 'closed'));
  conditions.push(...periodConditions(activities.startsAt, query, settings.timeZone));
  if (query.q) conditions.push(memberOrTopic(query.q));
  return and(...conditions);
}

export async function attendanceRows(
  ctx: ServiceContext,
  query: ListAttendanceQuery,
  settings: CommitteeSettings,
  paged = true,
) {
  const where = attendanceConditions(ctx, query, settings);
  const base = ctx.db
    .select({
      activityId: activities.id,
      topic: activities.topic,
      kind: activities.kind,
      startsAt: activities.startsAt,
      activityState: activities.state,
      memberId: members.id,
      memberName: members.name,
      sectorName: sectors.name,
      mandatory: activityInvitations.mandatory,
      attendance: activityInvitations.attendance,
      signedInAt: activityInvitations.signedInAt,
    })
    .from(activityInvitations)
    .innerJoin(activities, eq(activities.id, activityInvitations.activityId))
    .innerJoin(members, eq(members.id, activityInvitations.memberId))
    .innerJoin(sectors, eq(sectors.id, members.sectorId))
    .where(where)
    .orderBy(
      orderBy(query, { startsAt: activities.startsAt, memberName: members.name }, activities.startsAt),
      members.name,
      activityInvitations.id,
    );
  const rows = paged ? await base.limit(query.pageSize).offset(pageOffset(query)) : await base;
  const items = rows.map((r) => ({
    activityId: r.activityId,
    topic: r.topic,
    kindLabel: kindOf(settings, r.kind).label,
    startsAt: r.startsAt.toISOString(),
    activityState: r.activityState as 'published' | 'closed',
    memberId: r.memberId,
    memberName: r.memberName,
    sectorName: r.sectorName,
    mandatory: r.mandatory,
    attendance: r.attendance as AttendanceResult | null,
    attendanceLabel: r.attendance ? attendanceLabels[r.attendance as AttendanceResult] : null,
    signedInAt: r.signedInAt ? r.signedInAt.toISOString() : null,
  }));
  return { items, where };
}

export async function listAttendance(ctx: ServiceContext, query: ListAttendanceQuery) {
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const { items, where } = await attendanceRows(ctx, query, settings);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(activityInvitations)
    .innerJoin(activities, eq(activities.id, activityInvitations.activityId))
    .innerJoin(members, eq(members.id, activityInvitations.memberId))
    .where(where);
  return toPage(items, total?.n ?? 0, query);
}

/** The approver's queue of leave requests (default: waiting ones), the soonest activity first. */
export async function listLeaveRequests(
  ctx: ServiceContext,
  query: { state?: LeaveState; activityId?: number; page: number; pageSize: number; q?: string },
) {
  const a = ctx.actor;
  authorize(a, 'decideLeave', 'activities', collectionOf(a));
  const settings = await getSettings(ctx.db, a.committeeId);
  const where = and(
    eq(activityLeaveRequests.committeeId, a.committeeId),
    query.state ? eq(activityLeaveRequests.state, query.state) : undefined,
    query.activityId ? eq(activityLeaveRequests.activityId, query.activityId) : undefined,
    query.q ? memberOrTopic(query.q) : undefined,
  );
  const rows = await ctx.db
    .select({
      l: activityLeaveRequests,
      memberName: members.name,
      topic: activities.topic,
      kind: activities.kind,
      startsAt: activities.startsAt,
      decidedByName: users.displayName,
    })
    .from(activityLeaveRequests)
    .innerJoin(activities, eq(activities.id, activityLeaveRequests.activityId))
    .innerJoin(members, eq(members.id, activityLeaveRequests.memberId))
    .leftJoin(users, eq(users.id, activityLeaveRequests.decidedBy))
    .where(where)
    .orderBy(activities.startsAt, activityLeaveRequests.id)
    .limit(query.pageSize)
    .offset(pageOffset(query));
  const [total] = await ctx.db
    .select({ n: count() })
    .from(activityLeaveRequests)
    .innerJoin(activities, eq(activities.id, activityLeaveRequests.activityId))
    .innerJoin(members, eq(members.id, activityLeaveRequests.memberId))
    .where(where);
  const items = rows.map(({ l, memberName, topic, kind, startsAt, decidedByName }) => ({
    id: l.id,
    memberId: l.memberId,
    memberName,
    reason: l.reason,
    state: l.state as LeaveState,
    stateLabel: leaveStateLabels[l.state as LeaveState],
    decisionNote: l.decisionNote,
    decidedByName,
    requestedAt: l.createdAt.toISOString(),
    decidedAt: l.decidedAt ? l.decidedAt.toISOString() : null,
    version: l.version,
    policies: leaveWorkflow.commandPolicies(ctx, l, {
      committeeId: l.committeeId,
      state: l.state as LeaveState,
      memberId: l.memberId,
      approver: settings.leaveApprover,
    }),
    activityId: l.activityId,
    activityTopic: topic,
    activityKindLabel: kindOf(settings, kind).label,
    activityStartsAt: startsAt.toISOString(),
  }));
  return toPage(items, total?.n ?? 0, query);
}

/** A member's own attendance of a year: closed activities only, the rate over obliged invitations. */
export async function myAttendance(ctx: ServiceContext, query: { year?: number }) {
  const a = ctx.actor;
  authorize(a, 'attend', 'activities', collectionOf(a));
  const settings = await getSettings(ctx.db, a.committeeId);
  const year =
    query.year ??
    Number(
      new Intl.DateTimeFormat('en', { timeZone: settings.timeZone, year: 'numeric' }).format(new Date()),
    );
  const rows = await ctx.db
    .select({
      attendance: activityInvitations.attendance,
      mandatory: activityInvitations.mandatory,
      n: count(),
    })
    .from(activityInvitations)
    .innerJoin(activities, eq(activities.id, activityInvitations.activityId))
    .where(
      and(
        eq(activityInvitations.committeeId, a.committeeId),
        eq(activityInvitations.memberId, a.memberId!),
        eq(activities.state, 'closed'),
        ...periodConditions(activities.startsAt, { year }, settings.timeZone),
      ),
    )
    .groupBy(activityInvitations.attendance, activityInvitations.mandatory);
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((s, r) => s + r.n, 0);
  const isAttended = (r: (typeof rows)[number]) => attendedResults.includes(r.attendance as AttendanceResult);
  const mandatory = sum((r) => r.mandatory);
  const mandatoryAttended = sum((r) => r.mandatory && isAttended(r));
  return {
    year,
    invited: sum(() => true),
    mandatory,
    attended: sum(isAttended),
    leave: sum((r) => r.attendance === 'leave'),
    absent: sum((r) => r.attendance === 'absent'),
    rate: mandatory === 0 ? null : Math.round((mandatoryAttended / mandatory) * 1000) / 10,
  };
}
