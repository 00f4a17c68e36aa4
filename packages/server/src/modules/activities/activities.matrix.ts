import { eq, sql } from 'drizzle-orm';
import { activityCommandRoutes, leaveCommandRoutes, type ActivityState } from '@cppcc/shared';
import type { Db } from '../../db/client';
import * as s from '../../db/schema';
import type { MatrixEntry, VisibilityCase } from '../../../test/matrix';
import { buildActivity, buildMember } from '../../../test/factories';

/** Everything a refused request must leave alone: the activity, its invitations, leave and history. */
const snapshotOf = (activityId: number) => async (db: Db) => {
  const [a] = await db.select().from(s.activities).where(eq(s.activities.id, activityId));
  const counts = await db.execute(sql`select
      (select count(*)::int from timeline_events where record_type = 'activity' and record_id = ${activityId}) as timeline,
      (select jsonb_agg(to_jsonb(i) order by i.id) from activity_invitations i where activity_id = ${activityId}) as invitations,
      (select count(*)::int from activity_leave_requests where activity_id = ${activityId}) as leave,
      (select count(*)::int from duty_records where source_type = 'activity' and source_id = ${activityId}) as duty`);
  return { a, counts: counts.rows[0] };
};

const strongest: NonNullable<MatrixEntry['crossCommittee']>['roles'] = ['liaisonStaff', 'leader', 'member'];

/** An activity of committee B with one invited member, in `state`. */
async function foreignActivity(
  db: Db,
  committeeBId: number,
  state: ActivityState = 'published',
  topic?: string,
) {
  const m = await buildMember(db, committeeBId);
  const a = await buildActivity(db, committeeBId, { state, ...(topic ? { topic } : {}) }, [m.id]);
  return { a, memberId: m.id };
}

const commandCases: Record<
  keyof typeof activityCommandRoutes,
  [ActivityState, (memberId: number) => unknown]
> = {
  invite: ['published', (memberId) => ({ selection: { memberIds: [memberId] } })],
  removeInvitation: ['published', (memberId) => ({ memberIds: [memberId] })],
  publish: ['planned', () => ({})],
  markAttendance: ['published', (memberId) => ({ entries: [{ memberId, attendance: 'present' }] })],
  recordOutcome: ['closed', () => ({ minutes: '改掉别人的纪要' })],
  close: ['published', () => ({})],
  reopen: ['closed', () => ({ reason: '补登' })],
  cancel: ['published', () => ({ reason: '取消' })],
};

const commandEntries = (
  Object.entries(activityCommandRoutes) as [keyof typeof activityCommandRoutes, { path: string }][]
).map(([command, route]): MatrixEntry => ({
  route: `POST /api/activities/:id/${route.path}`,
  crossCommittee: {
    roles: strongest,
    async foreign(db, committeeBId) {
      const [state, payload] = commandCases[command];
      const { a, memberId } = await foreignActivity(db, committeeBId, state);
      return {
        url: `/api/activities/${a.id}/${route.path}`,
        payload: payload(memberId),
        snapshot: snapshotOf(a.id),
      };
    },
  },
}));

/** The invitee's own steps on committee B's activity. */
const inviteeEntry = (path: string, payload: unknown): MatrixEntry => ({
  route: `POST /api/activities/:id/${path}`,
  crossCommittee: {
    roles: strongest,
    async foreign(db, committeeBId) {
      const { a } = await foreignActivity(db, committeeBId);
      return { url: `/api/activities/${a.id}/${path}`, payload, snapshot: snapshotOf(a.id) };
    },
  },
});

const readEntry = (suffix: string): MatrixEntry => ({
  route: `GET /api/activities/:id${suffix}`,
  crossCommittee: {
    roles: strongest,
    async foreign(db, committeeBId) {
      const { a } = await foreignActivity(db, committeeBId);
      return { url: `/api/activities/${a.id}${suffix}` };
    },
  },
  ...(suffix === '' ? { visibility: activityVisibility } : {}),
});

/** An activity being prepared is the staff's; a published one its invitees', the staff's and the leaders'. */
const activityVisibility: VisibilityCase[] = [
  {
    name: '筹备中的活动',
    async build(db, committeeId) {
      const invitee = await buildMember(db, committeeId);
      const a = await buildActivity(db, committeeId, { state: 'planned' }, [invitee.id]);
      return {
        url: `/api/activities/${a.id}`,
        readers: [{ label: '委员联络工作人员', roles: ['liaisonStaff'] }],
        hidden: [
          { label: '被邀请委员', roles: ['member'], memberId: invitee.id },
          { label: '提案工作人员', roles: ['proposalStaff'] },
        ],
      };
    },
  },
  {
    name: '已发布的活动',
    async build(db, committeeId) {
      const invitee = await buildMember(db, committeeId);
      const other = await buildMember(db, committeeId);
      const a = await buildActivity(db, committeeId, { state: 'published' }, [invitee.id]);
      return {
        url: `/api/activities/${a.id}`,
        readers: [
          { label: '被邀请委员', roles: ['member'], memberId: invitee.id },
          { label: '主席会议成员', roles: ['leader'] },
        ],
        hidden: [
          { label: '未被邀请的委员', roles: ['member'], memberId: other.id },
          { label: '承办单位', roles: ['unitHandler'] },
        ],
      };
    },
  },
];

