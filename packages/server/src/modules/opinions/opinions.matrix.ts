import { eq, sql } from 'drizzle-orm';
import { opinionCommandRoutes, forwardingCommandRoutes, type OpinionState } from '@cppcc/shared';
import type { Db } from '../../db/client';
import * as s from '../../db/schema';
import type { MatrixEntry, VisibilityCase } from '../../../test/matrix';
import { buildMember, buildOpinion, buildUnit, buildUser } from '../../../test/factories';

/** Everything a refused request must leave alone: the opinion, its history, ledger and dependants. */
const snapshotOf = (opinionId: number) => async (db: Db) => {
  const [o] = await db.select().from(s.opinions).where(eq(s.opinions.id, opinionId));
  const counts = await db.execute(sql`select
      (select count(*)::int from timeline_events where record_type = 'opinion' and record_id = ${opinionId}) as timeline,
      (select count(*)::int from opinion_ledger where opinion_id = ${opinionId}) as ledger,
      (select count(*)::int from opinion_versions where opinion_id = ${opinionId}) as versions,
      (select count(*)::int from opinion_forwardings where opinion_id = ${opinionId}) as forwardings,
      (select count(*)::int from opinion_instructions where opinion_id = ${opinionId}) as instructions,
      (select count(*)::int from opinions where source_opinion_id = ${opinionId}) as reports`);
  return { o, counts: counts.rows[0] };
};

const strongest: NonNullable<MatrixEntry['crossCommittee']>['roles'] = [
  'opinionStaff',
  'leader',
  'member',
  'unitHandler',
];

/** The state a command is taken from, and a valid body for it. */
const commandCases: Record<keyof typeof opinionCommandRoutes, [OpinionState, unknown]> = {
  submit: ['draft', {}],
  withdraw: ['submitted', {}],
  respondCoauthor: ['submitted', { confirm: true }],
  startEditing: ['submitted', {}],
  saveEdit: ['editing', { title: '改写标题', content: '改写内容' }],
  adopt: ['editing', {}],
  combine: ['editing', { otherOpinionIds: [1] }],
  archive: ['editing', {}],
  return: ['editing', { comment: '请补充' }],
  reopen: ['adopted', { reason: '撤销' }],
  report: ['adopted', { target: 'national' }],
  recordExternalOutcome: ['adopted', { occurredOn: '2026-11-01' }],
  recordInstruction: [
    'adopted',
    { leaderName: '张明', leaderPost: '书记', level: 'county', text: '请办理', instructedOn: '2026-11-01' },
  ],
  reportInstructionDone: ['adopted', { instructionId: 1, result: '已办理' }],
  forward: ['adopted', { channel: 'department', unitId: 1, deadline: '2099-01-01' }],
};

const commandEntries = (
  Object.entries(opinionCommandRoutes) as [keyof typeof opinionCommandRoutes, { path: string }][]
).map(([command, route]): MatrixEntry => ({
  route: `POST /api/opinions/:id/${route.path}`,
  crossCommittee: {
    roles: strongest,
    async foreign(db, committeeBId) {
      const [state, payload] = commandCases[command];
      const o = await buildOpinion(db, committeeBId, { state, submittedAt: new Date() });
      return { url: `/api/opinions/${o.id}/${route.path}`, payload, snapshot: snapshotOf(o.id) };
    },
  },
}));

async function foreignForwarding(db: Db, committeeBId: number) {
  const o = await buildOpinion(db, committeeBId, { state: 'adopted' });
  const unit = await buildUnit(db, committeeBId);
  const forwardedBy = await buildUser(db, committeeBId, ['opinionStaff']);
  const [f] = await db
    .insert(s.opinionForwardings)
    .values({
      committeeId: committeeBId,
      opinionId: o.id,
      channel: 'department',
      unitId: unit.id,
      deadline: new Date('2099-01-01'),
      forwardedBy: forwardedBy.id,
      state: 'answered',
    })
    .returning();
  return f!;
}

const forwardingEntries = Object.values(forwardingCommandRoutes).map((route): MatrixEntry => ({
  route: `POST /api/opinion-forwardings/:id/${route.path}`,
  crossCommittee: {
    roles: ['opinionStaff', 'unitHandler', 'unitHead'],
    async foreign(db, committeeBId) {
      const f = await foreignForwarding(db, committeeBId);
      return {
        url: `/api/opinion-forwardings/${f.id}/${route.path}`,
        payload:
          route.path === 'answer' ? { text: '答复' } : route.path === 'return' ? { reason: '退回' } : {},
        snapshot: async (d) =>
          (await d.select().from(s.opinionForwardings).where(eq(s.opinionForwardings.id, f.id)))[0],
      };
    },
  },
}));

async function foreignIssue(db: Db, committeeBId: number) {
  const compiler = await buildUser(db, committeeBId, ['opinionStaff']);
  const [issue] = await db
    .insert(s.opinionIssues)
    .values({ committeeId: committeeBId, series: '社情民意', year: 2026, number: 1, compiledBy: compiler.id })
    .returning();
  return issue!;
}

