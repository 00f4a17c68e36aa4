import type { MatrixEntry } from '../../../../test/matrix';
import { buildTerm } from '../../../../test/factories';
import { insertSession } from './rows.fixture';

export const matrix: MatrixEntry[] = [
  {
    route: 'GET /api/proposals/figures',
    crossCommittee: {
      roles: ['proposalStaff', 'leader'],
      async foreign(db, committeeBId) {
        const term = await buildTerm(db, committeeBId);
        const session = await insertSession(db, { committeeId: committeeBId, termId: term.id });
        return { url: `/api/proposals/figures?sessionId=${session.id}` };
      },
    },
  },
];
