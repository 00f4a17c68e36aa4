import type { LeaveCommandRoutes } from '@cppcc/shared';
import { useLeaveCommand, type LeaveRequestDto } from '../../../api/activities';
import { WorkflowActions, type WorkflowAction } from '../../../components/WorkflowActions';
import { sender, type LeaveActionContext } from './context';
import { leaveDialog } from './dialogs';

const ApproveDialog = leaveDialog({
  command: 'approve',
  title: '准假',
  okText: '准假',
  success: '已准假',
  text: { name: 'note', label: '审批意见', rows: 2 },
});

const RefuseDialog = leaveDialog({
  command: 'refuse',
  title: '不准假',
  okText: '不准假',
  danger: true,
  success: '已不准假，委员须按时出席',
  text: { name: 'note', label: '不准假的理由', rows: 2 },
});

/** The buttons of a leave request: the approver's 准假 / 不准假, the member's 撤回请假. */
export const leaveActions: readonly WorkflowAction<LeaveActionContext>[] = [
  { key: 'approve', label: '准假', ability: 'approve', primary: true, dialog: ApproveDialog },
  { key: 'refuse', label: '不准假', ability: 'refuse', danger: true, dialog: RefuseDialog },
  {
    key: 'withdraw',
    label: '撤回请假',
    ability: 'withdraw',
    confirm: {
      title: '撤回请假',
      content: '撤回后须按时出席活动。确定撤回请假吗？',
      run: (c) => c.send('withdraw', { version: c.leave.version }),
      success: '请假已撤回',
    },
  },
];

export function LeaveActions({ leave }: { leave: LeaveRequestDto }) {
  const command = useLeaveCommand(leave.id);
  const context: LeaveActionContext = {
    leave,
    send: sender<LeaveCommandRoutes>(command.mutateAsync),
  };
  return <WorkflowActions actions={leaveActions} context={context} policies={leave.policies} />;
}
