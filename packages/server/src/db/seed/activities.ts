import { and, eq, inArray } from 'drizzle-orm';
import type { AttendanceResult, CreateActivityInput } from '@cppcc/shared';
import type { AppConfig } from '../../env';
import type { Db, DbOrTx } from '../client';
import * as s from '../schema';
import { actorOfUser, type ServiceContext } from '../../lib/actor';
import { requestLeave } from '../../modules/activities/commands/attend';
import { approveLeave } from '../../modules/activities/commands/leave';
import {
  cancelActivity,
  closeActivity,
  markAttendance,
  publishActivity,
} from '../../modules/activities/commands/run-activity';
import { createActivity } from '../../modules/activities/commands/write-activity';
import { demoTowns, type SeededOrganisation } from './organisation';
import { seededRandom, type Random } from './random';

/**
 * A year of the district's activities walked through the activity use cases: every kind, with
 * invitations, leave approved by the liaison staff, the roster marked after the paper sign-in and
 * closing into duty records; three coming ones (one starting shortly, so sign-in can be tried at
 * once), one being prepared and one cancelled.
 */

const ctxOf = (db: DbOrTx, user: typeof s.users.$inferSelect): ServiceContext => ({
  db,
  actor: actorOfUser(user, null),
  config: {} as AppConfig,
});

type Plan = { kind: string; topic: string; invite: 'default' | 'group' | 'some'; month: number };
const held: Plan[] = [
  { kind: 'plenary', topic: '区政协第五届委员会第三次会议', invite: 'default', month: 1 },
  { kind: 'standingMeeting', topic: '区政协五届十次常委会议', invite: 'default', month: 2 },
  { kind: 'chairMeeting', topic: '区政协主席会议（第二十一次）', invite: 'default', month: 2 },
  { kind: 'training', topic: '新任委员履职能力专题培训', invite: 'group', month: 3 },
  { kind: 'research', topic: '关于老旧小区改造的专题调研', invite: 'some', month: 3 },
  { kind: 'grassrootsConsultation', topic: '有事好商量：背街小巷停车难', invite: 'some', month: 4 },
  { kind: 'inspection', topic: '视察城区中小学校园安全', invite: 'some', month: 4 },
  { kind: 'standingMeeting', topic: '区政协五届十一次常委会议', invite: 'default', month: 5 },
  { kind: 'topicalConsultation', topic: '优化营商环境专题协商会', invite: 'some', month: 5 },
  { kind: 'supervision', topic: '农村饮水安全专项民主监督', invite: 'group', month: 6 },
  { kind: 'lecture', topic: '委员大讲堂：数字经济与县域发展', invite: 'group', month: 6 },
  { kind: 'grassrootsConsultation', topic: '有事好商量：电动车进楼充电隐患', invite: 'some', month: 6 },
  { kind: 'research', topic: '关于养老服务体系建设的调研', invite: 'some', month: 7 },
  { kind: 'reading', topic: '书香政协·读书分享会', invite: 'group', month: 7 },
  { kind: 'chairMeeting', topic: '区政协主席会议（第二十五次）', invite: 'default', month: 8 },
  { kind: 'proposalConsultation', topic: '重点提案办理协商会', invite: 'some', month: 8 },
  { kind: 'visit', topic: '走访慰问困难委员和企业', invite: 'some', month: 9 },
  { kind: 'volunteer', topic: '委员进社区义诊志愿服务', invite: 'some', month: 9 },
  { kind: 'standingMeeting', topic: '区政协五届十二次常委会议', invite: 'default', month: 10 },
  { kind: 'grassrootsConsultation', topic: '有事好商量：农贸市场改造', invite: 'some', month: 10 },
  { kind: 'training', topic: '提案和社情民意信息撰写培训', invite: 'group', month: 11 },
  { kind: 'sectorConsultation', topic: '教育界界别协商：课后服务', invite: 'some', month: 11 },
];

