import {
  acceptBody,
  answerActionBody,
  approveSelectionBody,
  assignBody,
  closeBody,
  declineBody,
  evaluateBody,
  extendBody,
  mergeBody,
  nominateExcellentBody,
  nominateKeyBody,
  proposalCommands,
  rateBody,
  rejectBody,
  reportFollowupBody,
  requestCosignBody,
  requestFollowupBody,
  respondCosignBody,
  returnBody,
  reviewAnswerBody,
  saveAnswerBody,
  supervisionLogBody,
  unitOpinionBody,
  versionBody,
  withdrawBody,
} from './proposals';
import {
  defineCommandRoutes,
  emptyCommandBody,
  type CommandInput,
  type CommandKey,
  type CommandRequest,
} from './workflow-commands';

/**
 * The proposal workflow's command routes, `POST /api/proposals/:id/<path>`, keyed by the command's
 * name in the workflow table. Commands the server takes by itself (completeAnswering …) and the edit
 * (`PATCH /api/proposals/:id`) are not here.
 */
export const proposalCommandRoutes = defineCommandRoutes(proposalCommands, {
  requestCosign: { path: 'request-cosign', summary: '发起联名', body: requestCosignBody },
  respondCosign: { path: 'respond-cosign', summary: '答复联名邀请', body: respondCosignBody },
  submit: { path: 'submit', summary: '提交提案', body: versionBody },
  withdraw: { path: 'withdraw', summary: '撤案', body: withdrawBody },
  claimReview: { path: 'claim-review', summary: '开始审查', body: versionBody },
  accept: { path: 'accept', summary: '立案', body: acceptBody },
  reject: { path: 'reject', summary: '不予立案', body: rejectBody },
  merge: { path: 'merge', summary: '并案', body: mergeBody },
  return: { path: 'return', summary: '退回修改', body: returnBody },
  assign: { path: 'assign', summary: '交办', body: assignBody },
  acknowledge: { path: 'acknowledge', summary: '签收', body: emptyCommandBody },
  decline: { path: 'decline', summary: '退办', body: declineBody },
  extendDeadline: { path: 'extend-deadline', summary: '延期', body: extendBody },
  sendUnitOpinion: { path: 'unit-opinion', summary: '报送协办意见', body: unitOpinionBody },
  saveAnswer: { path: 'answer', summary: '保存答复', body: saveAnswerBody },
  submitAnswer: { path: 'answer/submit', summary: '答复提交负责人审核', body: emptyCommandBody },
  headApproveAnswer: { path: 'answer/head-approve', summary: '负责人审核通过答复', body: answerActionBody },
  headReturnAnswer: { path: 'answer/head-return', summary: '负责人退回答复', body: answerActionBody },
  reviewAnswer: { path: 'answer/review', summary: '提案委审核答复', body: reviewAnswerBody },
  rate: { path: 'rate', summary: '满意度评价', body: rateBody },
  close: { path: 'close', summary: '办结', body: closeBody },
  nominateKey: { path: 'key', summary: '提名重点提案', body: nominateKeyBody },
  approveKey: { path: 'key/approve', summary: '审定重点提案', body: approveSelectionBody },
  nominateExcellent: { path: 'excellent', summary: '提名优秀提案', body: nominateExcellentBody },
  approveExcellent: { path: 'excellent/approve', summary: '审定优秀提案', body: approveSelectionBody },
  addSupervisionLog: { path: 'supervision-logs', summary: '记录督办情况', body: supervisionLogBody },
  evaluate: { path: 'evaluations', summary: '双向评议', body: evaluateBody },
  requestFollowup: { path: 'followups', summary: '发起回头看', body: requestFollowupBody },
  reportFollowup: { path: 'followups/report', summary: '报送回头看落实情况', body: reportFollowupBody },
});

export type ProposalCommandRoutes = typeof proposalCommandRoutes;
export type ProposalCommandKey = CommandKey<ProposalCommandRoutes>;
export type ProposalCommandInput<K extends ProposalCommandKey> = CommandInput<ProposalCommandRoutes, K>;
export type ProposalCommandRequest = CommandRequest<ProposalCommandRoutes>;