async function foreignLeave(db: Db, committeeBId: number) {
  const { a, memberId } = await foreignActivity(db, committeeBId);
  const [leave] = await db
    .insert(s.activityLeaveRequests)
    .values({ committeeId: committeeBId, activityId: a.id, memberId, reason: '乙方请假理由' })
    .returning();
  return { a, leave: leave! };
}

const leaveEntries = Object.values(leaveCommandRoutes).map((route): MatrixEntry => ({
  route: `POST /api/activity-leave/:id/${route.path}`,
  crossCommittee: {
    roles: ['liaisonStaff', 'leader', 'member'],
    async foreign(db, committeeBId) {
      const { a, leave } = await foreignLeave(db, committeeBId);
      return {
        url: `/api/activity-leave/${leave.id}/${route.path}`,
        payload: route.path === 'refuse' ? { note: '不准' } : {},
        snapshot: snapshotOf(a.id),
      };
    },
  },
}));

const listEntry = (route: string, url: string): MatrixEntry => ({
  route,
  crossCommittee: {
    roles: ['liaisonStaff', 'leader'],
    async foreign(db, committeeBId) {
      const { a } = await foreignActivity(db, committeeBId, 'closed', '乙方政协的秘密活动');
      void a;
      return { url, mustNotContain: '乙方政协的秘密活动' };
    },
  },
});

export const matrix: MatrixEntry[] = [
  listEntry('GET /api/activities', '/api/activities'),
  listEntry('GET /api/activities/export.xlsx', '/api/activities/export.xlsx'),
  listEntry('GET /api/activity-attendance', '/api/activity-attendance'),
  listEntry('GET /api/activity-attendance/export.xlsx', '/api/activity-attendance/export.xlsx'),
  {
    route: 'GET /api/activities/form-options',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        await db.insert(s.memberGroups).values({ committeeId: committeeBId, name: '乙方政协的活动小组' });
        return { url: '/api/activities/form-options', mustNotContain: '乙方政协的活动小组' };
      },
    },
  },
  {
    route: 'GET /api/activities/figures',
    crossCommittee: {
      roles: ['liaisonStaff', 'leader'],
      async foreign(db, committeeBId) {
        await foreignActivity(db, committeeBId, 'closed');
        return { url: '/api/activities/figures', mustNotContain: '"value":1' };
      },
    },
  },
  {
    route: 'GET /api/activities/my-attendance',
    selfOnly: true,
  },
  {
    route: 'POST /api/activities',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const m = await buildMember(db, committeeBId);
        const startsAt = new Date(Date.now() + 86_400_000);
        return {
          url: '/api/activities',
          payload: {
            kind: 'research',
            topic: '跨组织活动',
            organiserType: 'committee',
            startsAt: startsAt.toISOString(),
            endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
            place: '会议室',
            invite: { memberIds: [m.id] },
          },
          refusedWith: [400],
          snapshot: async (d) => (await d.execute(sql`select count(*)::int as n from activities`)).rows[0],
        };
      },
    },
  },
  readEntry(''),
  readEntry('/sign-in-code'),
  readEntry('/sign-in-sheet.docx'),
  readEntry('/attendance.xlsx'),
  {
    route: 'PATCH /api/activities/:id',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const { a } = await foreignActivity(db, committeeBId);
        return {
          url: `/api/activities/${a.id}`,
          payload: { topic: '改掉别人的活动' },
          snapshot: snapshotOf(a.id),
        };
      },
    },
  },
  ...commandEntries,
  inviteeEntry('reply', {}),
  inviteeEntry('leave', { reason: '请假' }),
  inviteeEntry('sign-in', { code: '123456' }),
  {
    route: 'GET /api/activity-leave',
    crossCommittee: {
      roles: ['liaisonStaff', 'leader'],
      async foreign(db, committeeBId) {
        await foreignLeave(db, committeeBId);
        return { url: '/api/activity-leave', mustNotContain: '乙方请假理由' };
      },
    },
  },
  ...leaveEntries,
];
