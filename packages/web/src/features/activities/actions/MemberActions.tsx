import { useNavigate } from 'react-router';
import { Typography } from 'antd';
import { requestLeaveBody } from '@cppcc/shared';
import { useInvitationStep, type ActivityDetail } from '../../../api/activities';
import { showSuccess } from '../../../app/notifier';
import { CommandModal } from '../../../components/CommandModal';
import { dateTimeText } from '../../../components/columns';
import { SchemaText } from '../../../components/schemaFields';
import {
  WorkflowActions,
  type ActionDialogProps,
  type WorkflowAction,
} from '../../../components/WorkflowActions';

/** What a member's buttons on their invitation read. */
interface MemberContext {
  activity: ActivityDetail;
  step: ReturnType<typeof useInvitationStep>['mutateAsync'];
  navigate: (to: string) => void;
}

function LeaveDialog({ context, open, onClose, afterClose }: ActionDialogProps<MemberContext>) {
  return (
    <CommandModal
      title="请假"
      okText="提交请假"
      open={open}
      onClose={onClose}
      afterClose={afterClose}
      run={async (body) => {
        await context.step({ step: 'leave', body: body as { reason: string } });
        showSuccess('请假已提交，等待审批');
      }}
    >
      {() => (
        <>
          <Typography.Paragraph type="secondary">
            请假须在 {dateTimeText(context.activity.leaveDeadline)} 前提出，经审批后生效。
          </Typography.Paragraph>
          <SchemaText schema={requestLeaveBody} name="reason" label="请假理由" rows={3} />
        </>
      )}
    </CommandModal>
  );
}

/** Whether signing in is what the member does now: the window the record states is open, and not yet done. */
export const signInOpen = (a: ActivityDetail) =>
  a.policies.canSignIn === true && a.tracksAttendance && a.signInWindow.open && !a.mine?.signedInAt;

/** A member's buttons on their own invitation: 参加, 请假 and 签到, as the activity's `policies` allow. */
const memberActions: readonly WorkflowAction<MemberContext>[] = [
  {
    key: 'signIn',
    label: '签到',
    ability: 'signIn',
    primary: true,
    visible: (c) => signInOpen(c.activity),
    perform: (c) => c.navigate(`/activities/${c.activity.id}/sign-in`),
  },
  {
    key: 'reply',
    label: '参加',
    ability: 'reply',
    primary: (c) => !signInOpen(c.activity),
    visible: (c) => c.activity.mine?.reply !== 'attending',
    confirm: {
      title: '回复参加',
      content: (c) => `确认参加「${c.activity.topic}」？`,
      run: (c) => c.step({ step: 'reply', body: {} }),
      success: '已回复参加',
    },
  },
  {
    key: 'requestLeave',
    label: '请假',
    ability: 'requestLeave',
    // A request waiting or granted is not asked again, nor one after the deadline the record states.
    visible: ({ activity: a }) =>
      a.mine?.leaveState !== 'requested' &&
      a.mine?.leaveState !== 'approved' &&
      Date.now() < Date.parse(a.leaveDeadline),
    dialog: LeaveDialog,
  },
];

export function MemberActions({ activity }: { activity: ActivityDetail }) {
  const navigate = useNavigate();
  const step = useInvitationStep(activity.id);
  return (
    <WorkflowActions
      actions={memberActions}
      context={{ activity, step: step.mutateAsync, navigate }}
      policies={activity.policies}
    />
  );
}
