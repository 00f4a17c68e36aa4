import { describe, expect, it } from 'vitest';
import { describeWorkflowTable, staying } from '../../../test/workflow-table';
import {
  proposalCommands,
  proposalStates,
  proposalTransitions,
  proposalWorkflowTable,
  type ProposalCommand,
  type ProposalState,
} from '@cppcc/shared';

type Row = [ProposalState, ProposalCommand, ProposalState];
const handling = ['assigned', 'rehandling'] as const;
const accepted = ['accepted', 'assigned', 'answered', 'rehandling', 'closed'] as const;
/**
 * The lifecycle of DOMAIN.md written out by hand, independently of how the table is built:
 * every (state, command) pair not listed here must be refused.
 */
const expected: Row[] = [
  ['draft', 'update', 'draft'],
  ['returned', 'update', 'returned'],
  ['draft', 'requestCosign', 'cosigning'],
  ['cosigning', 'respondCosign', 'cosigning'],
  ['draft', 'submit', 'submitted'],
  ['cosigning', 'submit', 'submitted'],
  ['returned', 'submit', 'submitted'],
  ['draft', 'withdraw', 'withdrawn'],
  ['cosigning', 'withdraw', 'withdrawn'],
  ['submitted', 'withdraw', 'withdrawn'],
  ['reviewing', 'withdraw', 'withdrawn'],
  ['returned', 'withdraw', 'withdrawn'],
  ['submitted', 'claimReview', 'reviewing'],
  // A decision taken straight on a submitted proposal claims it (立案审查会).
  ['submitted', 'accept', 'accepted'],
  ['reviewing', 'accept', 'accepted'],
  ['submitted', 'reject', 'rejected'],
  ['reviewing', 'reject', 'rejected'],
  ['submitted', 'merge', 'merged'],
  ['reviewing', 'merge', 'merged'],
  ['submitted', 'return', 'returned'],
  ['reviewing', 'return', 'returned'],
  ['accepted', 'assign', 'assigned'],
  ['assigned', 'assign', 'assigned'],
  ...staying(handling, ['acknowledge', 'decline', 'extendDeadline', 'sendUnitOpinion']),
  ...staying(handling, ['saveAnswer', 'submitAnswer']),
  ...staying(handling, ['headApproveAnswer', 'headReturnAnswer', 'reviewAnswer']),
  ['assigned', 'completeAnswering', 'answered'],
  ['rehandling', 'completeAnswering', 'answered'],
  ['answered', 'rate', 'answered'],
  ['answered', 'completeRating', 'closed'],
  ['answered', 'requestRehandling', 'rehandling'],
  ['answered', 'close', 'closed'],
  ...staying(accepted, ['nominateKey', 'approveKey', 'nominateExcellent', 'approveExcellent']),
  ...staying(accepted, ['addSupervisionLog']),
  ...staying(['answered', 'closed'], ['evaluate', 'requestFollowup', 'reportFollowup']),
];

describeWorkflowTable(
  proposalWorkflowTable,
  { states: proposalStates, commands: proposalCommands },
  expected,
);

describe('proposal workflow table', () => {
  it('terminal states allow nothing but records of accepted proposals', () => {
    for (const s of ['withdrawn', 'rejected', 'merged'] as const) {
      expect(proposalTransitions.filter((t) => t.from === s)).toEqual([]);
    }
    expect(new Set(proposalTransitions.filter((t) => t.from === 'closed').map((t) => t.to))).toEqual(
      new Set(['closed']),
    );
  });

  it('marks the server-only steps system', () => {
    const system = proposalTransitions.filter((t) => t.permission === 'system').map((t) => t.command);
    expect(new Set(system)).toEqual(new Set(['completeAnswering', 'completeRating', 'requestRehandling']));
  });
});
