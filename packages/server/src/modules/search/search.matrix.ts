import type { MatrixEntry } from '../../../test/matrix';
import { buildActivity, buildProposal } from '../../../test/factories';
import { privateProposalCases } from '../proposals/private-proposals.fixture';

/** Another committee's records never appear in a search, whatever the roles. */
export const matrix: MatrixEntry[] = [
  {
    route: 'GET /api/search',
    crossCommittee: {
      roles: ['proposalStaff', 'opinionStaff', 'liaisonStaff', 'leader'],
      async foreign(db, committeeBId) {
        await buildProposal(db, committeeBId, { title: '关于乙方政协秘密电梯的提案', state: 'submitted' });
        await buildActivity(db, committeeBId, { topic: '乙方政协秘密电梯调研', state: 'closed' });
        return { url: `/api/search?q=${encodeURIComponent('电梯')}`, mustNotContain: '乙方政协' };
      },
    },
  },
  {
    route: 'POST /api/search/similar',
    crossCommittee: {
      roles: ['proposalStaff', 'opinionStaff', 'leader', 'member'],
      async foreign(db, committeeBId) {
        await buildProposal(db, committeeBId, {
          title: '关于乙方政协老旧小区加装电梯的提案',
          state: 'accepted',
        });
        return {
          url: '/api/search/similar',
          payload: { title: '关于老旧小区加装电梯的提案', content: '老旧小区加装电梯' },
          mustNotContain: '乙方政协',
        };
      },
    },
  },
  {
    route: 'GET /api/search/similar/:kind/:id',
    crossCommittee: {
      roles: ['proposalStaff', 'opinionStaff', 'leader'],
      async foreign(db, committeeBId) {
        const p = await buildProposal(db, committeeBId, { state: 'reviewing' });
        return { url: `/api/search/similar/proposal/${p.id}` };
      },
    },
    // A review tool: staff must not learn a draft exists; its proposers are refused (403), not shown it.
    visibility: privateProposalCases(({ proposalId }) => `/api/search/similar/proposal/${proposalId}`, {
      proposersRead: false,
    }),
  },
  {
    route: 'POST /api/search/assignment-hints',
    crossCommittee: {
      roles: ['proposalStaff'],
      async foreign(db, committeeBId) {
        const p = await buildProposal(db, committeeBId, { state: 'accepted' });
        return {
          url: '/api/search/assignment-hints',
          payload: { proposalIds: [p.id] },
          mustNotContain: `"proposalId":${p.id}`,
        };
      },
    },
  },
];
