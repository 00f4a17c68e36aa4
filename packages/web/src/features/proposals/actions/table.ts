import type { WorkflowAction } from '../../../components/WorkflowActions';
import { AcceptDialog, MergeDialog, RejectDialog, RequestCosignDialog } from './ReviewDialogs';
import { AssignDialog, ExtendDialog } from './AssignDialogs';
import {
  FollowupReportDialog,
  ReviewAnswerDialog,
  SaveAnswerDialog,
  UnitOpinionDialog,
} from './AnswerDialogs';
import { EvaluateDialog, RateDialog } from './RatingDialogs';
import {
  ApproveExcellentDialog,
  ApproveKeyDialog,
  NominateExcellentDialog,
  NominateKeyDialog,
  RequestFollowupDialog,
  SupervisionLogDialog,
} from './SelectionDialogs';
import { CloseDialog, DeclineDialog, HeadReturnDialog, ReturnDialog, WithdrawDialog } from './TextDialogs';
import type { ProposalActionContext } from './context';

type Action = WorkflowAction<ProposalActionContext>;

/**
 * Every button of the proposal detail, in the order shown: proposer, staff, leaders, units. A button
 * shows when the proposal's `policies` grant its ability; `visible` narrows unit buttons to the step
 * the viewer's own unit is at, and hides buttons with nothing left to act on.
 */
