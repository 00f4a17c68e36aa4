import { defineWorkflowTable, transitionBuilders, type Transition } from '../workflow';
import { codesOf } from '../codes';
import { proposalCommandLabels, proposalStateLabels } from '../labels';

/** Proposal (提案) states, commands, permissions and the workflow table (DOMAIN.md "Proposal lifecycle"). */

export const proposalStates = codesOf(proposalStateLabels);
export type ProposalState = (typeof proposalStates)[number];

export const proposalCommands = codesOf(proposalCommandLabels);
export type ProposalCommand = (typeof proposalCommands)[number];

/**
 * Who may run a command, named as abilities of the `proposal` policy (packages/server/src/policies/proposal.ts):
 * propose = the lead proposer (or the organisation's filer); cosign = an invited co-proposer; review = proposal staff;
 * handle = a handler of an assigned unit; approveAsHead = that unit's head; rate = a confirmed proposer;
 * select = a leader; supervise = a supervising leader or staff; evaluate = proposer or assigned unit;
 * system = only the server, as the consequence of another command.
 */
export const proposalPermissions = [
  'propose',
  'cosign',
  'review',
  'handle',
  'approveAsHead',
  'rate',
  'select',
  'supervise',
  'evaluate',
  'system',
] as const;
export type ProposalPermission = (typeof proposalPermissions)[number];

export type ProposalTransition = Transition<ProposalState, ProposalCommand, ProposalPermission>;

const reviewStates = ['submitted', 'reviewing'] as const;
const handlingStates = ['assigned', 'rehandling'] as const;
const acceptedStates = ['accepted', 'assigned', 'answered', 'rehandling', 'closed'] as const;
const { stay, move } = transitionBuilders<ProposalState, ProposalCommand, ProposalPermission>();

/**
 * The proposal workflow (DOMAIN.md "Proposal lifecycle"): every allowed step; anything else is refused.
 * What a step does besides state, timeline and audit (numbers, duty records, notifications) is the
 * command's use case in packages/server/src/modules/proposals/commands/.
 */
export const proposalWorkflowTable = defineWorkflowTable({
  label: '提案',
  stateLabels: proposalStateLabels,
  commandLabels: proposalCommandLabels,
  transitions: [
    ...stay(['draft', 'returned'], 'update', 'propose'),
    ...move(['draft'], 'requestCosign', 'cosigning', 'propose'),
    ...stay(['cosigning'], 'respondCosign', 'cosign'),
    ...move(['draft', 'cosigning', 'returned'], 'submit', 'submitted', 'propose'),
    ...move(['draft', 'cosigning', 'submitted', 'reviewing', 'returned'], 'withdraw', 'withdrawn', 'propose'),
    ...move(['submitted'], 'claimReview', 'reviewing', 'review'),
    // A decision on a submitted proposal claims it implicitly (立案审查会: many at once, no claiming first).
    ...move(reviewStates, 'accept', 'accepted', 'review'),
    ...move(reviewStates, 'reject', 'rejected', 'review'),
    ...move(reviewStates, 'merge', 'merged', 'review'),
    ...move(reviewStates, 'return', 'returned', 'review'),
    ...move(['accepted'], 'assign', 'assigned', 'review'),
    ...stay(['assigned'], 'assign', 'review'),
    ...stay(handlingStates, 'acknowledge', 'handle'),
    ...stay(handlingStates, 'decline', 'handle'),
    ...stay(handlingStates, 'extendDeadline', 'review'),
    ...stay(handlingStates, 'sendUnitOpinion', 'handle'),
    ...stay(handlingStates, 'saveAnswer', 'handle'),
    ...stay(handlingStates, 'submitAnswer', 'handle'),
    ...stay(handlingStates, 'headApproveAnswer', 'approveAsHead'),
    ...stay(handlingStates, 'headReturnAnswer', 'approveAsHead'),
    ...stay(handlingStates, 'reviewAnswer', 'review'),
    ...move(handlingStates, 'completeAnswering', 'answered', 'system'),
    ...stay(['answered'], 'rate', 'rate'),
    ...move(['answered'], 'completeRating', 'closed', 'system'),
    ...move(['answered'], 'requestRehandling', 'rehandling', 'system'),
    ...move(['answered'], 'close', 'closed', 'review'),
    ...stay(acceptedStates, 'nominateKey', 'review'),
    ...stay(acceptedStates, 'approveKey', 'select'),
    ...stay(acceptedStates, 'nominateExcellent', 'review'),
    ...stay(acceptedStates, 'approveExcellent', 'select'),
    ...stay(acceptedStates, 'addSupervisionLog', 'supervise'),
    ...stay(['answered', 'closed'], 'evaluate', 'evaluate'),
    ...stay(['answered', 'closed'], 'requestFollowup', 'review'),
    ...stay(['answered', 'closed'], 'reportFollowup', 'handle'),
  ],
});

export const proposalTransitions: readonly ProposalTransition[] = proposalWorkflowTable.transitions;
