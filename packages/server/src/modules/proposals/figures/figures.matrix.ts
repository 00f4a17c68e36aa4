import type { MatrixEntry } from '../../../../test/matrix';
import { buildTerm } from '../../../../test/factories';
import { insertSession } from './rows.fixture';

/** A session of another committee: neither its figures nor its key proposals are reachable. */
const foreignSession = (path: string): NonNullable<MatrixEntry['crossCommittee']> => ({
  roles: ['proposalStaff', 'leader'],
  async foreign(db, committeeBId) {
    const term = await buildTerm(db, committeeBId);
    const session = await insertSession(db, { committeeId: committeeBId, termId: term.id });
    return { url: `${path}?sessionId=${session.id}` };
  },
});

export const matrix: MatrixEntry[] = [
  { route: 'GET /api/proposals/figures', crossCommittee: foreignSession('/api/proposals/figures') },
  {
    route: 'GET /api/proposals/figures/key-proposals',
    crossCommittee: foreignSession('/api/proposals/figures/key-proposals'),
  },
];