const at = (year: number, month: number, day: number, hour: number) =>
  new Date(
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`,
  );

function input(
  plan: Plan,
  startsAt: Date,
  groupIds: number[],
  someIds: number[],
  random: Random,
): CreateActivityInput {
  return {
    kind: plan.kind,
    topic: plan.topic,
    organiserType: 'committee',
    organiserId: null,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
    place:
      plan.kind === 'grassrootsConsultation' ? `${random.pick(demoTowns)}委员会客室` : '区政协机关三楼会议室',
    agenda:
      plan.kind === 'plenary'
        ? '一、听取常务委员会工作报告\n二、审议提案工作情况报告\n三、大会发言'
        : undefined,
    otherParticipants: plan.kind === 'grassrootsConsultation' ? '街道办事处、区住建局' : undefined,
    residentCount: plan.kind === 'grassrootsConsultation' ? random.int(15, 40) : 0,
    otherCount: 0,
    attachmentIds: [],
    issueResolved: null,
    visitedCount: null,
    planItemId: null,
    inviteDefault: plan.invite === 'default',
    mandatory: true,
    invite:
      plan.invite === 'group'
        ? {
            groupIds,
            memberIds: [],
            sectorIds: [],
            specialCommitteeIds: [],
            standing: false,
            leaders: false,
            all: false,
          }
        : plan.invite === 'some'
          ? {
              memberIds: someIds,
              groupIds: [],
              sectorIds: [],
              specialCommitteeIds: [],
              standing: false,
              leaders: false,
              all: false,
            }
          : undefined,
  };
}

export async function seedActivities(db: Db, org: SeededOrganisation, now = new Date()) {
  await db.transaction((tx) => seedIn(tx, org, now));
}

async function seedIn(db: DbOrTx, org: SeededOrganisation, now: Date) {
  const random = seededRandom(20243);
  const countyUsers = await db.select().from(s.users).where(eq(s.users.committeeId, org.countyId));
  const byName = (username: string) => countyUsers.find((u) => u.username === username)!;
  const staff = ctxOf(db, byName('liaison.staff'));
  const demoMember = byName('member');
  const groups = await db.select().from(s.memberGroups).where(eq(s.memberGroups.committeeId, org.countyId));
  const year = now.getFullYear();
  const some = () => {
    const ids = new Set<number>([demoMember.memberId!]);
    while (ids.size < random.int(12, 24)) ids.add(random.pick(org.memberIds));
    return [...ids];
  };

  for (const [i, plan] of held.entries()) {
    // The last twelve months: a month not yet reached this year is last year's.
    const thisYear = at(year, plan.month, 8 + (i % 15), 9);
    const startsAt = thisYear < now ? thisYear : at(year - 1, plan.month, 8 + (i % 15), 9);
    const group = groups[i % groups.length]!;
    const activity = await createActivity(staff, input(plan, startsAt, [group.id], some(), random));
    await publishActivity(staff, activity.id, {});
    const invited = await db
      .select({ memberId: s.activityInvitations.memberId })
      .from(s.activityInvitations)
      .where(eq(s.activityInvitations.activityId, activity.id));
    // The paper sign-in entered by the staff; a few asked for leave beforehand, a few did not come.
    const marks: { memberId: number; attendance: AttendanceResult }[] = [];
    for (const { memberId } of invited) {
      const roll = random.next();
      if (roll < 0.07) {
        const [leave] = await db
          .insert(s.activityLeaveRequests)
          .values({
            committeeId: org.countyId,
            activityId: activity.id,
            memberId,
            reason: random.pick(leaveReasons),
            createdAt: new Date(startsAt.getTime() - 2 * 86_400_000),
          })
          .returning();
        await db
          .update(s.activityInvitations)
          .set({ reply: 'leave' })
          .where(
            and(
              eq(s.activityInvitations.activityId, activity.id),
              eq(s.activityInvitations.memberId, memberId),
            ),
          );
        await approveLeave(staff, leave!.id, {});
      } else if (roll < 0.93)
        marks.push({ memberId, attendance: roll < 0.88 ? 'present' : roll < 0.91 ? 'late' : 'leftEarly' });
    }
    if (marks.length > 0) await markAttendance(staff, activity.id, { entries: marks });
    await closeActivity(staff, activity.id, { minutes: `${plan.topic}已按议程完成。` });
  }

  // Coming: one starting shortly (sign-in is open), one tomorrow, one next week; one being prepared, one cancelled.
  const soon = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const coming: [Plan, Date][] = [
    [
      { kind: 'topicalConsultation', topic: '城区交通拥堵治理专题协商会', invite: 'some', month: 0 },
      soon(20),
    ],
    [{ kind: 'research', topic: '关于农村电商发展的专题调研', invite: 'some', month: 0 }, soon(26 * 60)],
    [
      { kind: 'standingMeeting', topic: '区政协五届十三次常委会议', invite: 'default', month: 0 },
      soon(7 * 24 * 60),
    ],
  ];
  for (const [plan, startsAt] of coming) {
    const activity = await createActivity(staff, input(plan, startsAt, [groups[0]!.id], some(), random));
    await publishActivity(staff, activity.id, {});
  }
  await createActivity(
    staff,
    input(
      { kind: 'training', topic: '年度委员履职培训（筹备）', invite: 'group', month: 0 },
      soon(30 * 24 * 60),
      [groups[1]!.id],
      [],
      random,
    ),
  );
  const cancelled = await createActivity(
    staff,
    input(
      { kind: 'inspection', topic: '视察河道治理工程', invite: 'some', month: 0 },
      soon(3 * 24 * 60),
      [],
      some(),
      random,
    ),
  );
  await publishActivity(staff, cancelled.id, {});
  await cancelActivity(staff, cancelled.id, { reason: '因汛期天气原因取消，另行安排' });

  // The demo member asks for leave from next week's meeting, waiting for the staff's decision.
  const [weekly] = await db
    .select({ id: s.activities.id })
    .from(s.activities)
    .where(
      and(
        eq(s.activities.committeeId, org.countyId),
        inArray(s.activities.topic, ['关于农村电商发展的专题调研']),
      ),
    );
  if (weekly) await requestLeave(ctxOf(db, demoMember), weekly.id, { reason: '当天在外地参加行业会议' });
}

const leaveReasons = ['赴外地出差', '身体不适', '单位有紧急工作', '参加市里会议', '家中有事'];
