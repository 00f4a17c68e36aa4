import type { MatrixEntry } from '../../../test/matrix';
import { buildActivity, buildProposal } from '../../../test/factories';

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
];
