import { sql } from 'drizzle-orm';
import { readingNoteCommandRoutes, speechCommandRoutes, suggestionCommandRoutes } from '@cppcc/shared';
import type { Db } from '../../../db/client';
import * as s from '../../../db/schema';
import type { MatrixEntry, VisibilityCase } from '../../../../test/matrix';
import { buildActivity, buildMember, buildUnit, buildUser } from '../../../../test/factories';

/** Committee B's held activity with one invited member, and records of each outcome kind on it. */
async function foreignOutcomes(db: Db, committeeBId: number) {
  const member = await buildMember(db, committeeBId);
  const unit = await buildUnit(db, committeeBId);
  const activity = await buildActivity(db, committeeBId, { state: 'closed', kind: 'plenary' }, [member.id]);
  const by = activity.createdBy;
  const [suggestion] = await db
    .insert(s.activitySuggestions)
    .values({
      committeeId: committeeBId,
      activityId: activity.id,
      content: '乙方政协的秘密建议',
      unitId: unit.id,
      deadline: new Date(Date.now() + 86_400_000),
      state: 'sent',
      createdBy: by,
    })
    .returning();
  const [speech] = await db
    .insert(s.activitySpeeches)
    .values({
      committeeId: committeeBId,
      activityId: activity.id,
      memberId: member.id,
      mode: 'written',
      title: '乙方政协的秘密发言',
      content: '内容',
      createdBy: by,
    })
    .returning();
  const [note] = await db
    .insert(s.readingNotes)
    .values({
      committeeId: committeeBId,
      memberId: member.id,
      bookTitle: '乙方的书',
      title: '乙方政协的秘密笔记',
      content: '内容',
    })
    .returning();
  return { activity, member, unit, suggestion: suggestion!, speech: speech!, note: note! };
}

const snapshot =
  (table: 'activity_suggestions' | 'activity_speeches' | 'reading_notes', id: number) => async (db: Db) =>
    (
      await db.execute(
        sql`select to_jsonb(t) as row, (select count(*)::int from duty_records) as duty from ${sql.raw(table)} t where id = ${id}`,
      )
    ).rows[0];

const staffAndLeader: NonNullable<MatrixEntry['crossCommittee']>['roles'] = ['liaisonStaff', 'leader'];
const everyone: NonNullable<MatrixEntry['crossCommittee']>['roles'] = [
  'liaisonStaff',
  'leader',
  'member',
  'unitHandler',
];

const listEntry = (path: string, marker: string, roles = staffAndLeader): MatrixEntry => ({
  route: `GET /api${path}`,
  crossCommittee: {
    roles,
    async foreign(db, committeeBId) {
      await foreignOutcomes(db, committeeBId);
      return { url: `/api${path}`, mustNotContain: marker };
    },
  },
});

type Kind = 'suggestion' | 'speech' | 'note';
const tables = {
  suggestion: 'activity_suggestions',
  speech: 'activity_speeches',
  note: 'reading_notes',
} as const;
const bases = {
  suggestion: '/activity-suggestions',
  speech: '/activity-speeches',
  note: '/reading-notes',
} as const;

const recordEntry = (
  kind: Kind,
  method: 'GET' | 'PATCH' | 'POST',
  suffix = '',
  payload?: unknown,
): MatrixEntry => ({
  route: `${method} /api${bases[kind]}/:id${suffix}`,
  crossCommittee: {
    roles: everyone,
    async foreign(db, committeeBId) {
      const records = await foreignOutcomes(db, committeeBId);
      const id = records[kind].id;
      return {
        url: `/api${bases[kind]}/${id}${suffix}`,
        ...(payload ? { payload } : {}),
        ...(method === 'GET' ? {} : { snapshot: snapshot(tables[kind], id) }),
      };
    },
  },
});

const day = () => new Date().toISOString().slice(0, 10);
const suggestionPayloads: Record<keyof typeof suggestionCommandRoutes, () => unknown> = {
  send: () => ({ unitId: 1, deadline: day() }),
  adopt: () => ({ feedback: '采纳', adoptedOn: day() }),
  decline: () => ({ feedback: '不采纳' }),
  implement: () => ({ feedback: '落实', implementedOn: day() }),
  reopen: () => ({ reason: '撤回' }),
};
const speechPayloads: Record<keyof typeof speechCommandRoutes, unknown> = {
  accept: {},
  decline: { note: '不收录' },
  select: {},
  unselect: {},
  withdraw: {},
};

/** A create naming committee B's activity (or member) is refused as an unknown reference, nothing written. */
const createEntry = (
  path: string,
  table: string,
  payload: (r: Awaited<ReturnType<typeof foreignOutcomes>>) => unknown,
): MatrixEntry => ({
  route: `POST /api${path}`,
  crossCommittee: {
    roles: ['liaisonStaff', 'member'],
    async foreign(db, committeeBId) {
      const records = await foreignOutcomes(db, committeeBId);
      return {
        url: `/api${path}`,
        payload: payload(records),
        refusedWith: [400, 403],
        snapshot: async (d) =>
          (await d.execute(sql`select count(*)::int as n from ${sql.raw(table)}`)).rows[0],
      };
    },
  },
});