export const proposalActions: readonly Action[] = [
  // Proposer
  {
    key: 'edit',
    label: '修改',
    ability: 'update',
    perform: (c) => c.navigate(`/proposals/${c.proposal.id}/edit`),
  },
  {
    key: 'cosign',
    label: '发起联名',
    ability: 'requestCosign',
    visible: ({ proposal: p }) =>
      p.proposers.some((x) => x.role === 'co' && x.status === 'invited' && !x.invitedAt),
    dialog: RequestCosignDialog,
  },
  {
    key: 'submit',
    label: '提交提案',
    ability: 'submit',
    primary: true,
    confirm: {
      title: '提交提案',
      content: ({ proposal: p }) =>
        p.proposers.some((x) => x.status === 'invited')
          ? '尚未确认的联名人将被移出联名名单。确定提交吗？'
          : '提交后由提案委员会审查。确定提交吗？',
      run: (c) => c.send('submit', { version: c.proposal.version }),
      success: '提案已提交',
    },
  },
  {
    key: 'confirm',
    label: '附议',
    ability: 'respondCosign',
    primary: true,
    confirm: {
      title: '附议',
      content: '确认作为联名提案人附议该提案？',
      run: (c) => c.send('respondCosign', { confirm: true }),
      success: '已附议',
    },
  },
  {
    key: 'declineCosign',
    label: '谢绝联名',
    ability: 'respondCosign',
    confirm: {
      title: '谢绝联名',
      content: '确定谢绝联名该提案？',
      run: (c) => c.send('respondCosign', { confirm: false }),
      success: '已谢绝联名',
      danger: true,
    },
  },
  {
    key: 'rate',
    label: '评价答复',
    ability: 'rate',
    primary: true,
    visible: (c) => c.viewer.toRate.length > 0,
    dialog: RateDialog,
  },
  { key: 'withdraw', label: '撤案', ability: 'withdraw', danger: true, dialog: WithdrawDialog },

  // Staff
  {
    key: 'claim',
    label: '开始审查',
    ability: 'claimReview',
    primary: true,
    confirm: {
      title: '开始审查',
      content: '由您审查该提案？',
      run: (c) => c.send('claimReview', { version: c.proposal.version }),
      success: '已开始审查',
    },
  },
  { key: 'accept', label: '立案', ability: 'accept', primary: true, dialog: AcceptDialog },
  { key: 'reject', label: '不予立案', ability: 'reject', danger: true, dialog: RejectDialog },
  { key: 'merge', label: '并案', ability: 'merge', dialog: MergeDialog },
  { key: 'return', label: '退回修改', ability: 'return', dialog: ReturnDialog },
  {
    key: 'assign',
    label: ({ proposal: p }) => (p.state === 'accepted' ? '交办' : '补充交办'),
    ability: 'assign',
    primary: true,
    dialog: AssignDialog,
  },
  {
    key: 'extend',
    label: '延期',
    ability: 'extendDeadline',
    visible: (c) => c.viewer.activeUnits.length > 0,
    dialog: ExtendDialog,
  },
  {
    key: 'reviewAnswer',
    label: '审核答复',
    ability: 'reviewAnswer',
    primary: true,
    visible: (c) => c.viewer.sentAnswers.length > 0,
    dialog: ReviewAnswerDialog,
  },
  { key: 'close', label: '办结', ability: 'close', dialog: CloseDialog },
  {
    key: 'key',
    label: ({ proposal: p }) => (p.keyStatus === 'none' ? '提名重点提案' : '调整重点提案'),
    ability: 'nominateKey',
    dialog: NominateKeyDialog,
  },
  {
    key: 'excellent',
    label: ({ proposal: p }) => (p.excellentStatus === 'none' ? '提名优秀提案' : '调整优秀提案'),
    ability: 'nominateExcellent',
    dialog: NominateExcellentDialog,
  },
  {
    key: 'followup',
    label: '回头看',
    ability: 'requestFollowup',
    visible: (c) => c.viewer.followupAnswers.length > 0,
    dialog: RequestFollowupDialog,
  },

  // Leaders
  {
    key: 'approveKey',
    label: '审定重点提案',
    ability: 'approveKey',
    primary: true,
    visible: (c) => c.proposal.keyStatus === 'nominated',
    dialog: ApproveKeyDialog,
  },
  {
    key: 'approveExcellent',
    label: '审定优秀提案',
    ability: 'approveExcellent',
    primary: true,
    visible: (c) => c.proposal.excellentStatus === 'nominated',
    dialog: ApproveExcellentDialog,
  },
  {
    key: 'supervision',
    label: '记录督办',
    ability: 'addSupervisionLog',
    visible: (c) => c.proposal.keyStatus !== 'none',
    dialog: SupervisionLogDialog,
  },

  // Units: each button for the step the viewer's own unit is at
  {
    key: 'ack',
    label: '签收',
    ability: 'acknowledge',
    primary: true,
    visible: (c) => c.viewer.mySlot?.status === 'assigned',
    confirm: {
      title: '签收',
      content: (c) => `确认由本单位（${c.viewer.mySlot?.roleLabel}）办理该提案？`,
      run: (c) => c.send('acknowledge', {}),
      success: '已签收',
    },
  },
  {
    key: 'declineUnit',
    label: '退办',
    ability: 'decline',
    danger: true,
    visible: (c) => c.viewer.mySlot?.status === 'assigned',
    dialog: DeclineDialog,
  },
  {
    key: 'opinion',
    label: ({ proposal: p, viewer }) =>
      p.unitOpinions.some((o) => o.fromUnitId === viewer.mySlot?.unitId) ? '修改协办意见' : '报送协办意见',
    ability: 'sendUnitOpinion',
    primary: true,
    visible: ({ viewer: { mySlot } }) => mySlot?.role === 'co' && mySlot.status === 'acknowledged',
    dialog: UnitOpinionDialog,
  },
  {
    key: 'answer',
    label: (c) => (c.viewer.myAnswer ? '修改答复' : '起草答复'),
    ability: 'saveAnswer',
    primary: (c) => !c.viewer.myAnswer,
    visible: (c) => c.viewer.answering && c.viewer.answerEditable,
    dialog: SaveAnswerDialog,
  },
  {
    key: 'submitAnswer',
    label: '提交负责人审核',
    ability: 'submitAnswer',
    primary: true,
    visible: (c) => c.viewer.answering && !!c.viewer.myAnswer && c.viewer.answerEditable,
    confirm: {
      title: '提交负责人审核',
      content: '答复须经本单位负责人审核后才报送提案委。',
      run: (c) => c.send('submitAnswer', {}),
      success: '已提交负责人审核',
    },
  },
  {
    key: 'headApprove',
    label: '审核通过并报送',
    ability: 'headApproveAnswer',
    primary: true,
    visible: (c) => c.viewer.myAnswer?.state === 'pendingHead',
    confirm: {
      title: '审核通过',
      content: '审核通过后答复报送提案委员会。',
      run: (c) => c.send('headApproveAnswer', {}),
      success: '答复已报送',
    },
  },
  {
    key: 'headReturn',
    label: '退回经办人',
    // The head's return is offered wherever the head may approve, as one decision.
    ability: 'headApproveAnswer',
    visible: (c) => c.viewer.myAnswer?.state === 'pendingHead',
    dialog: HeadReturnDialog,
  },
  {
    key: 'followupReport',
    label: '报送回头看',
    ability: 'reportFollowup',
    primary: true,
    visible: (c) => c.viewer.myFollowups.length > 0,
    dialog: FollowupReportDialog,
  },
  {
    key: 'evaluate',
    label: '双向评议',
    ability: 'evaluate',
    visible: ({ proposal: p, viewer }) =>
      !viewer.myEvaluated && (!!viewer.mySlot || p.units.some((u) => u.active && u.role !== 'co')),
    dialog: EvaluateDialog,
  },
];
