import type { WorkflowAction } from '../../../components/WorkflowActions';
import type { PlanActionContext } from './context';
import { ApproveDialog, WithdrawDialog } from './dialogs';

/**
 * Every button of the plan, in the order shown. A button shows when the plan's `policies` grant its
 * ability: the liaison staff edit and send a draft, record the approval, or take a submitted plan back.
 */
export const planActions: readonly WorkflowAction<PlanActionContext>[] = [
  {
    key: 'edit',
    label: '修改计划',
    ability: 'update',
    perform: (c) => c.navigate(`/consultation-plans/${c.plan.id}/edit`),
  },
  {
    key: 'submit',
    label: '报送党委',
    ability: 'submit',
    primary: true,
    confirm: {
      title: '报送党委审定',
      content: ({ plan }) =>
        `将“${plan.title}”（协商事项 ${plan.counts.total} 项）报送党委审定。报送后不能修改，需修改时可退回。确定报送吗？`,
      run: (c) => c.send('submit', { version: c.plan.version }),
      success: '计划已报送党委',
    },
  },
  { key: 'approve', label: '登记批准', ability: 'approve', primary: true, dialog: ApproveDialog },
  { key: 'withdraw', label: '退回修改', ability: 'withdraw', danger: true, dialog: WithdrawDialog },
];
