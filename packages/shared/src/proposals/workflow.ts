import { defineWorkflowTable, transitionBuilders, type Transition } from '../workflow';
import { codesOf } from '../codes';

/** Proposal (提案) states, commands, permissions and the workflow table (DOMAIN.md "Proposal lifecycle"). */

export const proposalStateLabels = {
  draft: '草稿',
  cosigning: '联名征集中',
  submitted: '已提交',
  reviewing: '审查中',
  returned: '退回修改',
  withdrawn: '已撤案',
  rejected: '不予立案',
  merged: '已并案',
  accepted: '已立案',
  assigned: '办理中',
  answered: '已答复',
  rehandling: '重新办理',
  closed: '已办结',
} as const;
export const proposalStates = codesOf(proposalStateLabels);
export type ProposalState = (typeof proposalStates)[number];

export const proposalCommandLabels = {
  update: '修改提案',
  requestCosign: '发起联名',
  respondCosign: '答复联名邀请',
  submit: '提交提案',
  withdraw: '撤案',
  claimReview: '开始审查',
  accept: '立案',
  reject: '不予立案',
  merge: '并案',
  return: '退回修改',
  assign: '交办',
  acknowledge: '签收',
  decline: '退办',
  extendDeadline: '延期',
  sendUnitOpinion: '报送协办意见',
  saveAnswer: '保存答复',
  submitAnswer: '提交负责人审核',
  headApproveAnswer: '负责人审核通过',
  headReturnAnswer: '负责人退回答复',
  reviewAnswer: '审核答复',
  completeAnswering: '全部答复完成',
  rate: '满意度评价',
  completeRating: '评价完成办结',
  requestRehandling: '不满意重新办理',
  close: '办结',
  nominateKey: '提名重点提案',
  approveKey: '审定重点提案',
  nominateExcellent: '提名优秀提案',
  approveExcellent: '审定优秀提案',
  addSupervisionLog: '记录督办情况',
  evaluate: '双向评议',
  requestFollowup: '发起回头看',
  reportFollowup: '报送回头看情况',
} as const;
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
    ...move(['reviewing'], 'accept', 'accepted', 'review'),
    ...move(['reviewing'], 'reject', 'rejected', 'review'),
    ...move(['reviewing'], 'merge', 'merged', 'review'),
    ...move(['reviewing'], 'return', 'returned', 'review'),
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