/** A draft and an opinion taken back before editing belong to their authors: nobody else may know they exist. */
const privateOpinionCases = (url: (id: number) => string): VisibilityCase[] =>
  (['draft', 'withdrawn'] as const).map((state) => ({
    name: state === 'draft' ? '社情民意草稿' : '已撤回的社情民意信息',
    async build(db, committeeId) {
      const author = await buildMember(db, committeeId);
      const o = await buildOpinion(db, committeeId, { state, leadMemberId: author.id });
      const unit = await buildUnit(db, committeeId);
      return {
        url: url(o.id),
        readers: [{ label: '作者', roles: ['member'], memberId: author.id }],
        hidden: [
          { label: '信息工作人员', roles: ['opinionStaff'] },
          { label: '主席会议成员', roles: ['leader'] },
          { label: '其他委员', roles: ['member'] },
          { label: '承办单位', roles: ['unitHandler'], unitId: unit.id },
        ],
      };
    },
  }));

export const matrix: MatrixEntry[] = [
  {
    route: 'GET /api/opinions',
    crossCommittee: {
      roles: ['opinionStaff', 'leader'],
      async foreign(db, committeeBId) {
        const o = await buildOpinion(db, committeeBId, { state: 'submitted', title: '乙方政协的秘密信息' });
        return { url: '/api/opinions?view=all', mustNotContain: o.title };
      },
    },
  },
  {
    route: 'GET /api/opinions/export.xlsx',
    crossCommittee: {
      roles: ['opinionStaff', 'leader'],
      async foreign(db, committeeBId) {
        const o = await buildOpinion(db, committeeBId, { state: 'submitted', title: '乙方政协的导出信息' });
        return { url: '/api/opinions/export.xlsx?view=all', mustNotContain: o.title };
      },
    },
  },
  {
    route: 'GET /api/opinions/form-options',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const unit = await buildUnit(db, committeeBId, { name: '乙方政协的转办单位' });
        return { url: '/api/opinions/form-options', mustNotContain: unit.name };
      },
    },
  },
  {
    route: 'GET /api/opinions/figures',
    crossCommittee: {
      roles: ['opinionStaff', 'leader'],
      async foreign(db, committeeBId) {
        await buildOpinion(db, committeeBId, {
          state: 'adopted',
          category: '乙方政协类别',
          submittedAt: new Date(),
        });
        return {
          url: `/api/opinions/figures?year=${new Date().getFullYear()}`,
          mustNotContain: '乙方政协类别',
        };
      },
    },
  },
  {
    route: 'POST /api/opinions',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const m = await buildMember(db, committeeBId);
        return {
          url: '/api/opinions',
          payload: { title: '跨组织信息', category: '其他', content: '内容', coauthorMemberIds: [m.id] },
          snapshot: async (d) => (await d.execute(sql`select count(*)::int as n from opinions`)).rows[0],
        };
      },
    },
  },
  {
    route: 'GET /api/opinions/:id',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const o = await buildOpinion(db, committeeBId, { state: 'submitted' });
        return { url: `/api/opinions/${o.id}` };
      },
    },
    visibility: privateOpinionCases((id) => `/api/opinions/${id}`),
  },
  {
    route: 'PATCH /api/opinions/:id',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const o = await buildOpinion(db, committeeBId, { state: 'draft' });
        return {
          url: `/api/opinions/${o.id}`,
          payload: { title: '改掉别人的标题' },
          snapshot: snapshotOf(o.id),
        };
      },
    },
  },
  ...commandEntries,
  {
    route: 'GET /api/opinion-forwardings',
    crossCommittee: {
      roles: ['opinionStaff', 'leader'],
      async foreign(db, committeeBId) {
        const f = await foreignForwarding(db, committeeBId);
        await db
          .update(s.opinionForwardings)
          .set({ workOrderNumber: 'GD-乙方工单' })
          .where(eq(s.opinionForwardings.id, f.id));
        return { url: '/api/opinion-forwardings?view=all', mustNotContain: 'GD-乙方工单' };
      },
    },
  },
  ...forwardingEntries,
  {
    route: 'GET /api/opinion-issues',
    crossCommittee: {
      roles: ['opinionStaff', 'leader'],
      async foreign(db, committeeBId) {
        const issue = await foreignIssue(db, committeeBId);
        await db.update(s.opinionIssues).set({ series: '乙方刊物' }).where(eq(s.opinionIssues.id, issue.id));
        return { url: '/api/opinion-issues', mustNotContain: '乙方刊物' };
      },
    },
  },
  {
    route: 'POST /api/opinion-issues',
    crossCommittee: {
      roles: ['opinionStaff'],
      async foreign(db, committeeBId) {
        const o = await buildOpinion(db, committeeBId, { state: 'adopted' });
        return {
          url: '/api/opinion-issues',
          payload: { series: '社情民意', articleIds: [o.id] },
          snapshot: async (d) =>
            (await d.execute(sql`select count(*)::int as n from opinion_issues`)).rows[0],
        };
      },
    },
  },
  ...(
    [
      'GET /api/opinion-issues/:id',
      'PATCH /api/opinion-issues/:id',
      'POST /api/opinion-issues/:id/send',
      'GET /api/opinion-issues/:id/document.docx',
    ] as const
  ).map((route): MatrixEntry => ({
    route,
    crossCommittee: {
      roles: ['opinionStaff', 'leader'],
      async foreign(db, committeeBId) {
        const issue = await foreignIssue(db, committeeBId);
        const path = route.split(' ')[1]!.replace('/api', '').replace(':id', String(issue.id));
        return {
          url: `/api${path}`,
          payload: route.startsWith('GET') ? undefined : route.endsWith('send') ? {} : { copyTo: ['某单位'] },
          snapshot: async (d) =>
            (await d.select().from(s.opinionIssues).where(eq(s.opinionIssues.id, issue.id)))[0],
        };
      },
    },
  })),
];
