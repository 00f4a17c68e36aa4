import {
  adoptBody,
  answerForwardingBody,
  archiveOpinionBody,
  combineBody,
  externalOutcomeBody,
  forwardingCommands,
  forwardOpinionBody,
  instructionBody,
  instructionDoneBody,
  opinionCommands,
  opinionVersionBody,
  reopenOpinionBody,
  reportOpinionBody,
  respondCoauthorBody,
  returnForwardingBody,
  returnOpinionBody,
  reviewForwardingBody,
  saveEditBody,
  withdrawOpinionBody,
} from './opinions';
import { defineCommandRoutes, type CommandKey, type CommandRequest } from './workflow-commands';

/**
 * The opinion workflow's command routes, `POST /api/opinions/:id/<path>`, keyed by the command's name
 * in the workflow table. `absorb` is taken by the server when an opinion is combined into another.
 */
export const opinionCommandRoutes = defineCommandRoutes(opinionCommands, {
  submit: { path: 'submit', summary: '报送信息', body: opinionVersionBody },
  withdraw: { path: 'withdraw', summary: '撤回信息', body: withdrawOpinionBody },
  respondCoauthor: { path: 'respond-coauthor', summary: '答复联名', body: respondCoauthorBody },
  startEditing: { path: 'start-editing', summary: '开始编辑', body: opinionVersionBody },
  saveEdit: { path: 'edit', summary: '保存编辑稿（原文保留）', body: saveEditBody },
  adopt: { path: 'adopt', summary: '单篇采用', body: adoptBody },
  combine: { path: 'combine', summary: '综合采用（所选信息综合为本篇）', body: combineBody },
  archive: { path: 'archive', summary: '留存，未采用', body: archiveOpinionBody },
  return: { path: 'return', summary: '退回修改', body: returnOpinionBody },
  reopen: { path: 'reopen', summary: '撤销采用或留存决定', body: reopenOpinionBody },
  report: { path: 'report', summary: '向上级政协或全国政协报送', body: reportOpinionBody },
  recordExternalOutcome: {
    path: 'external-outcome',
    summary: '登记全国政协采用情况',
    body: externalOutcomeBody,
  },
  recordInstruction: { path: 'instructions', summary: '登记领导批示', body: instructionBody },
  reportInstructionDone: {
    path: 'instructions/done',
    summary: '登记批示落实情况',
    body: instructionDoneBody,
  },
  forward: { path: 'forward', summary: '转12345热线或有关部门', body: forwardOpinionBody },
});
export type OpinionCommandRoutes = typeof opinionCommandRoutes;
export type OpinionCommandKey = CommandKey<OpinionCommandRoutes>;
export type OpinionCommandRequest = CommandRequest<OpinionCommandRoutes>;

/** Commands on a forwarded item, `POST /api/opinion-forwardings/:id/<path>`. */
export const forwardingCommandRoutes = defineCommandRoutes(forwardingCommands, {
  acknowledge: { path: 'acknowledge', summary: '签收转办件', body: opinionVersionBody },
  answer: { path: 'answer', summary: '答复转办件', body: answerForwardingBody },
  returnItem: { path: 'return', summary: '退回转办件', body: returnForwardingBody },
  acceptAnswer: { path: 'accept', summary: '认可答复', body: reviewForwardingBody },
  rejectAnswer: { path: 'reject', summary: '不认可答复，重新办理', body: reviewForwardingBody },
});
export type ForwardingCommandRoutes = typeof forwardingCommandRoutes;
export type ForwardingCommandKey = CommandKey<ForwardingCommandRoutes>;