/** A suggestion is the staff's until it is sent, then also its department's; a speech or note its author's. */
const visibility: Record<Kind, VisibilityCase[]> = {
  suggestion: [
    {
      name: '未报送的意见建议',
      async build(db, committeeId) {
        const unit = await buildUnit(db, committeeId);
        const activity = await buildActivity(db, committeeId, { state: 'closed' });
        const [row] = await db
          .insert(s.activitySuggestions)
          .values({
            committeeId,
            activityId: activity.id,
            content: '建议',
            unitId: unit.id,
            createdBy: activity.createdBy,
          })
          .returning();
        return {
          url: `/api/activity-suggestions/${row!.id}`,
          readers: [
            { label: '委员联络工作人员', roles: ['liaisonStaff'] },
            { label: '主席会议成员', roles: ['leader'] },
          ],
          hidden: [
            { label: '拟报送部门', roles: ['unitHandler'], unitId: unit.id },
            { label: '委员', roles: ['member'] },
          ],
        };
      },
    },
    {
      name: '已报送的意见建议',
      async build(db, committeeId) {
        const unit = await buildUnit(db, committeeId);
        const other = await buildUnit(db, committeeId);
        const activity = await buildActivity(db, committeeId, { state: 'closed' });
        const [row] = await db
          .insert(s.activitySuggestions)
          .values({
            committeeId,
            activityId: activity.id,
            content: '建议',
            unitId: unit.id,
            state: 'sent',
            createdBy: activity.createdBy,
          })
          .returning();
        return {
          url: `/api/activity-suggestions/${row!.id}`,
          readers: [{ label: '报送部门', roles: ['unitHandler'], unitId: unit.id }],
          hidden: [{ label: '其他部门', roles: ['unitHandler'], unitId: other.id }],
        };
      },
    },
  ],
  speech: [
    {
      name: '委员的书面发言',
      async build(db, committeeId) {
        const author = await buildMember(db, committeeId);
        const other = await buildMember(db, committeeId);
        const activity = await buildActivity(db, committeeId, { state: 'published' }, [author.id, other.id]);
        const [row] = await db
          .insert(s.activitySpeeches)
          .values({
            committeeId,
            activityId: activity.id,
            memberId: author.id,
            mode: 'written',
            title: '发言',
            content: '内容',
            createdBy: (await buildUser(db, committeeId, ['member'], { memberId: author.id })).id,
          })
          .returning();
        return {
          url: `/api/activity-speeches/${row!.id}`,
          readers: [
            { label: '发言委员', roles: ['member'], memberId: author.id },
            { label: '委员联络工作人员', roles: ['liaisonStaff'] },
          ],
          hidden: [
            { label: '同场的其他委员', roles: ['member'], memberId: other.id },
            { label: '承办单位', roles: ['unitHandler'] },
          ],
        };
      },
    },
  ],
  note: [
    {
      name: '委员的读书笔记',
      async build(db, committeeId) {
        const author = await buildMember(db, committeeId);
        const other = await buildMember(db, committeeId);
        const [row] = await db
          .insert(s.readingNotes)
          .values({ committeeId, memberId: author.id, bookTitle: '书', title: '笔记', content: '内容' })
          .returning();
        return {
          url: `/api/reading-notes/${row!.id}`,
          readers: [
            { label: '作者', roles: ['member'], memberId: author.id },
            { label: '主席会议成员', roles: ['leader'] },
          ],
          hidden: [{ label: '其他委员', roles: ['member'], memberId: other.id }],
        };
      },
    },
  ],
};

const withVisibility = (entry: MatrixEntry, kind: Kind): MatrixEntry => ({
  ...entry,
  visibility: visibility[kind],
});

export const matrix: MatrixEntry[] = [
  listEntry('/activity-suggestions', '乙方政协的秘密建议', [...staffAndLeader, 'unitHandler']),
  listEntry('/activity-suggestions/export.xlsx', '乙方政协的秘密建议'),
  listEntry('/activity-speeches', '乙方政协的秘密发言', [...staffAndLeader, 'member']),
  listEntry('/activity-speeches/export.xlsx', '乙方政协的秘密发言'),
  listEntry('/reading-notes', '乙方政协的秘密笔记', [...staffAndLeader, 'member']),
  listEntry('/reading-notes/export.xlsx', '乙方政协的秘密笔记'),
  createEntry('/activity-suggestions', 'activity_suggestions', (r) => ({
    activityId: r.activity.id,
    content: '跨组织建议',
  })),
  createEntry('/activity-speeches', 'activity_speeches', (r) => ({
    activityId: r.activity.id,
    mode: 'written',
    title: '跨组织发言',
    content: '内容',
  })),
  createEntry('/reading-notes', 'reading_notes', (r) => ({
    activityId: r.activity.id,
    bookTitle: '书',
    title: '跨组织笔记',
    content: '内容',
  })),
  withVisibility(recordEntry('suggestion', 'GET'), 'suggestion'),
  recordEntry('suggestion', 'PATCH', '', { content: '改掉别人的建议' }),
  ...Object.entries(suggestionCommandRoutes).map(([command, route]) =>
    recordEntry(
      'suggestion',
      'POST',
      `/${route.path}`,
      suggestionPayloads[command as keyof typeof suggestionPayloads](),
    ),
  ),
  withVisibility(recordEntry('speech', 'GET'), 'speech'),
  ...Object.entries(speechCommandRoutes).map(([command, route]) =>
    recordEntry('speech', 'POST', `/${route.path}`, speechPayloads[command as keyof typeof speechPayloads]),
  ),
  withVisibility(recordEntry('note', 'GET'), 'note'),
  ...Object.values(readingNoteCommandRoutes).map((route) =>
    recordEntry('note', 'POST', `/${route.path}`, route.path === 'return' ? { reason: '退回' } : {}),
  ),
];
