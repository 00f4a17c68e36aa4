import { eq, sql } from 'drizzle-orm';
import type { ProposalState } from '@cppcc/shared';
import type { Db } from '../../db/client';
import * as s from '../../db/schema';
import type { MatrixEntry } from '../../../test/matrix';
import {
  buildMember,
  buildPlenarySession,
  buildProposal,
  buildUnit,
  buildUser,
} from '../../../test/factories';
import { privateProposalCases } from './private-proposals.fixture';

/** Everything a refused request must leave alone: the proposal row, its history and its dependants. */
const snapshotOf = (proposalId: number) => async (db: Db) => {
  const [p] = await db.select().from(s.proposals).where(eq(s.proposals.id, proposalId));
  const counts = await db.execute(sql`select
      (select count(*)::int from timeline_events where record_type = 'proposal' and record_id = ${proposalId}) as timeline,
      (select count(*)::int from proposal_units where proposal_id = ${proposalId}) as units,
      (select count(*)::int from proposal_answers where proposal_id = ${proposalId}) as answers,
      (select count(*)::int from proposal_ratings where proposal_id = ${proposalId}) as ratings,
      (select count(*)::int from duty_records where source_type = 'proposal' and source_id = ${proposalId}) as duty`);
  return { p, counts: counts.rows[0] };
};

const strongest: NonNullable<MatrixEntry['crossCommittee']>['roles'] = [
  'proposalStaff',
  'leader',
  'member',
  'unitHandler',
  'unitHead',
];

/** A command route refused across committees: the proposal of committee B is not found and nothing changes. */
function commandEntry(path: string, state: ProposalState, payload: unknown): MatrixEntry {
  return {
    route: `POST /api/proposals/:id/${path}`,
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const p = await buildProposal(db, committeeBId, { state, number: state === 'draft' ? null : 7 });
        return { url: `/api/proposals/${p.id}/${path}`, payload, snapshot: snapshotOf(p.id) };
      },
    },
  };
}

const answer = { category: 'A', text: '答复内容', contactPerson: '刘洋', contactPhone: '0951-5012345' };

export const matrix: MatrixEntry[] = [
  {
    route: 'GET /api/proposals',
    crossCommittee: {
      roles: ['proposalStaff', 'leader'],
      async foreign(db, committeeBId) {
        const p = await buildProposal(db, committeeBId, {
          state: 'submitted',
          title: '乙方政协的秘密提案标题',
        });
        return { url: '/api/proposals?view=all', mustNotContain: p.title };
      },
    },
  },
  {
    route: 'POST /api/proposals',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const session = await buildPlenarySession(db, committeeBId);
        const unit = await buildUnit(db, committeeBId);
        return {
          url: '/api/proposals',
          payload: {
            sessionId: session.id,
            title: '跨组织提案',
            category: '其他',
            content: '内容',
            suggestedUnitIds: [unit.id],
          },
          snapshot: async (d) => (await d.execute(sql`select count(*)::int as n from proposals`)).rows[0],
        };
      },
    },
  },
  {
    route: 'GET /api/proposals/form-options',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const unit = await buildUnit(db, committeeBId, { name: '乙方政协的承办单位' });
        return { url: '/api/proposals/form-options', mustNotContain: unit.name };
      },
    },
  },
  {
    route: 'GET /api/proposals/co-proposer-candidates',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const m = await buildMember(db, committeeBId, { name: '乙方委员甲' });
        return { url: '/api/proposals/co-proposer-candidates?q=乙方', mustNotContain: m.name };
      },
    },
  },
  {
    route: 'GET /api/proposals/supervisor-candidates',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const leader = await buildUser(db, committeeBId, ['leader'], { displayName: '乙方督办领导' });
        return { url: '/api/proposals/supervisor-candidates', mustNotContain: leader.displayName };
      },
    },
  },
  {
    route: 'POST /api/proposals/batch-assign',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const p = await buildProposal(db, committeeBId, { state: 'accepted', number: 3 });
        const unit = await buildUnit(db, committeeBId);
        return {
          url: '/api/proposals/batch-assign',
          payload: { items: [{ proposalId: p.id, units: [{ unitId: unit.id, role: 'lead' }] }] },
          snapshot: snapshotOf(p.id),
        };
      },
    },
  },
  {
    route: 'POST /api/proposals/batch-review',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const p = await buildProposal(db, committeeBId, { state: 'submitted' });
        return {
          url: '/api/proposals/batch-review',
          payload: { decision: 'accept', items: [{ proposalId: p.id }] },
          snapshot: snapshotOf(p.id),
        };
      },
    },
  },
  {
    route: 'GET /api/proposals/:id',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const p = await buildProposal(db, committeeBId, { state: 'accepted', number: 2 });
        return { url: `/api/proposals/${p.id}` };
      },
    },
    visibility: privateProposalCases(({ proposalId }) => `/api/proposals/${proposalId}`),
  },
  {
    route: 'PATCH /api/proposals/:id',
    crossCommittee: {
      roles: strongest,
      async foreign(db, committeeBId) {
        const p = await buildProposal(db, committeeBId, { state: 'draft' });
        return {
          url: `/api/proposals/${p.id}`,
          payload: { title: '改掉别人的标题' },
          snapshot: snapshotOf(p.id),
        };
      },
    },
  },
  commandEntry('request-cosign', 'draft', {}),
  commandEntry('respond-cosign', 'cosigning', { confirm: true }),
  commandEntry('submit', 'draft', {}),
  commandEntry('withdraw', 'submitted', {}),
  commandEntry('claim-review', 'submitted', {}),
  commandEntry('accept', 'reviewing', {}),
  commandEntry('reject', 'reviewing', { ground: '学术研讨', reason: '属学术研讨', disposition: 'none' }),
  commandEntry('merge', 'reviewing', { intoProposalId: 1 }),
  commandEntry('return', 'reviewing', { comment: '请补充具体建议' }),
  commandEntry('assign', 'accepted', { units: [{ unitId: 1, role: 'lead' }] }),
  commandEntry('acknowledge', 'assigned', {}),
  commandEntry('decline', 'assigned', { reason: '不属于本单位职责' }),
  commandEntry('extend-deadline', 'assigned', {
    unitId: 1,
    deadline: '2030-01-01',
    reason: '需要跨年度实施',
  }),
  commandEntry('unit-opinion', 'assigned', { text: '协办意见' }),
  commandEntry('answer', 'assigned', answer),
  commandEntry('answer/submit', 'assigned', {}),
  commandEntry('answer/head-approve', 'assigned', {}),
  commandEntry('answer/head-return', 'assigned', { comment: '请修改' }),
  commandEntry('answer/review', 'assigned', { answerId: 1, approve: true }),
  commandEntry('rate', 'answered', {
    answerId: 1,
    satisfaction: 'satisfied',
    attitude: 'satisfied',
    relevance: 'targeted',
  }),
  commandEntry('close', 'answered', {}),
  commandEntry('key', 'accepted', { key: true }),
  commandEntry('key/approve', 'accepted', { approve: true }),
  commandEntry('excellent', 'accepted', { excellent: true }),
  commandEntry('excellent/approve', 'accepted', { approve: true }),
  commandEntry('supervision-logs', 'accepted', { kind: 'visit', text: '实地督办', occurredOn: '2025-05-01' }),
  commandEntry('evaluations', 'closed', { unitId: 1, score: 90 }),
  commandEntry('followups', 'closed', { answerId: 1 }),
  commandEntry('followups/report', 'closed', {
    followupId: 1,
    implementation: 'implemented',
    report: '已落实',
  }),
];
