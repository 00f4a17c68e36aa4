import type { ForwardingCommandRoutes } from '@cppcc/shared';
import { useForwardingCommand, type ForwardingDto } from '../../../api/opinions';
import { AttachmentUpload } from '../../../components/AttachmentUpload';
import { SchemaItem } from '../../../components/schemaFields';
import { WorkflowActions, type WorkflowAction } from '../../../components/WorkflowActions';
import { sender, type ForwardingActionContext } from './context';
import { forwardingDialog } from './dialogs';

const AnswerDialog = forwardingDialog(
  {
    command: 'answer',
    title: '答复转办件',
    okText: '提交答复',
    success: '答复已提交',
    width: 600,
    text: { name: 'text', label: '办理答复', rows: 6 },
  },
  function AnswerFields({ schema }) {
    return (
      <SchemaItem schema={schema} name="attachmentIds" label="附件">
        <AttachmentUpload />
      </SchemaItem>
    );
  },
);

const ReturnItemDialog = forwardingDialog({
  command: 'returnItem',
  title: '退回转办件',
  okText: '退回',
  danger: true,
  success: '已退回',
  warning: '退回后由信息工作人员另行处理。',
  text: { name: 'reason', label: '退回理由', placeholder: '说明不属于本单位职责的原因' },
});

const AcceptAnswerDialog = forwardingDialog({
  command: 'acceptAnswer',
  title: '认可答复',
  okText: '认可',
  success: '已认可答复，转办件办结',
  text: { name: 'comment', label: '意见', rows: 2 },
});

const RejectAnswerDialog = forwardingDialog({
  command: 'rejectAnswer',
  title: '不认可答复',
  okText: '不认可，重新办理',
  danger: true,
  success: '已退回单位重新办理',
  text: { name: 'comment', label: '意见', rows: 3 },
});

/** The buttons of a forwarded item: the unit's 签收, 答复, 退回; the staff's 认可 / 不认可. */
export const forwardingActions: readonly WorkflowAction<ForwardingActionContext>[] = [
  {
    key: 'acknowledge',
    label: '签收',
    ability: 'acknowledge',
    primary: true,
    confirm: {
      title: '签收转办件',
      content: (c) => `确认由本单位办理「${c.item.opinionTitle}」？`,
      run: (c) => c.send('acknowledge', { version: c.item.version }),
      success: '已签收',
    },
  },
  { key: 'answer', label: '答复', ability: 'answer', primary: true, dialog: AnswerDialog },
  { key: 'returnItem', label: '退回', ability: 'returnItem', danger: true, dialog: ReturnItemDialog },
  { key: 'acceptAnswer', label: '认可', ability: 'acceptAnswer', primary: true, dialog: AcceptAnswerDialog },
  { key: 'rejectAnswer', label: '不认可', ability: 'rejectAnswer', danger: true, dialog: RejectAnswerDialog },
];

export function ForwardingActions({ item }: { item: ForwardingDto }) {
  const command = useForwardingCommand(item.id);
  const context: ForwardingActionContext = {
    item,
    send: sender<ForwardingCommandRoutes, ForwardingDto>(command.mutateAsync),
  };
  return <WorkflowActions actions={forwardingActions} context={context} policies={item.policies} />;
}
