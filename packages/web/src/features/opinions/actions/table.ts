import type { WorkflowAction } from '../../../components/WorkflowActions';
import type { OpinionActionContext } from './context';
import {
  AdoptDialog,
  ArchiveDialog,
  CombineDialog,
  ReopenDialog,
  ReturnDialog,
  WithdrawDialog,
} from './DecisionDialogs';
import {
  ExternalOutcomeDialog,
  ForwardDialog,
  InstructionDialog,
  InstructionDoneDialog,
  ReportDialog,
} from './FeedbackDialogs';

type Action = WorkflowAction<OpinionActionContext>;

/**
 * Every button of the opinion detail, in the order shown: submitter, co-author, staff. A button shows
 * when the opinion's `policies` grant its ability; `visible` hides buttons with nothing left to act on.
 * 保存编辑稿 is the edit panel of the page, not a button.
 */
export const opinionActions: readonly Action[] = [
  // Submitter
  {
    key: 'edit',
    label: '修改',
    ability: 'update',
    perform: (c) => c.navigate(`/opinions/${c.opinion.id}/edit`),
  },
  {
    key: 'submit',
    label: '报送',
    ability: 'submit',
    primary: true,
    confirm: {
      title: '报送信息',
      content: ({ opinion: o }) =>
        o.coauthors.some((c) => c.status === 'invited')
          ? '尚有联名人未确认，报送后未确认的联名人仍可确认。确定报送吗？'
          : '报送后由信息工作人员编辑处理，开始编辑前可以撤回。确定报送吗？',
      run: (c) => c.send('submit', { version: c.opinion.version }),
      success: '信息已报送',
    },
  },
  { key: 'withdraw', label: '撤回', ability: 'withdraw', danger: true, dialog: WithdrawDialog },

  // Co-author
  {
    key: 'confirmCoauthor',
    label: '确认联名',
    ability: 'respondCoauthor',
    primary: true,
    confirm: {
      title: '确认联名',
      content: '确认作为联名人列为该信息的共同作者？',
      run: (c) => c.send('respondCoauthor', { confirm: true }),
      success: '已确认联名',
    },
  },
  {
    key: 'declineCoauthor',
    label: '谢绝联名',
    ability: 'respondCoauthor',
    danger: true,
    confirm: {
      title: '谢绝联名',
      content: '确定谢绝联名该信息？',
      run: (c) => c.send('respondCoauthor', { confirm: false }),
      success: '已谢绝联名',
      danger: true,
    },
  },

  // Staff: decisions
  {
    key: 'startEditing',
    label: '开始编辑',
    ability: 'startEditing',
    primary: true,
    confirm: {
      title: '开始编辑',
      content: '开始编辑后报送人不能再撤回；原文保留不变，编辑稿另存。',
      run: (c) => c.send('startEditing', { version: c.opinion.version }),
      success: '已开始编辑',
    },
  },
  { key: 'adopt', label: '单篇采用', ability: 'adopt', primary: true, dialog: AdoptDialog },
  { key: 'combine', label: '综合采用', ability: 'combine', dialog: CombineDialog },
  { key: 'archive', label: '留存', ability: 'archive', dialog: ArchiveDialog },
  { key: 'return', label: '退回修改', ability: 'return', dialog: ReturnDialog },
  { key: 'reopen', label: '撤销决定', ability: 'reopen', danger: true, dialog: ReopenDialog },

  // Staff: feedback on an adopted article
  {
    key: 'report',
    label: '向上级报送',
    ability: 'report',
    primary: true,
    visible: ({ opinion: o }) =>
      !o.reportedTo.includes('national') || (!!o.parentLevel && !o.reportedTo.includes(o.parentLevel)),
    dialog: ReportDialog,
  },
  {
    key: 'externalOutcome',
    label: '登记全国政协采用',
    ability: 'recordExternalOutcome',
    visible: ({ opinion: o }) =>
      o.reportedTo.includes('national') &&
      !o.ledger.some((l) => l.level === 'national' && l.event === 'adopted'),
    dialog: ExternalOutcomeDialog,
  },
  { key: 'instruction', label: '登记领导批示', ability: 'recordInstruction', dialog: InstructionDialog },
  {
    key: 'instructionDone',
    label: '登记落实情况',
    ability: 'reportInstructionDone',
    visible: ({ opinion: o }) => o.instructions.some((i) => !i.doneAt),
    dialog: InstructionDoneDialog,
  },
  { key: 'forward', label: '转办', ability: 'forward', dialog: ForwardDialog },
];
