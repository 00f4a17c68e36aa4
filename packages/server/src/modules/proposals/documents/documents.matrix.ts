import type { Db } from '../../../db/client';
import type { MatrixEntry } from '../../../../test/matrix';
import { buildMember, buildTerm, buildUnit, buildUser } from '../../../../test/factories';
import { privateProposalCases } from '../private-proposals.fixture';
import { insertAnswer, insertProposal, insertSession, insertUnitSlot } from '../figures/rows.fixture';

/** An answered proposal of committee B, with an approved answer. */
async function foreignProposal(db: Db, committeeId: number) {
  const term = await buildTerm(db, committeeId);
  const session = await insertSession(db, { committeeId, termId: term.id });
  const member = await buildMember(db, committeeId, { termId: term.id });
  const user = await buildUser(db, committeeId, ['proposalStaff']);
  const unit = await buildUnit(db, committeeId);
  const proposal = await insertProposal(db, {
    committeeId,
    sessionId: session.id,
    leadMemberId: member.id,
    createdBy: user.id,
    state: 'answered',
    number: 7,
    title: '关于乙委员会机密事项的提案',
    answerCategory: 'A',
  });
  await insertUnitSlot(db, { committeeId, proposalId: proposal.id, unitId: unit.id, status: 'answered' });
  await insertAnswer(db, { committeeId, proposalId: proposal.id, unitId: unit.id, draftedBy: user.id });
  return { proposal, session };
}

export const matrix: MatrixEntry[] = [
  {
    route: 'GET /api/proposals/:id/document.docx',
    crossCommittee: {
      roles: ['proposalStaff', 'leader'],
      async foreign(db, committeeBId) {
        const { proposal } = await foreignProposal(db, committeeBId);
        return { url: `/api/proposals/${proposal.id}/document.docx` };
      },
    },
    visibility: privateProposalCases(({ proposalId }) => `/api/proposals/${proposalId}/document.docx`),
  },
  {
    route: 'GET /api/proposals/:id/answer-letter.docx',
    crossCommittee: {
      roles: ['proposalStaff', 'leader'],
      async foreign(db, committeeBId) {
        const { proposal } = await foreignProposal(db, committeeBId);
        return { url: `/api/proposals/${proposal.id}/answer-letter.docx` };
      },
    },
  },
  {
    route: 'GET /api/plenary-sessions/:id/proposal-compilation.docx',
    crossCommittee: {
      roles: ['proposalStaff', 'leader'],
      async foreign(db, committeeBId) {
        const { session } = await foreignProposal(db, committeeBId);
        return { url: `/api/plenary-sessions/${session.id}/proposal-compilation.docx` };
      },
    },
  },
  {
    route: 'GET /api/proposals/export.xlsx',
    crossCommittee: {
      roles: ['proposalStaff', 'leader'],
      async foreign(db, committeeBId) {
        const { session } = await foreignProposal(db, committeeBId);
        // The workbook is compressed: the test of the route parses it; here a foreign session filter must find nothing.
        return {
          url: `/api/proposals/export.xlsx?sessionId=${session.id}`,
          mustNotContain: '乙委员会机密事项',
        };
      },
    },
  },
];
