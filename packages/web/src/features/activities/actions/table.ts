import type { WorkflowAction } from '../../../components/WorkflowActions';
import {
  CancelDialog,
  CloseDialog,
  InviteDialog,
  RemoveInvitationDialog,
  ReopenDialog,
} from './ActivityDialogs';
import type { ActivityActionContext } from './context';

type Action = WorkflowAction<ActivityActionContext>;

/**
 * Every button of the staff's activity page, in the order shown. A button shows when the activity's
 * `policies` grant its ability. Marking attendance is the roster's own bar (it acts on the ticked rows).
 */
export const activityActions: readonly Action[] = [
  {
    key: 'publish',
    label: '发布',
    ability: 'publish',
    primary: true,
    confirm: {
      title: '发布活动',
      content: ({ activity: a }) =>
        a.invitedCount > 0
          ? `发布后向 ${a.invitedCount} 名被邀请委员发出活动通知，委员可回复参加或请假。确定发布吗？`
          : '尚未邀请委员。发布后再邀请的委员也会收到通知。确定发布吗？',
      run: (c) => c.send('publish', { version: c.activity.version }),
      success: '活动已发布',
    },
  },
  { key: 'invite', label: '邀请委员', ability: 'invite', dialog: InviteDialog },
  {
    key: 'removeInvitation',
    label: (c) => (c.selected.length ? `取消邀请（${c.selected.length}）` : '取消邀请'),
    ability: 'removeInvitation',
    visible: (c) => c.activity.invitations.length > 0,
    dialog: RemoveInvitationDialog,
  },
  {
    key: 'edit',
    label: '修改',
    ability: 'update',
    perform: (c) => c.navigate(`/activities/${c.activity.id}/edit`),
  },
  { key: 'close', label: '结束活动', ability: 'close', primary: true, dialog: CloseDialog },
  { key: 'reopen', label: '重新打开', ability: 'reopen', danger: true, dialog: ReopenDialog },
  // Spelt out: usePolicy reads an ability starting with `can` as the policy's own key.
  { key: 'cancel', label: '取消活动', ability: 'canCancel', danger: true, dialog: CancelDialog },
];
