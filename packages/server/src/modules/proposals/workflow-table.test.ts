import { describe, expect, it } from 'vitest';
import {
  InvalidTransitionError,
  proposalCommands,
  proposalStates,
  proposalTransitions,
  proposalWorkflowTable,
  type ProposalCommand,
  type ProposalState,
} from '@cppcc/shared';

type Row = [ProposalState, ProposalCommand, ProposalState];
/** Rows of commands that leave each of the states where it is. */
const staying = (states: readonly ProposalState[], commands: readonly ProposalCommand[]) =>
  states.flatMap((s) => commands.map((c): Row => [s, c, s]));
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

describe('proposal workflow table', () => {
  const allowed = new Map(expected.map(([from, command, to]) => [`${from}:${command}`, to]));

  it('has no duplicate rows and only known states and commands', () => {
    const keys = proposalTransitions.map((t) => `${t.from}:${t.command}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of proposalTransitions) {
      expect(proposalStates).toContain(t.from);
      expect(proposalStates).toContain(t.to);
      expect(proposalCommands).toContain(t.command);
    }
    expect(keys.sort()).toEqual([...allowed.keys()].sort());
  });

  for (const state of proposalStates) {
    for (const command of proposalCommands) {
      const to = allowed.get(`${state}:${command}`);
      if (to) {
        it(`${state} --${command}--> ${to}`, () =>
          expect(proposalWorkflowTable.next(state, command)).toBe(to));
      } else {
        it(`${state} refuses ${command}`, () => {
          expect(() => proposalWorkflowTable.next(state, command)).toThrow(InvalidTransitionError);
          try {
            proposalWorkflowTable.next(state, command);
          } catch (e) {
            expect((e as InvalidTransitionError).code).toBe('INVALID_TRANSITION');
            expect((e as Error).message).toMatch(/^提案当前状态为“.+”，不能执行“.+”$/);
          }
        });
      }
    }
  }

  it('terminal states allow nothing but records of accepted proposals', () => {
    for (const s of ['withdrawn', 'rejected', 'merged'] as const) {
      expect(proposalTransitions.filter((t) => t.from === s)).toEqual([]);
    }
    expect(new Set(proposalTransitions.filter((t) => t.from === 'closed').map((t) => t.to))).toEqual(
      new Set(['closed']),
    );
  });

  it('every command is uniform in its permission and the server-only steps are marked system', () => {
    for (const c of proposalCommands) {
      const perms = new Set(proposalTransitions.filter((t) => t.command === c).map((t) => t.permission));
      expect(perms.size, c).toBe(1);
    }
    const system = proposalTransitions.filter((t) => t.permission === 'system').map((t) => t.command);
    expect(new Set(system)).toEqual(new Set(['completeAnswering', 'completeRating', 'requestRehandling']));
  });
});
