import { count, eq } from 'drizzle-orm';
import {
  listActivitiesQuery,
  listAttendanceQuery,
  type ActivityFigure,
  type ActivityFigures,
} from '@cppcc/shared';
import { activities, activityInvitations, members } from '../../db/schema';
import type { ServiceContext } from '../../lib/actor';
import { authorize, collectionOf } from '../../lib/policy';
import { getSettings } from '../../lib/settings';
import { outcomeFigures } from './outcomes/figures';
import { activityConditions, attendanceConditions } from './queries';

type ActivityFilter = { year?: number; kind?: string; state?: 'closed' };
type AttendanceFilter = {
  year?: number;
  kind?: string;
  attendance?: 'leave' | 'absent';
  outcome?: 'attended';
  mandatory?: boolean;
  final?: boolean;
};

/**
 * Activity figures of a year, each counted with the conditions of the list it opens (the activity
 * list or the attendance rows), so the figure and its list cannot disagree.
 */
export async function activityFigures(
  ctx: ServiceContext,
  query: { year?: number },
): Promise<ActivityFigures> {
  authorize(ctx.actor, 'overview', 'activities', collectionOf(ctx.actor));
  const settings = await getSettings(ctx.db, ctx.actor.committeeId);
  const year =
    query.year ??
    Number(
      new Intl.DateTimeFormat('en', { timeZone: settings.timeZone, year: 'numeric' }).format(new Date()),
    );

  const countActivities = async (filter: ActivityFilter) => {
    const q = listActivitiesQuery.parse({ ...filter, view: 'all' });
    const [row] = await ctx.db
      .select({ n: count() })
      .from(activities)
      .where(activityConditions(ctx, q, settings));
    return row?.n ?? 0;
  };
  const countAttendance = async (filter: AttendanceFilter) => {
    const q = listAttendanceQuery.parse({
      ...filter,
      mandatory: filter.mandatory?.toString(),
      final: filter.final ? 'true' : undefined,
    });
    const [row] = await ctx.db
      .select({ n: count() })
      .from(activityInvitations)
      .innerJoin(activities, eq(activities.id, activityInvitations.activityId))
      .innerJoin(members, eq(members.id, activityInvitations.memberId))
      .where(attendanceConditions(ctx, q, settings));
    return row?.n ?? 0;
  };
  const held = async (key: string, label: string, filter: ActivityFilter): Promise<ActivityFigure> => ({
    key,
    label,
    value: await countActivities(filter),
    unit: '场次',
    list: 'activities',
    filter,
  });
  const times = async (key: string, label: string, filter: AttendanceFilter): Promise<ActivityFigure> => ({
    key,
    label,
    value: await countAttendance(filter),
    unit: '人次',
    list: 'attendance',
    filter,
  });

  const obliged = await times('obliged', '应出席', { year, final: true, mandatory: true });
  const obligedAttended = await countAttendance({ year, final: true, mandatory: true, outcome: 'attended' });
  const rate: ActivityFigure = {
    key: 'attendanceRate',
    label: '出勤率',
    value: obliged.value === 0 ? 0 : Math.round((obligedAttended / obliged.value) * 1000) / 10,
    unit: '%',
    numerator: obligedAttended,
    denominator: obliged.value,
    denominatorLabel: '应出席人次',
    list: 'attendance',
    filter: { year, final: true, mandatory: true, outcome: 'attended' },
  };
  const totals = [
    await held('held', '已举办活动', { year, state: 'closed' }),
    await times('attended', '参加活动', { year, final: true, outcome: 'attended' }),
    obliged,
    rate,
    await times('leave', '请假', { year, final: true, attendance: 'leave' }),
    await times('absent', '缺席', { year, final: true, attendance: 'absent' }),
  ];
  // Per kind: the same conditions as the totals, grouped by kind (each row's list adds `kind`).
  const heldByKind = await grouped(
    ctx.db
      .select({ kind: activities.kind, n: count() })
      .from(activities)
      .where(
        activityConditions(ctx, listActivitiesQuery.parse({ year, state: 'closed', view: 'all' }), settings),
      )
      .groupBy(activities.kind),
  );
  const attendedByKind = await grouped(
    ctx.db
      .select({ kind: activities.kind, n: count() })
      .from(activityInvitations)
      .innerJoin(activities, eq(activities.id, activityInvitations.activityId))
      .innerJoin(members, eq(members.id, activityInvitations.memberId))
      .where(
        attendanceConditions(
          ctx,
          listAttendanceQuery.parse({ year, final: 'true', outcome: 'attended' }),
          settings,
        ),
      )
      .groupBy(activities.kind),
  );
  const byKind = settings.activityKinds
    .filter((k) => heldByKind.has(k.code) || attendedByKind.has(k.code))
    .map((k) => ({
      kind: k.code,
      label: k.label,
      figures: [
        figure('held', '已举办', heldByKind.get(k.code) ?? 0, '场次', 'activities', {
          year,
          kind: k.code,
          state: 'closed',
        }),
        figure('attended', '参加', attendedByKind.get(k.code) ?? 0, '人次', 'attendance', {
          year,
          kind: k.code,
          final: true,
          outcome: 'attended',
        }),
      ],
    }));
  return { year, totals, outcomes: await outcomeFigures(ctx, settings, year), byKind };
}

const grouped = async (rows: Promise<{ kind: string; n: number }[]>) =>
  new Map((await rows).map((r) => [r.kind, r.n]));

const figure = (
  key: string,
  label: string,
  value: number,
  unit: ActivityFigure['unit'],
  list: ActivityFigure['list'],
  filter: ActivityFigure['filter'],
): ActivityFigure => ({ key, label, value, unit, list, filter });
